// The order in which waiting comments are worked through: breached targets first, then whoever waited longest.
import type { Level } from './age';

export interface QueueItem {
  /** commentKey of the comment. */
  key: string;
  postedAt: number;
  level: Level;
}

/** A new array: breached first, then oldest first; key breaks ties so the order never flickers between renders. */
export function queueOrder<T extends QueueItem>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => breachRank(a) - breachRank(b) || compareTime(a.postedAt, b.postedAt) || compareKey(a.key, b.key),
  );
}

function breachRank(item: QueueItem): number {
  return item.level === 'breach' ? 0 : 1;
}

/** Unknown times go last, so the comparator stays consistent (NaN would break the sort's contract). */
function compareTime(a: number, b: number): number {
  const x = Number.isFinite(a) ? a : Number.POSITIVE_INFINITY;
  const y = Number.isFinite(b) ? b : Number.POSITIVE_INFINITY;
  return x === y ? 0 : x < y ? -1 : 1;
}

function compareKey(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
