// Reads one Instagram post: its owner (header), the comments and replies loaded so far, and the parts Instagram keeps
// hidden ("View all N replies", "Load more comments"). Instagram keeps every loaded comment in the DOM and appends
// 12–24 at a time, so each row is parsed once and parsed again only when a change lands inside it.
import { normalizeHandle } from '../../core/keys';
import type { Author, Comment, Post } from '../../core/model';
import { t, tn } from '../../i18n';
import type { CollapsedPart, PageRead, ReadComment } from '../types';
import { authorLinkOf, avatarLinks, commentText, depthOf, precedes, profileLinkHandle, rowOf } from './rows';
import { parseCommentHref, postCodeOf, postTimeSelector, SEL } from './selectors';
import { controlLabel } from './text';

const ORIGIN = 'https://www.instagram.com';

/** One parsed row. `time` is the row's anchor: its `time[datetime]` element. */
interface Entry {
  time: Element;
  row: HTMLElement;
  id: string;
  /** From a `/c/<parent>/r/<id>/` link; else found by nesting. */
  linkedParent?: string;
  handle: string;
  text: string;
  postedAt: number;
  depth: number;
  /** Where the row sits in its thread, once found (a row does not move between threads). */
  link?: { parentId?: string; threadKey: string };
}

type Parsed = Entry | { problem: string; row: HTMLElement | null };

export function authorFor(handle: string): Author {
  // Comment rows show usernames only; the username is the name people see.
  return { handle: normalizeHandle(handle), displayName: handle, profileUrl: `${ORIGIN}/${handle}/` };
}

/** The part of the page that shows post `code`: its dialog when open over a profile or the feed, else main. */
export function postScope(doc: Document, code: string): Element | null {
  const own = postTimeSelector(code);
  const dialogs = [...doc.querySelectorAll(SEL.dialog)].filter((d) => d.querySelector(own));
  if (dialogs.length) return dialogs[dialogs.length - 1] ?? null;
  const main = doc.querySelector(SEL.main);
  if (main) return main.querySelector(own) ? main : null;
  return doc.body?.querySelector(own) ? doc.body : null;
}

/** The post's owner: the first profile link of the post (its header), preferring a `header` element. */
export function readOwner(scope: Element): { handle: string; link: Element } | null {
  const header = scope.querySelector('header');
  for (const root of header ? [header, scope] : [scope]) {
    for (const link of root.querySelectorAll(SEL.link)) {
      const handle = profileLinkHandle(link);
      if (handle) return { handle, link };
    }
  }
  return null;
}

/** The account the user acts as: the navigation's own profile link (the one with the user's picture). */
export function readActingHandle(doc: Document): string | null {
  const outsidePost = (el: Element) => !el.closest(`${SEL.main}, ${SEL.dialog}`);
  for (const nav of doc.querySelectorAll(SEL.navigation)) {
    if (!outsidePost(nav)) continue;
    const link = avatarLinks(nav)[0];
    const handle = link ? profileLinkHandle(link) : null;
    if (handle) return normalizeHandle(handle);
  }
  for (const link of avatarLinks(doc.body ?? doc.documentElement)) {
    if (!outsidePost(link)) continue;
    const handle = profileLinkHandle(link);
    if (handle) return normalizeHandle(handle);
  }
  return null;
}

export interface ConversationRead {
  comments: ReadComment[];
  collapsed: CollapsedPart[];
  candidates: number;
  problems: string[];
}

/**
 * Reads the comments of one post scope. Rows are cached by their time element; with `dirty`, a cached row is
 * parsed again only when `dirty(row)` says a change landed in it.
 */
export class ConversationReader {
  private readonly parsed = new WeakMap<Element, Parsed>();
  /** The post each parsed timestamp links to. */
  private readonly codeOf = new WeakMap<Element, string>();
  /** The row each profile picture was last found inside (rows do not move their pictures). */
  private readonly avatarRow = new WeakMap<Element, Element>();
  /** Rows of the last read by element, to tell a control inside a comment from one outside. */
  private rows = new WeakSet<Element>();
  /** Per control: inside a comment row (Reply, likes, heart) or not. Controls never move between rows. */
  private readonly controlInRow = new WeakMap<Element, boolean>();

