// The parts of one Instagram conversation, each read on its own: a comment row from its timestamp, the thread a row
// sits in, a row without a readable timestamp, a control that holds part of the conversation back. The incremental
// reader (conversation.ts) decides when each is read again.
import { normalizeHandle } from '../../core/keys';
import type { Author, Comment } from '../../core/model';
import type { CollapsedPart, ReadComment } from '../types';
import type { ReadingOrder } from './doc-order';
import { authorLinkOf, commentText, depthOf, precedes, rowOf } from './rows';
import { matching, postCodeOf, SEL } from './selectors';
import { controlLabel } from './text';

export const ORIGIN = 'https://www.instagram.com';

export type ReasonKey =
  | 'problem_reason_no_row'
  | 'problem_reason_no_author'
  | 'problem_reason_bad_time'
  | 'problem_reason_duplicate_comment'
  | 'problem_reason_no_time';

export interface ThreadLink {
  parentId?: string;
  threadKey: string;
}

/** One parsed row. `time` is the row's anchor: its `time[datetime]` element. */
export interface Entry {
  time: Element;
  row: HTMLElement;
  id: string;
  /** From a `/c/<parent>/r/<id>/` link; else found by nesting. */
  linkedParent?: string;
  handle: string;
  text: string;
  postedAt: number;
  depth: number;
  /** Where the row sits in its thread, once placed. */
  link?: ThreadLink;
  /** The block holding another comment that kept the row from growing (see `rowOf`). */
  bound?: Element;
  /**
   * What the read hands out for the row: built once per parse, and again when the row is placed in another thread
   * (`order` refreshed when the list is put together).
   */
  out?: ReadComment;
}

export type Parsed = Entry | { problem: ReasonKey; row: HTMLElement | null; bound?: Element };

export function authorFor(handle: string): Author {
  // Comment rows show usernames only; the username is the name people see.
  return { handle: normalizeHandle(handle), displayName: handle, profileUrl: `${ORIGIN}/${handle}/` };
}

export function parseRow(
  time: Element,
  link: Element,
  id: string,
  linkedParent: string | undefined,
  scope: Element,
): Parsed {
  const { row, bound } = rowOf(link, scope);
  if (!row) return { problem: 'problem_reason_no_row', row: null };
  const problem = (key: ReasonKey): Parsed => (bound ? { problem: key, row, bound } : { problem: key, row });
  const author = authorLinkOf(row);
  if (!author) return problem('problem_reason_no_author');
  const postedAt = Date.parse(time.getAttribute('datetime') ?? '');
  if (!Number.isFinite(postedAt)) return problem('problem_reason_bad_time');
  const entry: Entry = {
    time,
    row,
    id,
    handle: author.handle,
    text: commentText(row, link, author.handle),
    postedAt,
    depth: depthOf(time, true),
  };
  if (linkedParent) entry.linkedParent = linkedParent;
  if (bound) entry.bound = bound;
  return entry;
}

/** The post link of the comments read last, and its code. */
let shared = ['', ''];
const postLink = (code: string): string => {
  if (shared[0] !== code) shared = [code, `${ORIGIN}/p/${code}/`];
  return shared[1]!;
};

/** A comment's own link: its post's (`Comment.permalink`) and the comment's id. */
export const instagramPermalink = (c: Comment): string => `${c.permalink}c/${c.id}/`;

export function toComment(entry: Entry, code: string): Comment {
  const link = entry.link ?? { threadKey: entry.id };
  const comment: Comment = {
    platform: 'instagram',
    id: entry.id,
    postId: code,
    threadKey: link.threadKey,
    author: authorFor(entry.handle),
    text: entry.text,
    postedAt: entry.postedAt,
    postedAtPrecision: 'exact',
    // The post's link, one string for its comments: `instagramPermalink` makes the comment's when it is needed.
    permalink: postLink(code),
    order: 0,
  };
  if (link.parentId) comment.parentId = link.parentId;
  return comment;
}

/**
 * The thread a row sits in. From a `/c/<parent>/r/<id>/` link, else from nesting alone: walking out from the row,
 * the first block whose first comment sits higher up (less deep) than this row, and holds no other comment that
 * high, is that comment's thread. Blocks whose first comment is as deep (a list of sibling replies, the list of
 * threads) are passed. `primary`: the comment a timestamp shows (the first row of its id).
 */
export function linkOf(
  entry: Entry,
  scope: Element,
  primary: (time: Element) => Entry | undefined,
): { link: ThreadLink; block: Element | null } {
  if (entry.linkedParent) return { link: { parentId: entry.linkedParent, threadKey: entry.linkedParent }, block: null };
  for (let at = entry.row.parentElement; at && at !== scope.parentElement; at = at.parentElement) {
    const firstTime = matching(at, 'time', SEL.commentTime).next().value;
    if (!firstTime || entry.row.contains(firstTime)) continue;
    const first = primary(firstTime);
    if (!first || first.depth >= entry.depth) continue;
    for (const other of matching(at, 'time', SEL.commentTime)) {
      // A list of threads, not one thread.
      if (other !== firstTime && depthOf(other) <= first.depth) return { link: { threadKey: entry.id }, block: at };
    }
    return { link: { parentId: first.id, threadKey: first.link?.threadKey ?? first.id }, block: at };
  }
  return { link: { threadKey: entry.id }, block: null };
}

