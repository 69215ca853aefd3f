import { describe, expect, it } from 'vitest';
import {
  BADGE_CSS,
  LAYER_CSS,
  PANEL_CSS,
  SITE_BACKGROUNDS,
  THEME_TOKENS,
  type Theme,
  type ThemeTokens,
} from '../../../components/overlay/styles';

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const v = Number.parseInt(h!, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const THEMES: Theme[] = ['light', 'dark'];
type Key = keyof ThemeTokens;

// Text on its background: 4.5:1 (AA, normal text).
const TEXT_PAIRS: [Key, Key][] = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['fg', 'hover'],
  ['muted', 'hover'],
  ['accentFg', 'accent'],
  ['accent', 'bg'],
  ['okFg', 'okBg'],
  ['warnFg', 'warnBg'],
  ['breachFg', 'breachBg'],
  ['bg', 'fg'],
];

describe('theme colours', () => {
  for (const theme of THEMES) {
    const t = THEME_TOKENS[theme];
    it.each(TEXT_PAIRS)(`${theme}: %s on %s reads at 4.5:1 or more`, (fg, bg) => {
      expect(contrast(t[fg], t[bg])).toBeGreaterThanOrEqual(4.5);
    });

    it(`${theme}: badge text and focus rings read on the site's own backgrounds`, () => {
      for (const page of SITE_BACKGROUNDS[theme]) {
        expect(contrast(t.muted, page)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(t.focus, page)).toBeGreaterThanOrEqual(3);
        // The failure icon (non-text): 3:1.
        expect(contrast(t.breachMark, page)).toBeGreaterThanOrEqual(3);
      }
      expect(contrast(t.focus, t.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(t.breachMark, t.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(t.warnFg, t.bg)).toBeGreaterThanOrEqual(3);
    });

    it(`${theme}: the three levels differ in text colour`, () => {
      expect(new Set([t.okFg, t.warnFg, t.breachBg]).size).toBe(3);
    });
  }
});

describe('overlay CSS', () => {
  it.each([
    ['badge', BADGE_CSS],
    ['panel', PANEL_CSS],
    ['layer', LAYER_CSS],
  ])('%s: isolates from the site, themes, scales and respects reduced motion', (_name, css) => {
    expect(css).toMatch(/:host\s*\{[^}]*all:\s*initial/);
    expect(css).toContain('--rr-font-size');
    expect(css).toContain('system-ui');
    expect(css).toContain(":host([data-theme='dark'])");
    expect(css).toContain(THEME_TOKENS.dark.bg);
    expect(css).toContain(':focus-visible');
    // Motion only for users who did not ask for less.
    const withoutMotionBlock = css.replace(/@media \(prefers-reduced-motion: no-preference\)\s*\{[^}]*\}\s*\}/g, '');
    expect(withoutMotionBlock).not.toMatch(/transition|animation/);
    expect(css).toContain('prefers-reduced-motion');
  });

  it('the layer sheet carries the picker styles it shows', () => {
    expect(LAYER_CSS).toContain('.rr-picker');
  });
});
