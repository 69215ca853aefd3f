// The reasons the panel gives for a page it cannot read fully come from the locale files, in the interface language.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguageSetting } from '../../../utils/i18n';
import { createXAdapter } from '../../../utils/sites/x';

const POST_URL = new URL('https://x.com/acme/status/1981646846161846274');
const conversation = () =>
  new DOMParser().parseFromString(
    readFileSync(path.join(import.meta.dirname, 'x-fixtures', 'x-conversation.html'), 'utf8'),
    'text/html',
  );

/** A conversation with Anna's reply left without its time link: one of 13 replies cannot be read. */
function oneUnreadable(): Document {
  const doc = conversation();
  const anna = [...doc.querySelectorAll('article')].find((a) => a.querySelector('a[href="/kovacs_anna"]'))!;
  anna.querySelector('time')!.closest('a')!.remove();
  return doc;
}

describe('problems on the panel', () => {
  afterEach(async () => {
    await applyLanguageSetting('auto');
  });

  it.each([
    ['hu', '13 válaszból 1 nem olvasható (egy kommentnek nincs időbélyege).'],
    ['bn', '১৩টি উত্তরের মধ্যে ১টি পড়া যায়নি (একটি মন্তব্যে সময় নেই)।'],
    ['km', 'ចម្លើយ 1 ក្នុងចំណោម 13 អានមិនបាន (មតិយោបល់មួយគ្មានត្រាពេលវេលា)។'],
  ])('say which replies could not be read in %s, numbers included', async (locale, sentence) => {
    await applyLanguageSetting(locale);
    const read = createXAdapter().read(oneUnreadable(), POST_URL);
    expect(read.problems).toEqual([sentence]);
  });

  it('no adapter writes a problem sentence of its own (every one comes from the locale files)', () => {
    const root = path.join(import.meta.dirname, '../../../utils/sites');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    // A quoted snake_case word is a locale key (`problem: 'problem_reason_no_row'`), not a sentence.
    const literal = /(?:problem:\s*|problems\.push\(\s*|problems:\s*\[\s*|reasons\.add\(\s*)[`'"](?![a-z0-9_]+[`'"])/;
    const offenders = files.filter((f) => literal.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
