// Facebook (www.facebook.com, web.facebook.com) adapter: reads a Page's post dialog or post page and finds its
// Lexical reply boxes. Every Facebook selector lives here and in ./facebook/ (links, words, one comment, the page;
// opening a reply box is in ./facebook/reply-box.ts, deferred code).
// Class names are generated, so roles, links (comment_id / reply_comment_id) and data-ad-* markers are the anchors;
// translated words are only used where structure cannot say it, and never decide "all answered" alone.
// Facts: /work/shared/reference/sites.md (Facebook) and the real captures in shared/fixtures/real/.
import { loadActions, loadedActions } from '../overlay/actions-loader';
import { ARTICLE, actionList, isCommentCandidate } from './facebook/comment';
import { matchPostPage } from './facebook/links';
import { conversationScope, facebookPermalink } from './facebook/page';
import { createFacebookReader, type ReadWork } from './facebook/reader';
import type { EditorKind, SiteAdapter } from './types';
import { readText } from './visible-text';

const SEL = {
  editor: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  listItem: 'li',
} as const;

/** The adapter, and what its last read did (`work`: rows read, subtrees queried; tests count them). */
export function createFacebookAdapter(): SiteAdapter & { work: ReadWork } {
  const reader = createFacebookReader();

  function focusedEditor(doc: Document): HTMLElement | null {
    const editor = doc.activeElement?.closest<HTMLElement>(SEL.editor) ?? null;
    // Messenger's chat boxes are Lexical too: only the conversation's boxes are reply boxes.
    return editor && conversationScope(doc).contains(editor) ? editor : null;
  }

  /**
   * Whose comment a reply box answers: the box sits in its thread's list item and is labelled "Reply to NAME"
   * (translated); the name is matched against the thread's commenters, so no word of the label is needed.
   */
  function replyTargetHandle(editor: HTMLElement): string | null {
    const label = editor.getAttribute('aria-label') ?? '';
    const item = editor.closest(SEL.listItem);
    if (!label || !item) return null;
    let best: { name: string; handle: string } | null = null;
    const names = threadArticles(item).map((a) => commentAuthorName(a));
    for (const name of names) {
      if (!name || !label.includes(name)) continue;
      const handle = reader.handleByName(name);
      if (handle && (!best || name.length > best.name.length)) best = { name, handle };
    }
    return best?.handle ?? null;
  }

  return {
    platform: 'facebook',
    matchPostPage,
    shownPostId: reader.shownPostId,
    read: reader.read,
    permalink: facebookPermalink,
    work: reader.work,
    // Opening the box and reading its send button are the overlay's deferred code (facebook/reply-box.ts).
    openReply: async (element: HTMLElement) => (await loadActions()).facebookReplyBox.openReply(element),
    focusedEditor,
    editorKind: (): EditorKind => 'lexical',
    replyTargetHandle,
    sendEnabled: (editor: HTMLElement) => loadedActions()?.facebookReplyBox.sendEnabled(editor) ?? null,
    theme,
    // Below the comment's action row (time · Like · Reply): the row keeps its own layout.
    badgeSlot: (article: HTMLElement) => {
      const list = actionList(article);
      return list?.parentElement ? { parent: list.parentElement, before: null } : { parent: article, before: null };
    },
  };
}

/** The comment articles of the thread a list item holds (a reply box sits in the thread's item, or after it). */
function threadArticles(item: Element): Element[] {
  const found: Element[] = [];
  for (let li: Element | null = item; li && found.length === 0; li = li.previousElementSibling) {
    for (const a of li.querySelectorAll(ARTICLE)) if (isCommentCandidate(a)) found.push(a);
  }
  for (let li = item.parentElement?.closest(SEL.listItem); li; li = li.parentElement?.closest(SEL.listItem)) {
    for (const a of li.querySelectorAll(ARTICLE)) if (isCommentCandidate(a) && !found.includes(a)) found.push(a);
  }
  return found;
}

function commentAuthorName(article: Element): string {
  for (const a of article.querySelectorAll('a[href*="comment_id="]')) {
    if (a.closest(ARTICLE) !== article || a.getAttribute('aria-hidden') === 'true') continue;
    const text = readText(a).replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return '';
}

/** Facebook marks its theme on <html>: `__fb-dark-mode` or `__fb-light-mode`. */
export function theme(doc: Document): 'light' | 'dark' {
  return doc.documentElement.classList.contains('__fb-dark-mode') ? 'dark' : 'light';
}

export const facebookAdapter: SiteAdapter = createFacebookAdapter();
export { matchPostPage };
