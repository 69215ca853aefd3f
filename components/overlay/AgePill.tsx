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

/** `label` replaces the bare age ("Waiting 12 min" on the badge); the age is already in the interface language. */
export function AgePill({ level, ageText, label }: { level: Level; ageText: string; label?: string }) {
  return (
    <span class="rr-age" data-level={level}>
      <LevelIcon level={level} />
      <span class="rr-sr">{`${t('overlay_level_sr', { level: levelWords(level) })} `}</span>
      {label ?? ageText}
    </span>
  );
}
