// Shortcut chords as the options page lists and checks them. Recording and site-conflict rules come from the overlay's
// keyboard module, so the page warns about exactly what the overlay will do.
import type { Chord, Settings, ShortcutAction } from '../../utils/core/settings';
import { conflictsWithSite, formatChord } from '../../utils/overlay/keyboard';

export function isMacPlatform(): boolean {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const platform = nav?.userAgentData?.platform || nav?.platform || '';
  return /mac/i.test(platform);
}

/** "Alt+J", or "⌥J" on a Mac. */
export function chordText(chord: Chord): string {
  return formatChord(chord, isMacPlatform() ? 'mac' : 'other');
}

export function sameChord(a: Chord, b: Chord): boolean {
  return a.code === b.code && a.alt === b.alt && a.ctrl === b.ctrl && a.shift === b.shift && a.meta === b.meta;
}

export const ACTION_LABELS: Record<ShortcutAction, string> = {
  next: 'Next waiting comment',
  previous: 'Previous waiting comment',
  reply: 'Reply to the current comment',
  done: 'Mark as done',
  snooze: 'Snooze for 1 hour',
  togglePanel: 'Show or hide the queue panel',
  template1: 'Insert template 1',
  template2: 'Insert template 2',
  template3: 'Insert template 3',
  template4: 'Insert template 4',
  template5: 'Insert template 5',
  template6: 'Insert template 6',
  template7: 'Insert template 7',
  template8: 'Insert template 8',
  template9: 'Insert template 9',
};

export const ACTION_ORDER: readonly ShortcutAction[] = Object.keys(ACTION_LABELS) as ShortcutAction[];

/** The other action already bound to this chord, if any. */
export function chordOwner(
  shortcuts: Settings['shortcuts'],
  chord: Chord,
  except: ShortcutAction,
): ShortcutAction | undefined {
  return ACTION_ORDER.find((a) => a !== except && shortcuts[a] !== undefined && sameChord(shortcuts[a], chord));
}

export interface ChordProblem {
  kind: 'duplicate' | 'site';
  message: string;
}

/** What is wrong with each action's chord: a chord two actions share (one never fires), a clash with the site. */
export function chordProblems(shortcuts: Settings['shortcuts']): Partial<Record<ShortcutAction, ChordProblem[]>> {
  const out: Partial<Record<ShortcutAction, ChordProblem[]>> = {};
  for (const action of ACTION_ORDER) {
    const chord = shortcuts[action];
    if (!chord) continue;
    const problems: ChordProblem[] = [];
    const owner = chordOwner(shortcuts, chord, action);
    if (owner) {
      problems.push({ kind: 'duplicate', message: `${chordText(chord)} is also bound to “${ACTION_LABELS[owner]}”.` });
    }
    const site = conflictsWithSite(chord);
    if (site) problems.push({ kind: 'site', message: site });
    if (problems.length > 0) out[action] = problems;
  }
  return out;
}
