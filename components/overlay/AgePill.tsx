// How long a comment has waited, in its level's colour, shape and words (colour is never the only cue).
import { type MessageKey, t } from '../../utils/i18n';
import { LevelIcon } from './icons';
import type { Level } from './styles';

const LEVEL_KEYS: Record<Level, MessageKey> = {
  ok: 'overlay_level_ok',
  warn: 'overlay_level_warn',
  breach: 'overlay_level_breach',
};

/** The level in words, read by screen readers before the age. */
export function levelWords(level: Level): string {
  return t(LEVEL_KEYS[level]);
}

/**
 * `label` replaces the bare age ("Waiting 12 min" on the badge); the age is already in the interface language. The
 * badge's pill (with `label`) is one mark named by aria-label, level first: a screen-reader-only span would be a
 * positioned, clipped box of its own in each of thousands of badges (issue #10). The panel's rows keep the span.
 */
export function AgePill({ level, ageText, label }: { level: Level; ageText: string; label?: string }) {
  const levelSaid = t('overlay_level_sr', { level: levelWords(level) });
  if (label !== undefined) {
    return (
      <span class="rr-age" data-level={level} role="img" aria-label={`${levelSaid} ${label}`}>
        <LevelIcon level={level} />
        {label}
      </span>
    );
  }
  return (
    <span class="rr-age" data-level={level}>
      <LevelIcon level={level} />
      <span class="rr-sr">{`${levelSaid} `}</span>
      {ageText}
    </span>
  );
}
