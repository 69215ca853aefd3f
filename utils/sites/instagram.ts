// Instagram (www.instagram.com) adapter: post and reel pages, and the same posts opened as dialogs over a profile or
// the feed. Every Instagram selector lives in utils/sites/instagram/ (selectors.ts names them); this file puts the
// pieces together behind the SiteAdapter interface.
import { normalizeHandle } from '../core/keys';
import { loadActions, loadedActions } from '../overlay/actions-loader';
import { editorKind, focusedEditor, type ReplyTarget, replyTargetHandle } from './instagram/composer';
import { instagramPermalink } from './instagram/conversation-parts';
import { ConversationReader, type PostRead, readActingHandle, readPost } from './instagram/read';
import { authorLinkOf, precedes, replyControlOf } from './instagram/rows';
import {
  IG_BASE,
  matching,
  otherPostTimeSelector,
  parseCommentHref,
  postCodeOf,
  postTimeSelector,
  SEL,
} from './instagram/selectors';
import type { PageChanges, PageRead, SiteAdapter } from './types';

export { parseCommentHref, postCodeOf, profileHandleOf } from './instagram/selectors';

export function matchPostPage(url: URL): { postId: string } | null {
  const code = postCodeOf(url);
  return code ? { postId: code } : null;
}

/** Instagram paints the page from its theme: a dark background means the dark theme. */
export function theme(doc: Document): 'light' | 'dark' {
  const view = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const color = view ? view.getComputedStyle(el).backgroundColor : '';
    const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?/.exec(color);
    if (!m || (m[4] !== undefined && Number.parseFloat(m[4]) === 0)) continue; // transparent: look further out
    const luma = 0.299 * Number(m[1]) + 0.587 * Number(m[2]) + 0.114 * Number(m[3]);
    return luma < 128 ? 'dark' : 'light';
  }
  const scheme = view?.getComputedStyle(doc.documentElement).colorScheme ?? '';
  return /^dark/.test(scheme) ? 'dark' : 'light';
}

/** What the page around the comments said at the last read: read again only when a change could alter it. */
interface PostState {
  code: string;
  post: PostRead;
  actingHandle: string | null;
}

/**
 * True when a change may alter the post's part of the page, its owner or the account: a change outside the part
 * showing the post (navigation, a dialog opening or closing), at or before the owner's link (the header), or one
 * bringing another post's own time (then it is a list of posts, see `postScope`).
 */
function postMayHaveChanged(state: PostState, changed: PageChanges): boolean {
  const { scope, ownerLink } = state.post;
  if (!scope?.isConnected || !ownerLink?.isConnected || !scope.contains(ownerLink)) return true;
  // Still this post (its first timestamp link sits near the top: the caption or the first comment).
  if (matching(scope, 'time', postTimeSelector(state.code)).next().done) return true;
  const other = otherPostTimeSelector(state.code);
  const { added } = changed;
  for (const node of changed) {
    if (!node.isConnected) continue; // removed: inside the post, its parent is named too
    if (!scope.contains(node) || node === scope) return true;
    if (ownerLink.contains(node) || !precedes(ownerLink, node)) return true;
    // Another post's time comes in an added subtree or a link changed in place; a node something was removed from
    // may be the whole list of comments, never searched.
    const el = node as Element;
    const fresh = added ? added.has(node) : true;
    if ((fresh || el.localName === 'a') && el.nodeType === 1) {
      if (el.matches(other) || !matching(el, 'time', other).next().done) return true;
    }
  }
  return false;
}

/** The comment a control belongs to: the nearest block around it holding exactly one comment timestamp. */
function commentOfControl(control: Element, base: URL): ReplyTarget | null {
  for (let el = control.parentElement; el; el = el.parentElement) {
    const times = el.querySelectorAll(SEL.commentTime);
    if (times.length === 0) continue;
    if (times.length > 1) return null;
    const link = times[0]?.closest('a');
    const target = link ? parseCommentHref(link.getAttribute('href'), base) : null;
    const author = authorLinkOf(el);
    return target && author ? { id: target.id, handle: normalizeHandle(author.handle) } : null;
  }
  return null;
}

