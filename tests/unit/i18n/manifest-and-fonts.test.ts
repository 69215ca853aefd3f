// Issue 13's bullets that live outside the locale files: the manifest's name and description come from them (so the
// store and the browser's extension list show them in the user's language), and Bengali and Khmer are drawn with
// fonts that have their glyphs, on the overlay and on the extension's pages, with Khmer wrapping in a narrow column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_CSS, LAYER_CSS, PANEL_CSS } from '../../../components/overlay/styles';
import { LOCALES } from '../../../utils/i18n/locales';
import config from '../../../wxt.config';

const repo = path.join(import.meta.dirname, '../../..');
const messages = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(path.join(repo, 'public/_locales', locale, 'messages.json'), 'utf8'));

type Manifest = { name?: string; description?: string; default_locale?: string; commands?: unknown };
const manifestFor = (browser: string): Manifest =>
  (config.manifest as (env: { browser: string; manifestVersion: number }) => Manifest)({ browser, manifestVersion: 3 });

describe('the manifest in four languages', () => {
  for (const browser of ['chrome', 'firefox']) {
    it(`${browser}: name, description and the panel command come from the locale files`, () => {
      const manifest = manifestFor(browser);
      expect(manifest.name).toBe('__MSG_ext_name__');
      expect(manifest.description).toBe('__MSG_ext_description__');
      expect(manifest.default_locale).toBe('en');
      expect(JSON.stringify(manifest.commands)).toContain('__MSG_command_toggle_panel__');
    });
  }

  it('every locale words them in its own language', () => {
    const en = messages('en');
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const own = messages(locale);
      for (const key of ['ext_name', 'ext_description', 'command_toggle_panel']) {
        expect(own[key]?.message, `${locale} ${key}`).toBeTruthy();
        // The product's name stays; the description and the command are translated.
        if (key !== 'ext_name') expect(own[key]?.message, `${locale} ${key}`).not.toBe(en[key]?.message);
      }
    }
  });
});

/** The declarations of the first rule whose selector contains `selector`. */
function rule(css: string, selector: string): string {
  const at = css.indexOf(`${selector} {`);
  expect(at, selector).toBeGreaterThanOrEqual(0);
  return css.slice(at, css.indexOf('}', at));
}

describe('fonts with Bengali and Khmer glyphs, and Khmer line breaking', () => {
  const pagesCss = readFileSync(path.join(repo, 'entrypoints/options/style.css'), 'utf8').replaceAll('"', "'");

  for (const [name, css, prefix] of [
    ['badge', BADGE_CSS, '.rr-root'],
    ['panel', PANEL_CSS, '.rr-root'],
    ['picker', LAYER_CSS, '.rr-root'],
    ['options, popup and dashboard', pagesCss, ':root'],
  ] as const) {
    it(name, () => {
      const bn = rule(css, `${prefix}:lang(bn)`);
      expect(bn).toContain("'Noto Sans Bengali'");
      expect(bn).toMatch(/'Nirmala UI'|Vrinda/);
      const km = rule(css, `${prefix}:lang(km)`);
      expect(km).toContain("'Noto Sans Khmer'");
      expect(km).toContain("'Khmer UI'");
      if (prefix === '.rr-root') {
        // Khmer has no spaces between words: in the narrow panel a line breaks inside a run rather than overflow.
        expect(km).toContain('overflow-wrap: anywhere');
      }
    });
  }
});
