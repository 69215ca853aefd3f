// Reads a Facebook post's conversation: the open post dialog when there is one (the feed behind it is an
// aria-hidden layer with other posts, their preview comments and composers: never read), else the page's main
// column. Each comment element is read once until a change is seen inside it; the rest of a batch is one native
// query for the articles and cheap checks.
import type { Author, Comment, Post } from '../../core/model';
import { t, tn } from '../../i18n';
import { ReadDeltas } from '../read-delta';
import type { CollapsedPart, PageRead, ReadComment } from '../types';
import { ARTICLE, type ArticleRead, isCommentCandidate, readComment, readText } from './comment';
import { matchPostPage, parseCommentLink, profileHandle } from './links';
import { actingNameIn, collapsedKindOf, commentCountIn, isFilteredOrder, repliersIn } from './words';

const SEL = {
  dialog: '[role="dialog"]',
  main: '[role="main"]',
  hidden: '[aria-hidden="true"]',
  button: '[role="button"]',
  authorLink: '[data-ad-rendering-role="profile_name"] a[href], h2 a[href], h3 a[href]',
  countText: 'span[dir="auto"], [role="button"]',
  editor: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
} as const;

/** What the reader remembers of one post between batches. */
interface Memory {
  /** Each comment's time window, narrowed by every read: relative text ("2h") is re-read as the clock moves. */
  windows: Map<string, { lo: number; hi: number }>;
  /** How this post's comments named it (pfbids, numeric ids): rows naming another post's keys are stale. */
  keys: Set<string>;
}

const MAX_POSTS_REMEMBERED = 8;

