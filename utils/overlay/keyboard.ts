// Keyboard chords, matched on KeyboardEvent.code: on a Mac Option+J types "∆", so `key` cannot be trusted when a
// modifier is down, but `code` is still "KeyJ". Pure: takes event-shaped objects, touches no DOM.
import { SHORTCUT_ACTIONS } from '../core/setting-names';
import type { Chord, Settings, ShortcutAction } from '../core/settings';
import { currentLocale, type MessageKey, t } from '../i18n';

/** The parts of a KeyboardEvent the chord logic reads (a real KeyboardEvent fits). */
export interface KeyChordEvent {
  code: string;
  key?: string;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  /** 229 while an IME composes, in browsers that do not set isComposing on the first key. */
  keyCode?: number;
}

export interface ShortcutEvent extends KeyChordEvent {
  repeat: boolean;
  isComposing: boolean;
}

const MODIFIER_CODES = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'OSLeft',
  'OSRight',
  'CapsLock',
  // i18n-ignore: a key code
  'Fn',
  'FnLock',
  'NumLock',
  'ScrollLock',
  'ContextMenu',
]);

const composing = (e: KeyChordEvent): boolean => e.isComposing === true || e.keyCode === 229;

/** The event's code; when a virtual keyboard leaves it empty, a plain letter or digit key still counts. */
function codeOf(e: KeyChordEvent): string {
  if (e.code && e.code !== 'Unidentified') return e.code;
  const key = e.key ?? '';
  // i18n-ignore: key codes (KeyboardEvent.code)
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  // i18n-ignore: a key code
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  return '';
}

function sameChord(e: KeyChordEvent, code: string, c: Chord): boolean {
  return (
    code === c.code && e.altKey === c.alt && e.ctrlKey === c.ctrl && e.shiftKey === c.shift && e.metaKey === c.meta
  );
}

/** The action bound to this key press, or null. Held-down repeats and IME composition never match. */
export function matchShortcut(e: ShortcutEvent, shortcuts: Settings['shortcuts']): ShortcutAction | null {
  if (e.repeat || composing(e)) return null;
  const code = codeOf(e);
  if (!code) return null;
  for (const action of SHORTCUT_ACTIONS) {
    const chord = shortcuts[action];
    if (chord && sameChord(e, code, chord)) return action;
  }
  return null;
}

/** The chord a key press makes, for the options page's shortcut recorder; null for a lone modifier or while composing. */
export function chordFromEvent(e: KeyChordEvent): Chord | null {
  if (composing(e)) return null;
  const code = codeOf(e);
  if (!code || MODIFIER_CODES.has(code)) return null;
  return { code, alt: e.altKey, ctrl: e.ctrlKey, shift: e.shiftKey, meta: e.metaKey };
}

/** Keys named by a word: said in the interface language (locale files; see the glossary for each language's usage). */
const WORD_KEYS: Record<string, MessageKey> = {
  Space: 'key_space',
  Enter: 'key_enter',
  Escape: 'key_escape',
  Backspace: 'key_backspace',
  Tab: 'key_tab',
  Delete: 'key_delete',
  Insert: 'key_insert',
  Home: 'key_home',
  End: 'key_end',
  PageUp: 'key_page_up',
  PageDown: 'key_page_down',
  NumpadEnter: 'key_numpad_enter',
};

/** Keys named by their symbol or their keycap's label ("Num"), the same in every language (glossary). */
// i18n-ignore-start: keycap labels
const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  Comma: ',',
  Period: '.',
  Slash: '/',
  IntlBackslash: '\\',
  NumpadAdd: 'Num +',
  NumpadSubtract: 'Num -',
  NumpadMultiply: 'Num *',
  NumpadDivide: 'Num /',
  NumpadDecimal: 'Num .',
};
// i18n-ignore-end

/** A readable name of the key a code stands for, in the US layout ("KeyJ" → "J"), words in the interface language. */
export function keyName(code: string): string {
  const word = Object.hasOwn(WORD_KEYS, code) ? WORD_KEYS[code] : undefined;
  if (word) return t(word);
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^Digit(\d)$/.exec(code);
  if (digit) return digit[1]!;
  const numpad = /^Numpad(\d)$/.exec(code);
  // i18n-ignore: the keycap's label, as in the other numpad names
  if (numpad) return `Num ${numpad[1]}`;
  return KEY_NAMES[code] ?? code;
}

