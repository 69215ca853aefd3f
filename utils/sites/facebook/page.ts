// A Facebook post's page, around its comments: where the conversation is (the open post dialog when there is one —
// the feed behind it is an aria-hidden layer with other posts, their preview comments and composers: never read —
// else the page's main column), the post and its author, its comment count, the controls that hide part of it,
// and what the reader remembers of each post. The incremental reading itself is ./reader.ts.
import type { Author, Comment } from '../../core/model';
import type { CollapsedPart } from '../types';
import { oneLine, readText } from '../visible-text';
import { ARTICLE, type CommentRead, isCommentCandidate } from './comment';
import { profileHandle } from './links';
import { actingNameIn, collapsedKindOf, commentCountIn, isFilteredOrder } from './words';

export const SEL = {
  dialog: '[role="dialog"]',
  main: '[role="main"]',
  hidden: '[aria-hidden="true"]',
  button: '[role="button"]',
  authorLink: '[data-ad-rendering-role="profile_name"] a[href], h2 a[href], h3 a[href]',
  countText: 'span[dir="auto"], [role="button"]',
  editor: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
} as const;

/** What the reader remembers of one post between batches. */
export interface Memory {
  /** Each comment's time window, narrowed by every read: relative text ("2h") is re-read as the clock moves. */
  windows: TimeWindows;
  /** How this post's comments named it (pfbids, numeric ids): rows naming another post's keys are stale. */
  keys: Set<string>;
}

const MAX_POSTS_REMEMBERED = 8;

/**
 * Time windows [lo, hi] by comment id: two numbers per comment in one typed array, not an object and two boxed
 * numbers each (0.44 MB at 10,000 comments, issue #10).
 */
export class TimeWindows {
  private readonly slots = new Map<string, number>();
  private bounds = new Float64Array(256);

  /**
   * Narrows the window of `id` by a reading [lo, hi] and returns its end. Windows that do not meet (a clock change,
   * an edit) take the newest reading.
   */
  narrow(id: string, lo: number, hi: number): number {
    let at = this.slots.get(id);
    if (at === undefined) {
      at = this.slots.size * 2;
      this.slots.set(id, at);
      if (at === this.bounds.length) {
        const more = new Float64Array(at * 2);
        more.set(this.bounds);
        this.bounds = more;
      }
    } else if (Math.max(this.bounds[at]!, lo) <= Math.min(this.bounds[at + 1]!, hi)) {
      lo = Math.max(this.bounds[at]!, lo);
      hi = Math.min(this.bounds[at + 1]!, hi);
    }
    this.bounds[at] = lo;
    this.bounds[at + 1] = hi;
    return hi;
  }
}

/** The last few posts' memories, most recent last. */
export class Memories {
  private readonly byPost = new Map<string, Memory>();

  recall(postId: string): Memory {
    let memory = this.byPost.get(postId);
    if (memory) this.byPost.delete(postId); // re-insert: most recent last
    memory ??= { windows: new TimeWindows(), keys: new Set([postId]) };
    this.byPost.set(postId, memory);
    while (this.byPost.size > MAX_POSTS_REMEMBERED) this.byPost.delete(this.byPost.keys().next().value!);
    return memory;
  }

  /** A row whose links name a post read before under another address, and never this one. */
  stale(keys: string[], postId: string): boolean {
    const memory = this.byPost.get(postId);
    if (memory && keys.some((k) => memory.keys.has(k))) return false;
    for (const [otherId, other] of this.byPost) {
      if (otherId !== postId && keys.some((k) => other.keys.has(k))) return true;
    }
    return false;
  }
}

/**
 * The element holding the conversation read now: the last open dialog with comments (Facebook nests two
 * role=dialog elements), else the main column, else the body.
 */
export function conversationScope(doc: Document): Element {
  let found: Element | null = null;
  for (const dialog of doc.querySelectorAll(SEL.dialog)) {
    if (dialog.closest(SEL.hidden)) continue;
    if (dialog.querySelector(`${ARTICLE}, ${SEL.editor}`)) found = dialog;
  }
  return found ?? doc.querySelector(SEL.main) ?? doc.body ?? doc.documentElement;
}