export function createFacebookReader() {
  const readings = new WeakMap<Element, ArticleRead>();
  const comments = new WeakMap<ArticleRead, Comment>();
  const visible = new WeakMap<Element, boolean>();
  const buttons = new WeakMap<Element, CollapsedPart['kind'] | 'order' | null>();
  const memories = new Map<string, Memory>();

  function memoryFor(postId: string): Memory {
    let memory = memories.get(postId);
    if (memory) memories.delete(postId); // re-insert: most recent last
    memory ??= { windows: new Map(), keys: new Set([postId]) };
    memories.set(postId, memory);
    while (memories.size > MAX_POSTS_REMEMBERED) memories.delete(memories.keys().next().value!);
    return memory;
  }

  /** A row whose links name a post read before under another address, and never this one. */
  function staleRow(keys: string[], postId: string, memory: Memory): boolean {
    if (keys.some((k) => memory.keys.has(k))) return false;
    for (const [otherId, other] of memories) {
      if (otherId !== postId && keys.some((k) => other.keys.has(k))) return true;
    }
    return false;
  }
  /** The last read's comments by author name, for the reply box that names whom it answers. */
  let lastByName = new Map<string, string>();

  const deltas = new ReadDeltas();

  /** A delta from the previous read when the overlay named what changed (it asks a new page for a full read). */
  function read(doc: Document, url: URL, changed?: ReadonlySet<Node>): PageRead {
    return deltas.report(readAll(doc, url, changed), changed !== undefined);
  }

  function readAll(doc: Document, url: URL, changed?: ReadonlySet<Node>): PageRead {
    const result: PageRead = {
      post: null,
      actingHandle: null,
      comments: [],
      collapsed: [],
      candidates: 0,
      problems: [],
    };
    const match = matchPostPage(url) ?? dialogPost(doc);
    if (!match) return result;
    const memory = memoryFor(match.postId);
    const touched = changed ? touchedBy(changed) : null;
    const fresh = (el: Element) => !touched || touched.has(el);
    const now = Date.now();

    const scope = conversationScope(doc);
    const author = postAuthor(scope, url);
    const lang = doc.documentElement.getAttribute('lang') ?? undefined;

    const seen = new Set<string>();
    let stale = 0;
    let unreadable = 0;
    const reasons = new Set<string>();
    let permalinkPath: string | null = null;
    const byName = new Map<string, string>();
    const keysOf = new Map<string, string[]>();

    for (const article of scope.querySelectorAll<HTMLElement>(ARTICLE)) {
      let ok = visible.get(article);
      if (ok === undefined || fresh(article)) {
        ok = isCommentCandidate(article) && shown(article);
        visible.set(article, ok);
      }
      if (!ok) continue;
      let reading = readings.get(article);
      if (!reading || fresh(article)) {
        reading = readComment(article, url, now, lang);
        readings.set(article, reading);
      }
      result.candidates++;
      if ('problem' in reading) {
        unreadable++;
        reasons.add(reading.problem);
        continue;
      }
      if (seen.has(reading.id)) {
        result.candidates--; // a second copy of a comment already read
        continue;
      }
      seen.add(reading.id);
      if (staleRow(reading.postKeys, match.postId, memory)) {
        stale++;
        continue;
      }
      permalinkPath ??= reading.permalinkPath ?? null;
      keysOf.set(reading.id, reading.postKeys);
      byName.set(reading.author.displayName, reading.author.handle);
      // The same reading of the same post gives the same comment object (a delta compares by identity).
      let comment = comments.get(reading);
      if (comment?.postId !== match.postId) {
        comment = toComment(reading, match.postId, url, memory);
        comments.set(reading, comment);
      }
      result.comments.push({ comment, element: article });
    }

    // Right after a navigation Facebook may still show the previous post under the new address: its rows are not
    // this post's; with nothing else on the page there is no post yet (loading, never "all answered").
    if (stale > 0 && result.comments.length === 0) return { ...result, candidates: 0, problems: [] };
    for (const { comment } of result.comments) for (const k of keysOf.get(comment.id) ?? []) memory.keys.add(k);
    for (const [i, entry] of result.comments.entries()) entry.comment.order = i;
    if (unreadable > 0) {
      const list = [...reasons].join('; ');
      result.problems.push(
        tn('problem_comments_unreadable_count', unreadable, { total: result.candidates, reasons: list }),
      );
    }

    const postAuthorOrUrl = author ?? authorFromUrl(url);
    if (!postAuthorOrUrl) {
      if (result.candidates > 0) result.problems.push(t('problem_post_author_missing'));
      return { ...result, comments: [], candidates: result.candidates };
    }
    const postPath = permalinkPath ?? `${url.pathname}${url.search}`;
    result.post = {
      platform: 'facebook',
      id: match.postId,
      url: `${url.origin}${postPath}`,
      author: postAuthorOrUrl,
    } satisfies Post;

    readControls(scope, result, fresh);
    const counted = readCommentCount(scope, result);
    // No comment, no comment count and no comment box: the conversation was not found where we look for it (a post
    // page always shows one of them), so this must not read as "all answered".
    if (result.candidates === 0 && !counted && !hasVisibleEditor(scope)) {
      result.problems.push(t('problem_comments_not_found'));
    }
    result.actingHandle = actingHandle(scope, byName, postAuthorOrUrl);
    lastByName = byName;
    return result;
  }

  /** The buttons that say part of the conversation is hidden, and the comment order menu. */
  function readControls(scope: Element, result: PageRead, fresh: (el: Element) => boolean): void {
    let filtered: string | null = null;
    for (const button of scope.querySelectorAll<HTMLElement>(SEL.button)) {
      let kind = buttons.get(button);
      if (kind === undefined || fresh(button)) {
        kind = classifyButton(button, scope);
        buttons.set(button, kind);
      }
      if (!kind) continue;
      if (button.closest(SEL.hidden)) continue;
      const label = oneLine(readText(button));
      if (kind === 'order') {
        filtered = label;
        continue;
      }
      const part: CollapsedPart = { kind, label, element: button };
      if (kind === 'more-replies') {
        const before = precedingComment(button, scope);
        const parent = before ? readings.get(before) : undefined;
        // The hidden replies belong to that comment's thread, whose top comment is what the rule needs.
        if (parent && !('problem' in parent)) part.parentId = parent.parentId ?? parent.id;
        const repliers = repliersIn(label);
        if (repliers.length) part.repliers = repliers;
      }
      result.collapsed.push(part);
    }
    if (filtered) {
      result.collapsed.push({ kind: 'more-comments', label: filtered, element: scope as HTMLElement });
      result.problems.push(t('problem_facebook_some_comments'));
    }
  }

  return {
    read,
    /** The handle of the commenter a reply box names ("Reply to NAME"), from the last read. */
    handleByName: (name: string) => lastByName.get(name) ?? null,
  };
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
 * The post of a dialog open over a page whose address names no post (Facebook opens it over the feed, a Page or a
 * group without changing the address): its own timestamp link may have an empty href, so the post comes from the
 * comment links (the post path they carry, else the post half of a base64 comment id). Null with no such dialog.
 */
export function dialogPostId(doc: Document): string | null {
  const scope = conversationScope(doc);
  if (!scope.matches(SEL.dialog)) return null;
  let base: URL;
  try {
    base = new URL(doc.URL);
  } catch {
    return null;
  }
  let half: string | null = null;
  for (const a of scope.querySelectorAll('a[href*="comment_id="]')) {
    if (a.closest(SEL.hidden)) continue;
    const link = parseCommentLink(a.getAttribute('href') ?? '', base);
    if (link?.postId) return link.postId;
    half ??= link?.postHalf ?? null;
  }
  return half;
}

function dialogPost(doc: Document): { postId: string } | null {
  const postId = dialogPostId(doc);
  return postId ? { postId } : null;
}

/** Not in an aria-hidden layer, and rendered (Facebook keeps hidden copies of some comments). */
function shown(el: Element): boolean {
  if (el.closest(SEL.hidden)) return false;
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function') return check.call(el);
  for (let node: Element | null = el; node; node = node.parentElement) {
    if ((node as HTMLElement).style?.display === 'none' || node.hasAttribute('hidden')) return false;
  }
  return true;
}

/** What a button outside the comments is: a collapsed part, the comment order menu, or nothing of ours. */
function classifyButton(button: HTMLElement, scope: Element): CollapsedPart['kind'] | 'order' | null {
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
function precedingComment(el: Element, scope: Element): Element | null {
  let node: Element | null = el;
  for (let depth = 0; node && node !== scope && depth < 12; depth++, node = node.parentElement) {
    let sib = node.previousElementSibling;
    for (let hops = 0; sib && hops < 4; hops++, sib = sib.previousElementSibling) {
      if (sib.matches(ARTICLE) && isCommentCandidate(sib)) return sib;
      const articles = sib.querySelectorAll(ARTICLE);
      for (let i = articles.length - 1; i >= 0; i--) if (isCommentCandidate(articles[i]!)) return articles[i]!;
    }
    if (node.parentElement?.matches(ARTICLE)) return null;
  }
  return null;
}

function hasVisibleEditor(scope: Element): boolean {
  return [...scope.querySelectorAll(SEL.editor)].some((e) => !e.closest(SEL.hidden));
}

/**
 * "820 comments" above the comments: more than were read means some are not loaded (or filtered out). True when
 * the page shows a count.
 */
function readCommentCount(scope: Element, result: PageRead): boolean {
  const first = result.comments[0]?.element ?? null;
  for (const el of scope.querySelectorAll(SEL.countText)) {
    // The count sits under the post, before the comments: stop at the first comment.
    if (first && first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) break;
    if (el.closest(SEL.hidden)) continue;
    const label = oneLine(readText(el));
    const count = commentCountIn(label);
    if (count === null) continue;
    if (count > result.comments.length) {
      result.collapsed.push({ kind: 'more-comments', label, element: el as HTMLElement });
    }
    // The post says it has comments and not one element looked like a comment: our way of finding them broke.
    if (count > 0 && result.candidates === 0) {
      result.problems.push(tn('problem_counted_comments_not_found', count));
    }
    return true;
  }
  return false;
}

/** The post's author: the header's profile name link in the scope. */
function postAuthor(scope: Element, base: URL): Author | null {
  for (const a of scope.querySelectorAll<HTMLAnchorElement>(SEL.authorLink)) {
    if (a.closest(ARTICLE) && isCommentCandidate(a.closest(ARTICLE)!)) continue;
    if (a.closest(SEL.hidden)) continue;
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    const handle = profileHandle(url);
    const name = oneLine(readText(a));
    if (handle && name) return { handle, displayName: name, profileUrl: `${base.origin}/${handle}` };
  }
  return null;
}

/** `/acme/posts/…` names its Page even when the header cannot be read. */
function authorFromUrl(url: URL): Author | null {
  const first = url.pathname.split('/').filter(Boolean)[0];
  if (!first || !/\/posts\//.test(url.pathname)) return null;
  const handle = profileHandle(new URL(`/${first}`, url));
  return handle ? { handle, displayName: first, profileUrl: `${url.origin}/${handle}` } : null;
}

/** The acting identity, when a composer says "Comment as NAME" and NAME is someone on this page. */
function actingHandle(scope: Element, byName: Map<string, string>, author: Author): string | null {
  for (const box of scope.querySelectorAll(SEL.editor)) {
    const name = actingNameIn(box.getAttribute('aria-label') ?? '');
    if (!name) continue;
    if (name === author.displayName) return author.handle;
    return byName.get(name) ?? null;
  }
  return null;
}

function toComment(
  read: Exclude<ArticleRead, { problem: string }>,
  postId: string,
  base: URL,
  memory: Memory,
): Comment {
  const window = memory.windows.get(read.id);
  let at = read.at;
  if (read.precision === 'approx') {
    const lo = read.at - read.unitMs;
    const narrowed = window ? { lo: Math.max(window.lo, lo), hi: Math.min(window.hi, read.at) } : { lo, hi: read.at };
    // Windows that do not meet (a clock change, an edit): trust the newest reading.
    const next = narrowed.lo <= narrowed.hi ? narrowed : { lo, hi: read.at };
    memory.windows.set(read.id, next);
    at = next.hi;
  }
  const root = read.parentId ?? read.id;
  const permalinkBase = `${base.origin}${read.permalinkPath ?? base.pathname}`;
  const sep = permalinkBase.includes('?') ? '&' : '?';
  const query = read.parentId ? `comment_id=${root}&reply_comment_id=${read.id}` : `comment_id=${read.id}`;
  const comment: Comment = {
    platform: 'facebook',
    id: read.id,
    postId,
    threadKey: root,
    author: read.author,
    text: read.text,
    postedAt: at,
    postedAtPrecision: read.precision,
    permalink: `${permalinkBase}${sep}${query}`,
    order: 0,
  };
  if (read.parentId) comment.parentId = read.parentId;
  if (read.lang) comment.lang = read.lang;
  return comment;
}

/** The elements a batch of changes touches: the comment article or button each change happened in. */
function touchedBy(changed: ReadonlySet<Node>): Set<Element> {
  const touched = new Set<Element>();
  for (const node of changed) {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) continue;
    const article = el.closest(ARTICLE);
    if (article) touched.add(article);
    const button = el.closest(SEL.button);
    if (button) touched.add(button);
  }
  return touched;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export type { ReadComment };
