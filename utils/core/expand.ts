// Type-to-expand: which template a just-typed ";shortcut" names. Pure (no DOM): the overlay hands it the reply box's
// text before the caret and the key pressed, and replaces the range it returns.

/** Keys that complete a shortcut (only when one matched: otherwise they keep their usual meaning). */
export type ExpandKey = 'Tab' | ' ';

/** A trigger is one character that is not a letter, digit or space (default ";"), or '' for off. */
export const TRIGGER_PATTERN = /^(?:[^\s\p{L}\p{N}\p{M}])?$/u;
export const DEFAULT_TRIGGER = ';';

/** Shortcuts are compared without case and surrounding blanks, as the options page keeps them unique. */
export const shortcutKey = (s: string): string => s.trim().toLowerCase();

/** What may stand right before the trigger: nothing, a blank, or an opening bracket or quote (never a letter). */
const BOUNDARY = /[\s\p{Ps}\p{Pi}"'«„“]/u;

export interface ExpandMatch {
  /** Plain-text offsets of the typed trigger and shortcut: start … end is what the template replaces. */
  start: number;
  end: number;
  templateId: string;
}

/**
 * The template whose shortcut ends the text before the caret, typed after the trigger at a word start. `a;thanks`
 * never matches (inside a word); neither does a shortcut with a blank in it or one no template has.
 */
export function matchExpansion(
  beforeCaret: string,
  trigger: string,
  templates: readonly { id: string; shortcut?: string; deletedAt?: number }[],
): ExpandMatch | null {
  if (!trigger || !TRIGGER_PATTERN.test(trigger)) return null;
  const at = beforeCaret.lastIndexOf(trigger);
  if (at === -1) return null;
  const typed = beforeCaret.slice(at + trigger.length);
  if (typed === '' || typed.length > 32 || /\s/.test(typed)) return null;
  const previous = beforeCaret.slice(0, at);
  const before = Array.from(previous).pop();
  if (before !== undefined && !BOUNDARY.test(before)) return null;
  const key = shortcutKey(typed);
  const template = templates.find((t) => t.deletedAt === undefined && t.shortcut && shortcutKey(t.shortcut) === key);
  return template ? { start: at, end: beforeCaret.length, templateId: template.id } : null;
}

/** The key completes a shortcut: Tab or Space alone, no modifier, not while an IME composes, not held down. */
export function isExpandKey(e: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat?: boolean;
  isComposing?: boolean;
}): e is typeof e & { key: ExpandKey } {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat || e.isComposing) return false;
  return e.key === 'Tab' || e.key === ' ';
}
