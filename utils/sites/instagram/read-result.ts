// What a read of one Instagram post's comments hands out: every comment in document order (a full read), or only the
// elements whose comment changed since the last read (a delta), with the page's health from running totals.
import { t, tn } from '../../i18n';
import type { CollapsedPart, ReadComment, ReadDelta } from '../types';
import type { CommentRows } from './comment-rows';
import type { ReasonKey } from './conversation-parts';
import type { HiddenParts } from './hidden-parts';
import type { TimelessRows } from './timeless-rows';

export interface ConversationRead {
  /** Every comment (a full read), or with `delta` only those whose row is new or changed since the last read. */
  comments: ReadComment[];
  delta?: ReadDelta;
  collapsed: CollapsedPart[];
  candidates: number;
  problems: string[];
}

/** Reasons in a fixed order, so the sentence does not depend on which row was seen first. */
const REASON_KEYS: readonly ReasonKey[] = [
  'problem_reason_no_row',
  'problem_reason_no_author',
  'problem_reason_bad_time',
  'problem_reason_duplicate_comment',
  'problem_reason_no_time',
];

/** Every comment in document order; the baseline of the deltas that follow. */
export function fullRead(rows: CommentRows, timeless: TimelessRows, parts: HiddenParts): ConversationRead {
  const { shown } = rows;
  const comments: ReadComment[] = [];
  shown.clear();
  rows.dirty.clear();
  for (const time of rows.order.items) {
    const entry = rows.primary(time);
    const out = entry && rows.commentOf(entry.row);
    if (!out) continue;
    // Numbered by a copy, never in place: the overlay may keep this very object from an earlier read, and a
    // comment keeps the order it was first seen in there (known-comments.ts).
    const order = comments.length;
    if (out.comment.order !== order) out.comment = { ...out.comment, order };
    comments.push(out);
    shown.set(out.element, out);
  }
  return { ...health(rows, timeless, parts), comments };
}

/** Only the elements whose comment changed since the last read, and those that show none now. */
export function deltaRead(rows: CommentRows, timeless: TimelessRows, parts: HiddenParts): ConversationRead {
  const { shown } = rows;
  const comments: ReadComment[] = [];
  const released: HTMLElement[] = [];
  for (const element of rows.dirty) {
    const was = shown.get(element);
    const now = rows.commentOf(element);
    if (!now) {
      if (was) {
        released.push(element);
        shown.delete(element);
      }
      continue;
    }
    shown.set(element, now);
    if (was !== now) comments.push(now); // built again only when its row was read again or re-threaded
  }
  rows.dirty.clear();
  return { ...health(rows, timeless, parts), comments, delta: { released, readable: rows.readable } };
}

/** Whole-page health from running totals. */
function health(rows: CommentRows, timeless: TimelessRows, parts: HiddenParts): Omit<ConversationRead, 'comments'> {
  // No comment at all: no hidden part either (nothing to hang one on).
  const collapsed = parts.list(rows.threads.first() !== undefined);
  const duplicates = rows.duplicates;
  let unreadable = duplicates + timeless.size;
  for (const n of rows.problems.values()) unreadable += n;
  const candidates = rows.size + timeless.size;
  const problems: string[] = [];
  if (unreadable > 0) {
    const reasons = REASON_KEYS.filter(
      (k) =>
        rows.problems.has(k) ||
        (k === 'problem_reason_duplicate_comment' && duplicates > 0) ||
        (k === 'problem_reason_no_time' && timeless.size > 0),
    ).map((k) => t(k));
    problems.push(
      tn('problem_comments_unreadable_count', unreadable, { total: candidates, reasons: reasons.join('; ') }),
    );
  }
  return { collapsed, candidates, problems };
}
