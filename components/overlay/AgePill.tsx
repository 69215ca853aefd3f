// How long a comment has waited, in its level's colour, shape and words (colour is never the only cue).
import { LevelIcon } from './icons';
import type { Level } from './styles';

/** The level in words, read by screen readers before the age. */
export const LEVEL_WORDS: Record<Level, string> = {
  ok: 'On time',
  warn: 'Due soon',
  breach: 'Overdue',
};

export function AgePill({ level, ageText, prefix = '' }: { level: Level; ageText: string; prefix?: string }) {
  return (
    <span class="rr-age" data-level={level}>
      <LevelIcon level={level} />
      <span class="rr-sr">{`${LEVEL_WORDS[level]}: `}</span>
      {`${prefix}${ageText}`}
    </span>
  );
}
