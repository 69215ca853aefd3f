import { describe, expect, it, vi } from 'vitest';
import { type Chord, DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import { applyLanguageSetting, type Locale } from '../../../utils/i18n';
import {
  chordFromEvent,
  conflictsWithSite,
  formatChord,
  matchShortcut,
  type ShortcutEvent,
  templateKeysText,
} from '../../../utils/overlay/keyboard';

const SHORTCUTS = DEFAULT_SETTINGS.shortcuts;

function ev(over: Partial<ShortcutEvent> & { code: string }): ShortcutEvent {
  return {
    key: '',
    altKey: false,
    ctrlKey: false,
    shiftKey: false,
    metaKey: false,
    repeat: false,
    isComposing: false,
    keyCode: 0,
    ...over,
  };
}

const chord = (code: string, mods: Partial<Omit<Chord, 'code'>> = {}): Chord => ({
  code,
  alt: false,
  ctrl: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('matchShortcut', () => {
  it.each<[string, ShortcutEvent, Settings['shortcuts'], string | null]>([
    ['Alt+J', ev({ code: 'KeyJ', key: 'j', altKey: true }), SHORTCUTS, 'next'],
    ['Option+J on a Mac types "∆" but is still KeyJ', ev({ code: 'KeyJ', key: '∆', altKey: true }), SHORTCUTS, 'next'],
    ['Option+K on a Mac types "˚"', ev({ code: 'KeyK', key: '˚', altKey: true }), SHORTCUTS, 'previous'],
    ['Alt+J on an AZERTY/Cyrillic layout (key "о")', ev({ code: 'KeyJ', key: 'о', altKey: true }), SHORTCUTS, 'next'],
    ['Alt+3 picks template 3', ev({ code: 'Digit3', key: '3', altKey: true }), SHORTCUTS, 'template3'],
    ['a held-down key repeating', ev({ code: 'KeyJ', key: 'j', altKey: true, repeat: true }), SHORTCUTS, null],
    ['an IME composing (isComposing)', ev({ code: 'KeyJ', altKey: true, isComposing: true }), SHORTCUTS, null],
    ['an IME composing (keyCode 229)', ev({ code: 'KeyJ', altKey: true, keyCode: 229 }), SHORTCUTS, null],
    ['Ctrl+Alt+J (AltGr on Windows) is not Alt+J', ev({ code: 'KeyJ', altKey: true, ctrlKey: true }), SHORTCUTS, null],
    ['Alt+Shift+J is not Alt+J', ev({ code: 'KeyJ', altKey: true, shiftKey: true }), SHORTCUTS, null],
    ['Alt+Meta+J is not Alt+J', ev({ code: 'KeyJ', altKey: true, metaKey: true }), SHORTCUTS, null],
    ['a bare J (the site’s own key)', ev({ code: 'KeyJ', key: 'j' }), SHORTCUTS, null],
    ['an unbound chord', ev({ code: 'KeyZ', key: 'z', altKey: true }), SHORTCUTS, null],
    [
      'a custom binding Ctrl+Shift+N',
      ev({ code: 'KeyN', key: 'N', ctrlKey: true, shiftKey: true }),
      { ...SHORTCUTS, next: chord('KeyN', { ctrl: true, shift: true }) },
      'next',
    ],
    [
      'the old binding no longer matches after a rebind',
      ev({ code: 'KeyJ', key: 'j', altKey: true }),
      { ...SHORTCUTS, next: chord('KeyN', { ctrl: true, shift: true }) },
      null,
    ],
    [
      'a custom ⌘+Shift+ArrowDown',
      ev({ code: 'ArrowDown', key: 'ArrowDown', metaKey: true, shiftKey: true }),
      { ...SHORTCUTS, next: chord('ArrowDown', { meta: true, shift: true }) },
      'next',
    ],
    ['an empty code falls back to a plain letter key', ev({ code: '', key: 'j', altKey: true }), SHORTCUTS, 'next'],
    ['an empty code with a non-letter key', ev({ code: '', key: '∆', altKey: true }), SHORTCUTS, null],
  ])('%s', (_name, event, shortcuts, expected) => {
    expect(matchShortcut(event, shortcuts)).toBe(expected);
  });

  it('accepts a real KeyboardEvent', () => {
    const e = new KeyboardEvent('keydown', { code: 'KeyR', key: '®', altKey: true });
    expect(matchShortcut(e, SHORTCUTS)).toBe('reply');
  });
});

describe('formatChord', () => {
  it.each<[Chord, string, string]>([
    [chord('KeyJ', { alt: true }), 'Alt+J', '⌥J'],
    [chord('Digit1', { alt: true }), 'Alt+1', '⌥1'],
    [chord('KeyN', { ctrl: true, shift: true }), 'Ctrl+Shift+N', '⌃⇧N'],
    [chord('KeyK', { ctrl: true, alt: true, shift: true, meta: true }), 'Ctrl+Alt+Shift+Meta+K', '⌃⌥⇧⌘K'],
    [chord('Slash', { meta: true }), 'Meta+/', '⌘/'],
    [chord('ArrowDown', { alt: true }), 'Alt+↓', '⌥↓'],
    [chord('F2'), 'F2', 'F2'],
    [chord('Numpad4', { alt: true }), 'Alt+Num 4', '⌥Num 4'],
  ])('%o → %s / %s', (c, other, mac) => {
    expect(formatChord(c, 'other')).toBe(other);
    expect(formatChord(c, 'mac')).toBe(mac);
  });

  // Keys named by a word are said in the interface language; keycap labels that every keyboard of the language
  // prints in Latin stay so (glossary), and the space bar, which has no label, is always a word of the language.
  it.each<[Locale, string, string, string]>([
    ['en', 'Alt+Space', 'Ctrl+Page Up', 'Alt+Enter'],
    ['hu', 'Alt+Szóköz', 'Ctrl+Page Up', 'Alt+Enter'],
    ['bn', 'Alt+স্পেস', 'Ctrl+পেজ আপ', 'Alt+এন্টার'],
    ['km', 'Alt+ដកឃ្លា', 'Ctrl+Page Up', 'Alt+Enter'],
  ])('names word keys in %s', async (locale, space, pageUp, enter) => {
    await applyLanguageSetting(locale);
    expect(formatChord(chord('Space', { alt: true }), 'other')).toBe(space);
    expect(formatChord(chord('PageUp', { ctrl: true }), 'other')).toBe(pageUp);
    expect(formatChord(chord('Enter', { alt: true }), 'other')).toBe(enter);
    expect(formatChord(chord('Space', { alt: true }), 'mac')).toBe(`⌥${space.slice('Alt+'.length)}`);
  });
});

describe('chordFromEvent', () => {
  it('records the chord by code, with its modifiers', () => {
    expect(chordFromEvent(ev({ code: 'KeyJ', key: '∆', altKey: true }))).toEqual(chord('KeyJ', { alt: true }));
    expect(chordFromEvent(ev({ code: 'Digit5', key: '%', ctrlKey: true, shiftKey: true }))).toEqual(
      chord('Digit5', { ctrl: true, shift: true }),
    );
  });

  it.each(['AltLeft', 'AltRight', 'ShiftLeft', 'ControlRight', 'MetaLeft', 'OSLeft', 'CapsLock'])(
    'returns null for a lone modifier (%s)',
    (code) => {
      expect(chordFromEvent(ev({ code, altKey: code.startsWith('Alt') }))).toBeNull();
    },
  );

  it('returns null while an IME composes', () => {
    expect(chordFromEvent(ev({ code: 'KeyJ', altKey: true, isComposing: true }))).toBeNull();
  });
});

describe('conflictsWithSite', () => {
  it.each([
    [chord('KeyJ'), ['X', 'Facebook']],
    [chord('KeyR'), ['X']],
    [chord('KeyC'), ['Facebook']],
    [chord('Slash', { shift: true }), ['X', 'Facebook']],
    [chord('Period'), ['X']],
  ])('warns about the sites’ single keys: %o', (c, sites) => {
    const warning = conflictsWithSite(c);
    expect(warning).not.toBeNull();
    for (const site of sites) expect(warning).toContain(site);
    expect(warning).toContain(formatChord(c, 'other'));
  });

  it('warns about other keys without a modifier too (they fire while typing a reply)', () => {
    expect(conflictsWithSite(chord('KeyZ'))).toMatch(/type/);
    expect(conflictsWithSite(chord('KeyJ', { shift: true }))).toMatch(/type/);
  });

  it.each([
    chord('KeyJ', { alt: true }),
    chord('KeyJ', { ctrl: true }),
    chord('KeyJ', { meta: true }),
    chord('Slash', { alt: true, shift: true }),
    chord('F7'),
  ])('accepts %o', (c) => {
    expect(conflictsWithSite(c)).toBeNull();
  });

  it('finds no conflict in the default shortcuts', () => {
    for (const c of Object.values(DEFAULT_SETTINGS.shortcuts)) expect(conflictsWithSite(c)).toBeNull();
  });
});

describe('templateKeysText', () => {
  const alt = (code: string) => ({ code, alt: true, ctrl: false, shift: false, meta: false });
  it('names Alt and the digit while template n keeps its Alt+digit binding', () => {
    expect(templateKeysText(alt('Digit3'), 3)).toBe('Alt+3');
  });
  it('names no keys once they were rebound (never the wrong ones)', () => {
    expect(templateKeysText(alt('Digit4'), 3)).toBe('');
    expect(templateKeysText({ ...alt('Digit3'), shift: true }, 3)).toBe('');
    expect(templateKeysText(undefined, 3)).toBe('');
  });
  it('spells Alt as ⌥ on a Mac', () => {
    vi.stubGlobal('navigator', { platform: 'MacIntel' });
    try {
      expect(templateKeysText(alt('Digit3'), 3)).toBe('⌥3');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
