// Shortcut chords as the options page lists and checks them. Recording and site-conflict rules come from the overlay's
// keyboard module, so the page warns about exactly what the overlay will do.
import { type Chord, type Settings, type ShortcutAction, ShortcutActionSchema } from '../../utils/core/settings';
import { t } from '../../utils/i18n';
import { chordText, conflictsWithSite, isMacPlatform } from '../../utils/overlay/keyboard';

export { chordText, isMacPlatform };

export function sameChord(a: Chord, b: Chord): boolean {
  return a.code === b.code && a.alt === b.alt && a.ctrl === b.ctrl && a.shift === b.shift && a.meta === b.meta;
}

/** The order the options page lists the actions in: the order of the settings schema. */
export const ACTION_ORDER: readonly ShortcutAction[] = ShortcutActionSchema.options;

/** What the action does, in the interface language. */
export function actionLabel(action: ShortcutAction): string {
  switch (action) {
    case 'next':
      return t('action_next');
    case 'previous':
      return t('action_previous');
    case 'reply':
      return t('action_reply');
    case 'done':
      return t('action_done');
    case 'snooze':
      return t('action_snooze');
    case 'togglePanel':
      return t('action_toggle_panel');
    default:
      return t('action_template', { n: Number(action.slice('template'.length)) });
  }
}

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
      problems.push({
        kind: 'duplicate',
        message: t('shortcut_also_bound', { keys: chordText(chord), action: actionLabel(owner) }),
      });
    }
    const site = conflictsWithSite(chord);
    if (site) problems.push({ kind: 'site', message: site });
    if (problems.length > 0) out[action] = problems;
  }
  return out;
}
