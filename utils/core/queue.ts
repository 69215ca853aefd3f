// The order in which waiting comments are worked through: breached targets first; at the same level a complaint or
// an order problem rises above older small talk and questions (labels weigh, as priority rules in Hootsuite do);
// then whoever waited longest. Obvious spam goes last.
import type { Level } from './age';
import type { LabelKind } from './settings';

export interface QueueItem {
  /** commentKey of the comment. */
  key: string;
  /** The comment's time, read where it is kept (a copy per view held 0.16 MB at 10,000 comments, issue #10). */
  comment: { postedAt: number };
  level: Level;
  labels?: readonly LabelKind[];
  /** Obvious spam (see spam.ts): last, whatever its age. */
  spam?: boolean;
}

/** How much each label lifts a comment among those at the same level. */
export const LABEL_WEIGHT: Readonly<Record<LabelKind, number>> = { complaint: 1, order: 1, question: 0 };

/** A new array in working order (see above); key breaks ties so the order never flickers between renders. */
export function queueOrder<T extends QueueItem>(items: T[]): T[] {
  return [...items].sort(compareQueue);
}

/** Negative when `a` comes before `b` in working order (see queueOrder). */
export function compareQueue(a: QueueItem, b: QueueItem): number {
  return (
    spamRank(a) - spamRank(b) ||
    breachRank(a) - breachRank(b) ||
    weight(b) - weight(a) ||
    compareTime(a.comment.postedAt, b.comment.postedAt) ||
    compareKey(a.key, b.key)
  );
}

/** Puts `item` into `sorted` (in working order) where it belongs: a batch need not sort the whole queue again. */
export function insertInOrder<T extends QueueItem>(sorted: T[], item: T): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareQueue(sorted[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  sorted.splice(lo, 0, item);
}

function spamRank(item: QueueItem): number {
  return item.spam ? 1 : 0;
}

function breachRank(item: QueueItem): number {
  return item.level === 'breach' ? 0 : 1;
}

/** The heaviest label counts (a complaint about an order is not heavier than either). */
export function weight(item: QueueItem): number {
  let most = 0;
  for (const label of item.labels ?? []) most = Math.max(most, LABEL_WEIGHT[label] ?? 0);
  return most;
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