/** True on a Mac, where chords are spelled with Apple's modifier symbols. */
export function isMacPlatform(): boolean {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const platform = nav?.userAgentData?.platform || nav?.platform || '';
  return /mac/i.test(platform);
}

/**
 * The keys that insert template `n` as the badge's tooltip names them: "Alt+3", "⌥3" on a Mac; '' when they were
 * rebound to something else (the tooltip then names no keys rather than the wrong ones; the options and the popup
 * list every binding). Small on purpose: the content script does not carry the key-name tables for a tooltip.
 */
export function templateKeysText(chord: Chord | undefined, n: number): string {
  // i18n-ignore: a KeyboardEvent code, not words
  if (!chord || chord.code !== `Digit${n}` || !chord.alt || chord.ctrl || chord.shift || chord.meta) return '';
  // i18n-ignore: the keycap's label, the same in all four languages (glossary)
  return isMacPlatform() ? `⌥${n}` : `Alt+${n}`;
}

/** "Alt+J", or "⌥J" on a Mac: a chord as this machine's keyboard shows it. */
export function chordText(chord: Chord): string {
  return formatChord(chord, isMacPlatform() ? 'mac' : 'other');
}

/** "Alt+J" elsewhere, "⌥J" on a Mac (modifiers in Apple's order: ⌃ ⌥ ⇧ ⌘). */
export function formatChord(chord: Chord, platform: 'mac' | 'other'): string {
  const key = keyName(chord.code);
  if (platform === 'mac') {
    return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.meta ? '⌘' : ''}${key}`;
  }
  // Modifier keycaps read the same on the keyboards of all four languages (glossary).
  const parts: string[] = [];
  // i18n-ignore-start: keycap labels
  if (chord.ctrl) parts.push('Ctrl');
  if (chord.alt) parts.push('Alt');
  if (chord.shift) parts.push('Shift');
  if (chord.meta) parts.push('Meta');
  // i18n-ignore-end
  parts.push(key);
  return parts.join('+');
}

// Single keys the sites act on by themselves (reference/sites.md); "?" is Shift+/.
// i18n-ignore: keys and key codes
const X_KEYS = new Set(['j', 'k', 'l', 'r', 't', 'n', 'm', 'u', 'o', '.', '/', '?', 'Space', 'Enter']);
const FACEBOOK_KEYS = new Set(['j', 'k', 'l', 'c', 's', 'o', 'p', 'q', 'e', '/', '?']);

/** What the site sees for an unmodified chord: "j", "/", "?" (Shift+/), "Space"… */
function siteKey(chord: Chord): string | null {
  const letter = /^Key([A-Z])$/.exec(chord.code);
  if (letter) return chord.shift ? null : letter[1]!.toLowerCase();
  if (chord.code === 'Slash') return chord.shift ? '?' : '/';
  if (chord.code === 'Period') return chord.shift ? null : '.';
  if (chord.code === 'Space' || chord.code === 'Enter') return chord.shift ? null : chord.code;
  return null;
}

/**
 * A warning when a chord without Alt, Ctrl or Meta would collide with the sites' own single-key shortcuts
 * (or with typing a reply); null when it is safe.
 */
export function conflictsWithSite(chord: Chord): string | null {
  if (chord.alt || chord.ctrl || chord.meta) return null;
  if (/^F\d{1,2}$/.test(chord.code)) return null;
  const name = formatChord(chord, 'other');
  const key = siteKey(chord);
  const sites = key === null ? [] : [X_KEYS.has(key) ? 'X' : '', FACEBOOK_KEYS.has(key) ? 'Facebook' : ''];
  const named = sites.filter(Boolean);
  if (named.length > 0) {
    const list = new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(named);
    return t('shortcut_site_conflict', { keys: name, sites: list });
  }
  return t('shortcut_bare_conflict', { keys: name });
}