  /** `owner`: the post header's profile link (its picture and Follow are not a comment row), when known. */
  read(
    scope: Element,
    code: string,
    base: URL,
    dirty: ((row: Element) => boolean) | null,
    owner: Element | null = null,
  ): ConversationRead {
    const out: ConversationRead = { comments: [], collapsed: [], candidates: 0, problems: [] };
    const entries: Entry[] = [];
    const byTime = new Map<Element, Entry>();
    const rows = new WeakSet<Element>();
    const reasons = new Set<string>();
    const ids = new Set<string>();
    let unreadable = 0;

    for (const time of scope.querySelectorAll(SEL.commentTime)) {
      let result = this.parsed.get(time);
      const row = result?.row;
      const fresh = !result || !dirty || !row?.isConnected || !row.contains(time) || dirty(row);
      // A row read before and untouched since keeps its reading, link included (a changed href marks it dirty).
      if (!fresh && this.codeOf.get(time) !== code) continue;
      if (fresh) {
        const link = time.closest('a');
        const target = link ? parseCommentHref(link.getAttribute('href'), base) : null;
        if (!link || !target || target.code !== code) continue; // another post's comment (a feed behind a dialog)
        result = parseRow(time, link, target.id, target.parentId, scope);
        this.parsed.set(time, result);
        this.codeOf.set(time, target.code);
      }
      if (!result) continue;
      out.candidates++;
      if ('problem' in result) {
        unreadable++;
        reasons.add(result.problem);
        if (result.row) rows.add(result.row);
        continue;
      }
      rows.add(result.row);
      // Two rows naming one comment: the page is not what it seems (one of them may hide another's answer).
      if (ids.has(result.id)) {
        unreadable++;
        reasons.add(t('problem_reason_duplicate_comment'));
        continue;
      }
      ids.add(result.id);
      byTime.set(time, result);
      entries.push(result);
    }
    this.rows = rows;

    // Rows without a readable timestamp (Instagram changed its markup, or a capture lost it) still count: more
    // candidates than comments says the view is not complete, never "all answered".
    const timeless = new Set<Element>();
    for (const avatar of avatarLinks(scope)) {
      if (avatar === owner || this.insideRow(avatar, scope)) continue;
      const row = candidateRow(avatar, scope, owner, base);
      if (row && !timeless.has(row)) timeless.add(row);
    }
    for (const row of timeless) rows.add(row);
    if (timeless.size) {
      out.candidates += timeless.size;
      unreadable += timeless.size;
      reasons.add(t('problem_reason_no_time'));
    }

    const tops: Entry[] = [];
    const links = new Map<Entry, { parentId?: string; threadKey: string }>();
    for (const entry of entries) {
      if (!entry.link) {
        const parent = entry.linkedParent
          ? { id: entry.linkedParent, threadKey: entry.linkedParent }
          : parentByNesting(entry, scope, byTime, links);
        entry.link = parent ? { parentId: parent.id, threadKey: parent.threadKey } : { threadKey: entry.id };
      }
      const link = entry.link;
      links.set(entry, link);
      if (!link.parentId) tops.push(entry);
      const comment: Comment = {
        platform: 'instagram',
        id: entry.id,
        postId: code,
        threadKey: link.threadKey,
        author: authorFor(entry.handle),
        text: entry.text,
        postedAt: entry.postedAt,
        postedAtPrecision: 'exact',
        permalink: `${ORIGIN}/p/${code}/c/${entry.id}/`,
        order: out.comments.length,
      };
      if (link.parentId) comment.parentId = link.parentId;
      out.comments.push({ comment, element: entry.row });
    }

    out.collapsed = this.hiddenParts(scope, entries, tops, links);
    if (unreadable > 0) {
      const list = [...reasons].join('; ');
      out.problems.push(tn('problem_comments_unreadable_count', unreadable, { total: out.candidates, reasons: list }));
    }
    return out;
  }

  private insideRow(el: Element, scope: Element): boolean {
    const known = this.avatarRow.get(el);
    if (known && this.rows.has(known) && known.contains(el)) return true;
    for (let at = el.parentElement; at && at !== scope; at = at.parentElement) {
      if (this.rows.has(at)) {
        this.avatarRow.set(el, at);
        return true;
      }
    }
    return false;
  }

  /**
   * Controls outside the comment rows that hold part of the conversation back. Inside a thread (a block whose
   * only top-level comment is its first): "View all N replies" / "Afficher plus de réponses" when no reply of
   * the thread follows the control (a control above shown replies hides them). Between threads and the reply box:
   * "Load more comments", often only an icon with a label.
   */
  private hiddenParts(
    scope: Element,
    entries: Entry[],
    tops: Entry[],
    links: Map<Entry, { parentId?: string; threadKey: string }>,
  ): CollapsedPart[] {
    const parts: CollapsedPart[] = [];
    const first = entries[0];
    if (!first) return parts;
    const editor = scope.querySelector(SEL.editor);
    const lastReply = new Map<string, Element>();
    for (const entry of entries) {
      const threadKey = links.get(entry)?.threadKey;
      if (threadKey && threadKey !== entry.id) lastReply.set(threadKey, entry.time);
    }
    const nextTop = new Map<Entry, Entry | undefined>(tops.map((t, i) => [t, tops[i + 1]]));
    const topById = new Map<string, Entry>(tops.map((t) => [t.id, t]));
    const entryByTime = new Map<Element, Entry>(entries.map((e) => [e.time, e]));

    for (const control of scope.querySelectorAll<HTMLElement>(SEL.control)) {
      let inRow = this.controlInRow.get(control);
      if (inRow === undefined || !inRow) {
        inRow = this.insideRow(control, scope);
        this.controlInRow.set(control, inRow);
      }
      if (inRow || control.closest(SEL.notConversation)) continue;
      if (control.querySelector(`${SEL.editor}, ${SEL.link}`)) continue;
      const label = controlLabel(control);
      if (!label) continue;

      let thread: Entry | undefined;
      for (let at = control.parentElement; at && at !== scope; at = at.parentElement) {
        const firstTime = at.querySelector(SEL.commentTime);
        if (!firstTime) continue;
        // The block's first comment, or the thread that comment replies in (a block of shown replies).
        const found = entryByTime.get(firstTime);
        const threadKey = found ? links.get(found)?.threadKey : undefined;
        const top = threadKey ? topById.get(threadKey) : undefined;
        const next = top ? nextTop.get(top) : undefined;
        if (top && (!next || !at.contains(next.time))) thread = top;
        break;
      }
      if (thread) {
        const reply = lastReply.get(thread.id);
        if (reply && precedes(control, reply)) continue; // "Hide all replies" above the shown replies
        parts.push({ kind: 'more-replies', label, parentId: thread.id, element: control });
        continue;
      }
      // Outside any thread: between the first comment and the reply box, it holds comments back.
      if (!precedes(first.time, control) || (editor && !precedes(control, editor))) continue;
      parts.push({ kind: 'more-comments', label, element: control });
    }
    return parts;
  }
}