export interface InstagramAdapter extends SiteAdapter {
  /**
   * Notes a trusted click on a comment's own Reply, so Alt+1…9 fill the box for the comment Instagram answers.
   * The content script listens (and stops listening) through WXT's ctx.
   */
  noteClick(event: Event): void;
}

const EMPTY_POST: PostRead = { post: null, scope: null, ownerLink: null, problems: [] };

export function createInstagramAdapter(): InstagramAdapter {
  const reader = new ConversationReader();
  let target: ReplyTarget | null = null;

  let state: PostState | null = null;
  /** The last read had a post: the next may be a delta from it. */
  let baseline = false;

  function read(doc: Document, url: URL, changed?: PageChanges): PageRead {
    const code = postCodeOf(url);
    // The header, the account and the part showing the post are read again only when a change may touch them:
    // appending comments costs the comments appended.
    if (!changed || !state || state.code !== code || postMayHaveChanged(state, changed)) {
      state = { code: code ?? '', post: code ? readPost(doc, url) : EMPTY_POST, actingHandle: readActingHandle(doc) };
    }
    const result: PageRead = {
      post: null,
      actingHandle: state.actingHandle,
      comments: [],
      collapsed: [],
      candidates: 0,
      problems: [],
    };
    const { post, scope, ownerLink, problems } = state.post;
    const asDelta = baseline;
    baseline = false;
    if (!code || !scope) {
      result.problems.push(...problems);
      return result;
    }
    // A delta follows a full read with a post (the overlay's baseline); the reader answers in full when it
    // started again (another post, part of the page or owner).
    const conversation = reader.read(scope, code, url, changed ?? null, ownerLink, asDelta && !!changed);
    result.candidates = conversation.candidates;
    result.problems = problems.length ? [...problems, ...conversation.problems] : conversation.problems;
    if (!post) return result;
    baseline = true;
    result.post = post;
    result.comments = conversation.comments;
    result.collapsed = conversation.collapsed;
    if (conversation.delta) result.delta = conversation.delta;
    return result;
  }

  return {
    platform: 'instagram',
    matchPostPage,
    read,
    permalink: instagramPermalink,
    async openReply(commentElement) {
      // Opening the box is the overlay's deferred code (instagram/reply-box.ts), like the insertion that follows.
      const opened = await (await loadActions()).instagramReplyBox.openReplyFor(commentElement);
      if (!opened) return null;
      const link = commentElement.querySelector(SEL.commentTime)?.closest('a');
      const parsed = link ? parseCommentHref(link.getAttribute('href'), IG_BASE) : null;
      if (parsed) target = { id: parsed.id, handle: opened.handle };
      return opened.editor;
    },
    focusedEditor,
    editorKind,
    replyTargetHandle,
    replyTargetId(editor) {
      const handle = replyTargetHandle(editor);
      return target && handle === target.handle ? target.id : null;
    },
    // Read after an insertion, which the deferred code made: it is in by then.
    sendEnabled: (editor: HTMLElement) => loadedActions()?.instagramReplyBox.sendEnabled(editor) ?? null,
    theme,
    badgeSlot(row) {
      // Just under the row's own small actions (likes, Reply): the comment's words and buttons keep their room.
      const line = replyControlOf(row)?.parentElement;
      return line?.parentElement && row.contains(line)
        ? { parent: line.parentElement, before: line.nextSibling }
        : { parent: row, before: null };
    },
    noteClick(event) {
      if (!event.isTrusted) return;
      const origin = event.composedPath()[0];
      const control = origin instanceof Element ? origin.closest(SEL.control) : null;
      if (!control) return;
      const found = commentOfControl(control, IG_BASE);
      if (found) target = found;
    },
  };
}

export const instagramAdapter: InstagramAdapter = createInstagramAdapter();
