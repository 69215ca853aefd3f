// The locale files stay in step: every locale has exactly English's keys, the same placeholders, whole plural
// pairs, nothing browser.i18n would misread, and manifest texts within the stores' limits.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../utils/i18n/locales';

const root = path.join(import.meta.dirname, '../../../public/_locales');
type Entry = { message: string; description?: string };
const read = (locale: string): Record<string, Entry> =>
  JSON.parse(readFileSync(path.join(root, locale, 'messages.json'), 'utf8'));
const en = read('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('ships exactly the four interface languages', () => {
    expect(readdirSync(root).sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const messages = read(locale);

      it('has every key English has and no other', () => {
        const keys = Object.keys(messages);
        expect(
          Object.keys(en).filter((k) => !keys.includes(k)),
          'missing keys',
        ).toEqual([]);
        expect(
          keys.filter((k) => !Object.hasOwn(en, k)),
          'extra keys',
        ).toEqual([]);
      });

      it('has a non-empty message for each key, in a form browser.i18n reads as is', () => {
        for (const [key, entry] of Object.entries(messages)) {
          expect(key, key).toMatch(/^[a-z0-9_]+$/);
          expect(typeof entry.message, key).toBe('string');
          expect(entry.message.trim(), key).not.toBe('');
          // browser.i18n treats $ as its own placeholder syntax.
          expect(entry.message, key).not.toContain('$');
        }
      });

      it('uses the same {placeholders} as English', () => {
        for (const [key, entry] of Object.entries(messages)) {
          const ours = placeholders(entry.message);
          const theirs = placeholders(en[key]?.message ?? '');
          // A singular form may spell the number out ("egy", "one") instead of using {count}.
          if (key.endsWith('_one'))
            expect(
              ours.filter((p) => p !== 'count'),
              key,
            ).toEqual(theirs.filter((p) => p !== 'count'));
          else expect(ours, key).toEqual(theirs);
        }
      });

      it('keeps the manifest texts within the stores’ limits', () => {
        expect(messages.ext_name?.message.length).toBeLessThanOrEqual(45);
        expect(messages.ext_description?.message.length).toBeLessThanOrEqual(132);
      });
    });
  }

  it('gives each plural a _one and an _other form', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('_one')) expect(Object.hasOwn(en, key.replace(/_one$/, '_other')), key).toBe(true);
    }
  });
});