/**
 * A block that looks like a comment row but has no comment timestamp: the nearest block around a profile picture
 * that holds a control. Not the caption (its time links the post), the header, or the composer. `block`: the block
 * the judgement looked at (the scope when none holds a control): only a change inside it can change the answer.
 */
export function rowCandidateOf(
  avatar: Element,
  scope: Element,
  owner: Element | null,
  base: URL,
): { row: Element | null; block: Element } {
  for (let el = avatar.parentElement; el && el !== scope; el = el.parentElement) {
    if (!el.querySelector(SEL.control)) continue;
    // The first time is found at once; the reply box and the owner are looked for only when it does not decide.
    const time = el.querySelector(SEL.time);
    const link = time?.closest('a');
    // A time linked to a post is the caption's; one whose link names no post is a comment we cannot place. A link
    // around the block (nested links) is looked at too: a change to it must reach this judgement.
    const block = link && !el.contains(link) ? link : el;
    if (time && linksToPost(time, base)) return { row: null, block };
    if (owner && el.contains(owner)) return { row: null, block };
    if (el.querySelector(SEL.editor)) return { row: null, block };
    return { row: el, block };
  }
  return { row: null, block: scope };
}

function linksToPost(time: Element, base: URL): boolean {
  const href = time.closest('a')?.getAttribute('href');
  if (!href) return true; // an unlinked time: not a comment row we know how to miss
  try {
    return postCodeOf(new URL(href, base)) !== null;
  } catch {
    return false;
  }
}

export interface ThreadFacts {
  /** The comment a timestamp shows (the first row of its id). */
  primary(time: Element): Entry | undefined;
  /** The top-level comment of a thread. */
  top(threadKey: string): Entry | undefined;
  nextTop(top: Entry): Entry | undefined;
  lastReply(threadKey: string): Element | undefined;
  first(): Entry | undefined;
  /** The comment timestamps' reading order (numbers, no DOM comparisons). */
  order: ReadingOrder;
  editor: Element | null;
}

/** What a control outside the comment rows holds back (null: nothing), and the block its thread was decided in. */
export interface ControlReading {
  part: CollapsedPart | null;
  /** The nearest block around the control holding a comment: a change inside it decides again. */
  block: Element | null;
  /** The thread looked at (the block's first comment's): a change to that thread's rows decides again. */
  threadKey?: string;
  /** Decided outside any thread: depends on the first comment and the reply box, so decided every batch. */
  loose: boolean;
}

/**
 * A control outside the comment rows that holds part of the conversation back. Inside a thread (a block whose only
 * top-level comment is its first): "View all N replies" / "Afficher plus de réponses" when no reply of the thread
 * follows the control (a control above shown replies hides them). Between threads and the reply box: "Load more
 * comments", often only an icon with a label. Null when the control is none of these at all (no words, a link).
 */
export function readControl(control: HTMLElement, scope: Element, facts: ThreadFacts): ControlReading | null {
  if (control.querySelector(`${SEL.editor}, ${SEL.link}`)) return null;
  const label = controlLabel(control);
  if (!label) return null;
  let thread: Entry | undefined;
  let block: Element | null = null;
  let threadKey: string | undefined;
  for (let at = control.parentElement; at && at !== scope; at = at.parentElement) {
    const firstTime = matching(at, 'time', SEL.commentTime).next().value;
    if (!firstTime) continue;
    block = at;
    // The block's first comment, or the thread that comment replies in (a block of shown replies).
    threadKey = facts.primary(firstTime)?.link?.threadKey;
    const top = threadKey ? facts.top(threadKey) : undefined;
    const next = top ? facts.nextTop(top) : undefined;
    if (top && (!next || !at.contains(next.time))) thread = top;
    break;
  }
  // The control's place among the comments, by reading order (no DOM comparison).
  const { order } = facts;
  const at = order.keyBefore(control);
  if (thread) {
    const reply = facts.lastReply(thread.id);
    if (reply && at < order.keyOf(reply)) return { part: null, block, threadKey, loose: false }; // "Hide all replies"
    const part: CollapsedPart = { kind: 'more-replies', label, parentId: thread.id, element: control };
    return { part, block, threadKey, loose: false };
  }
  // Outside any thread: between the first comment and the reply box, it holds comments back.
  const first = facts.first();
  if (!first || order.keyOf(first.time) > at || (facts.editor && !precedes(control, facts.editor))) {
    return { part: null, block, threadKey, loose: true };
  }
  return { part: { kind: 'more-comments', label, element: control }, block, threadKey, loose: true };
}
