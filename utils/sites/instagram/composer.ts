// Instagram's comment box. One composer per post answers everything: its own Reply button focuses it and writes
// "@user " first, and a reply keeps that mention. The box is a React-controlled textarea, or in some layouts a
// contenteditable (Lexical) box: which one is read from the element itself. Opening it and reading its Post control
// are in ./reply-box.ts (the overlay's deferred code).
import { normalizeHandle } from '../../core/keys';
import type { EditorKind } from '../types';
import { SEL } from './selectors';

/** The comment a reply box was last opened for (by us, or by the user's click on Instagram's own Reply). */
export interface ReplyTarget {
  id: string;
  handle: string;
}

const MENTION_AT_START = /^[\s\u00a0]*@([A-Za-z0-9._]{1,30})(?=[\s\u00a0]|$)/;

/** The editor an element is in: a textarea, or the outermost editable element. */
export function editorRoot(el: Element | null): HTMLElement | null {
  if (!el) return null;
  if (el.localName === 'textarea') return el as HTMLTextAreaElement;
  const html = el as HTMLElement;
  if (!html.isContentEditable) return null;
  // The outermost editable element is the editor (Lexical and plain contenteditables alike).
  let root = html;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** The comment box that has focus, when it belongs to the post (not the search field or a message box). */
export function focusedEditor(doc: Document): HTMLElement | null {
  const editor = editorRoot(doc.activeElement);
  if (!editor || editor.closest(SEL.navigation)) return null;
  return editor.closest(`${SEL.main}, ${SEL.dialog}`) ? editor : null;
}

export function editorKind(editor: HTMLElement): EditorKind {
  if (editor.localName === 'textarea') return 'textarea';
  return editor.closest(SEL.lexical) || editor.querySelector(SEL.lexical) ? 'lexical' : 'contenteditable';
}

export function editorText(editor: HTMLElement): string {
  return editor.localName === 'textarea' ? (editor as HTMLTextAreaElement).value : (editor.textContent ?? '');
}

/** The "@user" Instagram's Reply wrote at the start of the box, when there is one. */
export function replyTargetHandle(editor: HTMLElement): string | null {
  const m = MENTION_AT_START.exec(editorText(editor));
  return m?.[1] ? normalizeHandle(m[1]) : null;
}
