// Facebook's reply box, the parts used only after a person acts (Reply, inserting a template): opening a comment's
// reply box and reading its send button. Not in the Facebook content script: the overlay's deferred code carries
// them (utils/overlay/actions, issue #10's size budget) and the adapter reaches them through it, as X's and
// Instagram's do.
import { readText } from '../visible-text';
import { waitFor } from '../wait-for';
import { ARTICLE, actionList } from './comment';
import { conversationScope } from './page';

const SEL = {
  editor: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  button: '[role="button"]',
  listItem: 'li',
} as const;

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

function sameThread(editor: HTMLElement, article: HTMLElement): boolean {
  const item = article.closest(SEL.listItem);
  if (!item) return false;
  return item.contains(editor) || item.parentElement?.contains(editor) === true;
}

/** Clicks the comment's own Reply control and waits for its reply box (a new one, or the thread's open one). */
export async function openReply(commentElement: HTMLElement): Promise<HTMLElement | null> {
  const article = commentElement.matches(ARTICLE) ? commentElement : commentElement.closest<HTMLElement>(ARTICLE);
  const control = article ? replyControl(article) : null;
  if (!article || !control) return null;
  const doc = article.ownerDocument;
  const before = new Set(editors(doc));
  control.click();
  // A new reply box, or the thread's open one that Facebook retargets and focuses.
  const editor = await waitFor(() => {
    const all = editors(doc);
    return all.find((e) => !before.has(e)) ?? all.find((e) => e.contains(doc.activeElement) && sameThread(e, article));
  });
  if (editor && !editor.contains(doc.activeElement)) editor.focus();
  return editor;
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
