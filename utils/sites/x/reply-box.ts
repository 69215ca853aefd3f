// X's reply box, the parts used only after a person acts (Reply, inserting a template): opening a comment's reply
// dialog and reading its send button. Not in the X content script: the overlay's deferred code carries them
// (utils/overlay/actions, issue #10's size budget) and the adapter reaches them through it.
import { waitFor } from '../wait-for';
import { editorFrom, own, REPLY_SEL as SEL } from './selectors';

function dialogEditors(doc: Document): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const dialog of doc.querySelectorAll(SEL.dialog)) {
    for (const el of dialog.querySelectorAll<HTMLElement>(SEL.editor)) if (editorFrom(el) === el) found.push(el);
  }
  return found;
}

/** Clicks the post's own reply button and waits for X's reply dialog (a status page's inline box answers the post, not a reply). */
export async function openReply(commentElement: HTMLElement): Promise<HTMLElement | null> {
  const article = commentElement.matches(SEL.tweet)
    ? commentElement
    : (commentElement.closest<HTMLElement>(SEL.tweet) ?? commentElement.querySelector<HTMLElement>(SEL.tweet));
  const button = article ? own<HTMLElement>(article, SEL.replyButton) : null;
  if (!button) return null;
  const doc = button.ownerDocument;
  const before = new Set(dialogEditors(doc));
  button.click();
  const editor = await waitFor(() => dialogEditors(doc).find((e) => !before.has(e)));
  if (editor && !editor.contains(doc.activeElement)) editor.focus();
  return editor;
}

/** The send button that belongs to this editor: the dialog's, else the inline box's nearest one. */
export function sendEnabled(editor: HTMLElement): boolean | null {
  let button = editor.closest(SEL.dialog)?.querySelector(SEL.sendInDialog) ?? null;
  for (let el = editor.parentElement, depth = 0; !button && el && depth < 20; el = el.parentElement, depth++) {
    button = el.querySelector(`${SEL.sendInline}, ${SEL.sendInDialog}`);
  }
  if (!button) return null;
  return !(button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true');
}
