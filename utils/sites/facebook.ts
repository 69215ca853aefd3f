// Facebook (www.facebook.com, web.facebook.com) adapter: reads a Page's post dialog or post page and finds its
// Lexical reply boxes. Every Facebook selector lives here and in ./facebook/ (links, words, one comment, the page).
// Class names are generated, so roles, links (comment_id / reply_comment_id) and data-ad-* markers are the anchors;
// translated words are only used where structure cannot say it, and never decide "all answered" alone.
// Facts: /work/shared/reference/sites.md (Facebook) and the real captures in shared/fixtures/real/.
import { ARTICLE, isCommentCandidate, readText } from './facebook/comment';
import { matchPostPage } from './facebook/links';
import { conversationScope } from './facebook/page';
import { createFacebookReader, type ReadWork } from './facebook/reader';
import type { EditorKind, SiteAdapter } from './types';

const SEL = {
  editor: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  button: '[role="button"]',
  actions: 'ul',
  listItem: 'li',
} as const;

const REPLY_BOX_TIMEOUT_MS = 3000;
const REPLY_BOX_POLL_MS = 50;

/** The adapter, and what its last read did (`work`: rows read, subtrees queried; tests count them). */
export function createFacebookAdapter(): SiteAdapter & { work: ReadWork } {
  const reader = createFacebookReader();

  /** The comment's own action list (time · Like · Reply): the `ul` inside the article, not in a nested one. */
  function actionList(article: HTMLElement): HTMLElement | null {
    for (const ul of article.querySelectorAll<HTMLElement>(SEL.actions)) if (ul.closest(ARTICLE) === article) return ul;
    return null;
  }

  /**
   * The comment's Reply control, without reading its word: in the action list, the text button that is neither
   * Like nor React (those carry aria-labels) nor a menu.
   */
  function replyControl(article: HTMLElement): HTMLElement | null {
    const list = actionList(article);
    if (!list) return null;
    const candidates = [...list.querySelectorAll<HTMLElement>(SEL.button)].filter(
      (b) => !b.hasAttribute('aria-label') && !b.hasAttribute('aria-haspopup') && readText(b).trim() !== '',
    );
    return candidates.at(-1) ?? null;
  }

  function editors(doc: Document): HTMLElement[] {
    const scope = conversationScope(doc);
    return [...scope.querySelectorAll<HTMLElement>(SEL.editor)].filter((e) => !e.closest('[aria-hidden="true"]'));
  }

  async function openReply(commentElement: HTMLElement): Promise<HTMLElement | null> {
    const article = commentElement.matches(ARTICLE) ? commentElement : commentElement.closest<HTMLElement>(ARTICLE);
    const control = article ? replyControl(article) : null;
    if (!article || !control) return null;
    const doc = article.ownerDocument;
    const before = new Set(editors(doc));
    control.click();
    const deadline = Date.now() + REPLY_BOX_TIMEOUT_MS;
    for (;;) {
      // A new reply box, or the thread's open one that Facebook retargets and focuses.
      const all = editors(doc);
      const editor =
        all.find((e) => !before.has(e)) ?? all.find((e) => e.contains(doc.activeElement) && sameThread(e, article));
      if (editor) {
        if (!editor.contains(doc.activeElement)) editor.focus();
        return editor;
      }
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, REPLY_BOX_POLL_MS));
    }
  }

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
    work: reader.work,
    openReply,
    focusedEditor,
    editorKind: (): EditorKind => 'lexical',
    replyTargetHandle,
    sendEnabled,
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

function sameThread(editor: HTMLElement, article: HTMLElement): boolean {
  const item = article.closest(SEL.listItem);
  if (!item) return false;
  return item.contains(editor) || item.parentElement?.contains(editor) === true;
}

/** The box's send control ("Comment", aria-disabled while the box is empty), when it can be found. */
export function sendEnabled(editor: HTMLElement): boolean | null {
  let el: HTMLElement | null = editor.parentElement;
  for (let depth = 0; el && depth < 5; depth++, el = el.parentElement) {
    for (const button of el.querySelectorAll<HTMLElement>(`${SEL.button}[aria-label]`)) {
      if (editor.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING) {
        return button.getAttribute('aria-disabled') !== 'true';
      }
    }
  }
  return null;
}

/** Facebook marks its theme on <html>: `__fb-dark-mode` or `__fb-light-mode`. */
export function theme(doc: Document): 'light' | 'dark' {
  return doc.documentElement.classList.contains('__fb-dark-mode') ? 'dark' : 'light';
}

export const facebookAdapter: SiteAdapter = createFacebookAdapter();
export { matchPostPage };