/**
 * Rendered (Facebook keeps hidden copies of some comments; the reader also leaves out rows in an aria-hidden layer).
 * `checkVisibility` brings the page's styles up to date (a style recalculation in the middle of a batch),
 * so the reader asks it only for a row that is new or changed itself; a change inside a row leaves it as it was.
 */
export function rendered(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function') return check.call(el);
  for (let node: Element | null = el; node; node = node.parentElement) {
    if ((node as HTMLElement).style?.display === 'none' || node.hasAttribute('hidden')) return false;
  }
  return true;
}

/** What a button outside the comments is: a collapsed part, the comment order menu, or nothing of ours. */
export function classifyButton(button: HTMLElement, scope: Element): CollapsedPart['kind'] | 'order' | null {
  if (button.closest(ARTICLE)) {
    // Inside the post's own article (logged-out permalink) buttons may still be controls: only comments' are not.
    const article = button.closest(ARTICLE)!;
    if (isCommentCandidate(article)) return null;
  }
  if (button.hasAttribute('aria-label')) return null; // icon buttons: Like, Close, menus
  const label = oneLine(readText(button));
  if (!label || label.length > 80) return null;
  if (isFilteredOrder(label)) return 'order';
  const known = collapsedKindOf(label);
  if (known) return known;
  // A wordless fallback: a text button after a comment, outside it, hides something of the conversation.
  if (precedingComment(button, scope) && commentCountIn(label) === null) return 'more-replies';
  return null;
}

/**
 * The comment a control follows in its thread: the nearest comment article before it, looking at the earlier
 * siblings of the control and of its ancestors (threads are `li`s in some layouts, plain blocks in others, and the
 * comment's article may close before its "View all N replies").
 */
export function precedingComment(el: Element, scope: Element): Element | null {
  let node: Element | null = el;
  for (let depth = 0; node && node !== scope && depth < 12; depth++, node = node.parentElement) {
    let sib = node.previousElementSibling;
    for (let hops = 0; sib && hops < 4; hops++, sib = sib.previousElementSibling) {
      if (sib.matches(ARTICLE) && isCommentCandidate(sib)) return sib;
      const last = lastCommentIn(sib);
      if (last) return last;
    }
    if (node.parentElement?.matches(ARTICLE)) return null;
  }
  return null;
}

/**
 * The last comment article inside `root`, walking back from its end: a control after a list of 2,000 comments looks
 * at the last thread, not at the list.
 */
function lastCommentIn(root: Element): Element | null {
  for (let el = lastDescendant(root); el !== root; ) {
    if (el.matches(ARTICLE) && isCommentCandidate(el)) return el;
    const prev: Element | null = el.previousElementSibling;
    el = prev ? lastDescendant(prev) : (el.parentElement ?? root);
  }
  return null;
}

function lastDescendant(el: Element): Element {
  let at = el;
  while (at.lastElementChild) at = at.lastElementChild;
  return at;
}

type Count = { el: HTMLElement; value: number; label: string };

/**
 * The post's author (the header's profile name link, outside the comments; with the link, to know when it changes)
 * and its comment count ("820 comments", above `first`, the first comment shown): one walk in document order from
 * the top of the scope, past the header, to the first comment shown, and further only while no author link was
 * found. Hidden layers are skipped whole. `visited`: the elements walked.
 */
export function pageFigures(
  scope: Element,
  base: URL,
  isFirst: (el: Element) => boolean,
): { author: { author: Author; el: Element } | null; count: Count | null; visited: number } {
  let author: { author: Author; el: Element } | null = null;
  let count: Count | null = null;
  let visited = 0;
  let pastFirst = false;
  if (scope.closest(SEL.hidden)) return { author, count, visited };
  let el: Element | null = scope.firstElementChild;
  while (el) {
    visited++;
    if (el.getAttribute('aria-hidden') === 'true') {
      el = nextInOrder(el, scope, true);
      continue;
    }
    if (!pastFirst && isFirst(el)) pastFirst = true;
    if (!pastFirst && !count && el.matches(SEL.countText)) {
      const label = oneLine(readText(el));
      const value = commentCountIn(label);
      if (value !== null) count = { el: el as HTMLElement, value, label };
    }
    if (!author && el.matches(SEL.authorLink)) author = authorOfLink(el, base);
    if (author && (pastFirst || count)) break;
    el = nextInOrder(el, scope, false);
  }
  return { author, count, visited };
}

