// X's reply boxes as the content script sees them: the focused one, its kind, and whose post a dialog box answers.
// Opening a reply box and reading its send button are deferred code (./reply-box.ts).
import { normalizeHandle } from '../../core/keys';
import type { EditorKind } from '../types';
import { editorFrom, SEL } from './selectors';

/**
 * The handle a dialog reply box answers ("Replying to @handle"); the inline box under the post answers the post.
 * The dialog also shows the post being answered: @-links in its text or in a post it quotes name other people.
 */
export function replyTargetHandle(editor: HTMLElement): string | null {
  const dialog = editor.closest(SEL.dialog);
  if (!dialog) return null;
  const elsewhere = (link: Element) => {
    const holder = link.closest(SEL.notReplyingTo);
    return holder !== null && holder !== dialog && dialog.contains(holder);
  };
  for (const link of dialog.querySelectorAll<HTMLAnchorElement>(SEL.profileLink)) {
    if (elsewhere(link) || link.closest(SEL.editorBox)) continue;
    const m = /^@([A-Za-z0-9_]{1,20})$/.exec((link.textContent ?? '').trim());
    if (m && link.getAttribute('href')?.toLowerCase() === `/${m[1]!.toLowerCase()}`) return normalizeHandle(m[1]!);
  }
  return null;
}

export function focusedEditor(doc: Document): HTMLElement | null {
  return editorFrom(doc.activeElement);
}

export function editorKind(editor: HTMLElement): EditorKind {
  return editor.closest(SEL.draftContent) ? 'draft' : 'contenteditable';
}