function parseRow(time: Element, link: Element, id: string, linkedParent: string | undefined, scope: Element): Parsed {
  const row = rowOf(link, scope);
  if (!row) return { problem: t('problem_reason_no_row'), row: null };
  const author = authorLinkOf(row);
  if (!author) return { problem: t('problem_reason_no_author'), row };
  const postedAt = Date.parse(time.getAttribute('datetime') ?? '');
  if (!Number.isFinite(postedAt)) return { problem: t('problem_reason_bad_time'), row };
  const entry: Entry = {
    time,
    row,
    id,
    handle: author.handle,
    text: commentText(row, link, author.handle),
    postedAt,
    depth: depthOf(time),
  };
  if (linkedParent) entry.linkedParent = linkedParent;
  return entry;
}

/**
 * The comment a row answers, from nesting alone: walking out from the row, the first block whose first comment
 * sits higher up (less deep) than this row, and holds no other comment that high, is that comment's thread.
 * Blocks whose first comment is as deep (a list of sibling replies, the list of threads) are passed.
 */
function parentByNesting(
  entry: Entry,
  scope: Element,
  byTime: Map<Element, Entry>,
  links: Map<Entry, { parentId?: string; threadKey: string }>,
): { id: string; threadKey: string } | null {
  for (let at = entry.row.parentElement; at && at !== scope.parentElement; at = at.parentElement) {
    const firstTime = at.querySelector(SEL.commentTime);
    if (!firstTime || entry.row.contains(firstTime)) continue;
    const first = byTime.get(firstTime);
    if (!first || first.depth >= entry.depth) continue;
    for (const other of at.querySelectorAll(SEL.commentTime)) {
      if (other !== firstTime && depthOf(other) <= first.depth) return null; // a list of threads, not one thread
    }
    return { id: first.id, threadKey: links.get(first)?.threadKey ?? first.id };
  }
  return null;
}

/**
 * A block that looks like a comment row but has no comment timestamp: the nearest block around a profile picture
 * that holds a control. Not the caption (its time links the post), the header, or the composer.
 */
function candidateRow(avatar: Element, scope: Element, owner: Element | null, base: URL): Element | null {
  for (let el = avatar.parentElement; el && el !== scope; el = el.parentElement) {
    if (!el.querySelector(SEL.control)) continue;
    if (el.querySelector(SEL.editor)) return null;
    // A time linked to a post is the caption's; one whose link names no post is a comment we cannot place.
    const time = el.querySelector(SEL.time);
    if (time && linksToPost(time, base)) return null;
    if (owner && el.contains(owner)) return null;
    return el;
  }
  return null;
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

export interface PostRead {
  post: Post | null;
  scope: Element | null;
  /** The header's profile link. */
  ownerLink: Element | null;
  problems: string[];
}

/** The post on this page: its code from the URL, its owner from the header of the part of the page showing it. */
export function readPost(doc: Document, url: URL): PostRead {
  const code = postCodeOf(url);
  if (!code) return { post: null, scope: null, ownerLink: null, problems: [] };
  const scope = postScope(doc, code);
  // Not rendered yet, or still the previous post under the new address.
  if (!scope) return { post: null, scope: null, ownerLink: null, problems: [] };
  const owner = readOwner(scope);
  if (!owner) {
    return { post: null, scope, ownerLink: null, problems: [t('problem_post_author_missing')] };
  }
  const kind = /^\/(?:[^/]+\/)?(reels?|tv)\//.test(url.pathname) ? 'reel' : 'p';
  return {
    post: { platform: 'instagram', id: code, url: `${ORIGIN}/${kind}/${code}/`, author: authorFor(owner.handle) },
    scope,
    ownerLink: owner.link,
    problems: [],
  };
}

export type { PageRead };