function authorOfLink(a: Element, base: URL): { author: Author; el: Element } | null {
  const article = a.closest(ARTICLE);
  if (article && isCommentCandidate(article)) return null;
  let url: URL;
  try {
    url = new URL(a.getAttribute('href') ?? '', base);
  } catch {
    return null;
  }
  const handle = profileHandle(url);
  const name = oneLine(readText(a));
  return handle && name
    ? { author: { handle, displayName: name, profileUrl: `${base.origin}/${handle}` }, el: a }
    : null;
}

/** The element after `el` in document order inside `root` (past its subtree when `skip`), or null at the end. */
function nextInOrder(el: Element, root: Element, skip: boolean): Element | null {
  if (!skip && el.firstElementChild) return el.firstElementChild;
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/** Whether an element could be (or hold) the post's header link or its comment count, outside the comments. */
export function mayBePageFigure(el: Element, isRow: (article: Element) => boolean): boolean {
  // The author link's selector ends in `a[href]`: found by that alone, and matched below. Chrome's querySelectorAll
  // with a combinator costs in proportion to the page, not to `el` (see instagram/selectors.ts `matching`).
  const all = [el, ...el.querySelectorAll(`${SEL.countText}, a[href]`)];
  for (const c of all) {
    const article = c.closest(ARTICLE);
    if (article && isRow(article)) continue;
    if (c.matches(SEL.authorLink)) return true;
    if (c.matches(SEL.countText) && commentCountIn(oneLine(readText(c))) !== null) return true;
  }
  return false;
}

/** `/acme/posts/…` names its Page even when the header cannot be read. */
export function authorFromUrl(url: URL): Author | null {
  const first = url.pathname.split('/').filter(Boolean)[0];
  if (!first || !/\/posts\//.test(url.pathname)) return null;
  const handle = profileHandle(new URL(`/${first}`, url));
  return handle ? { handle, displayName: first, profileUrl: `${url.origin}/${handle}` } : null;
}

/** The acting identity, when a composer says "Comment as NAME" and NAME is someone on this page. */
export function actingHandle(editors: Iterable<Element>, byName: Map<string, string>, author: Author): string | null {
  for (const box of editors) {
    const name = actingNameIn(box.getAttribute('aria-label') ?? '');
    if (!name) continue;
    if (name === author.displayName) return author.handle;
    return byName.get(name) ?? null;
  }
  return null;
}

/** The post link of the comments read last (rows one after another share it). */
let sharedPostLink = '';

/** A comment's own link: its post's (`Comment.permalink`) with the comment's id, and its thread's for a reply. */
export function facebookPermalink(c: Comment): string {
  const query = c.parentId ? `comment_id=${c.parentId}&reply_comment_id=${c.id}` : `comment_id=${c.id}`;
  return `${c.permalink}${c.permalink.includes('?') ? '&' : '?'}${query}`;
}

export function toComment(read: CommentRead, postId: string, base: URL, memory: Memory): Comment {
  const at = read.precision === 'approx' ? memory.windows.narrow(read.id, read.at - read.unitMs, read.at) : read.at;
  const root = read.parentId ?? read.id;
  const postLink = [base.origin, read.permalinkPath ?? base.pathname].join('');
  if (postLink !== sharedPostLink) sharedPostLink = postLink;
  const comment: Comment = {
    platform: 'facebook',
    id: read.id,
    postId,
    threadKey: root,
    author: read.author,
    text: read.text,
    postedAt: at,
    postedAtPrecision: read.precision,
    // The post's link, one string for its comments: `facebookPermalink` makes the comment's when it is needed.
    permalink: sharedPostLink,
    order: 0,
  };
  if (read.parentId) comment.parentId = read.parentId;
  if (read.lang) comment.lang = read.lang;
  return comment;
}
