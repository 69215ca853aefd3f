// Instagram's comment box. One composer per post answers everything: its own Reply button focuses it and writes
// "@user " first, and a reply keeps that mention. The box is a React-controlled textarea, or in some layouts a
// contenteditable (Lexical) box: which one is read from the element itself.
import { normalizeHandle } from '../../core/keys';
import type { EditorKind } from '../types';
import { authorLinkOf, precedes, replyControlOf } from './rows';
import { SEL } from './selectors';

/** The comment a reply box was last opened for (by us, or by the user's click on Instagram's own Reply). */
export interface ReplyTarget {
  id: string;
  handle: string;
}

const MENTION_AT_START = /^[\s\u00a0]*@([A-Za-z0-9._]{1,30})(?=[\s\u00a0]|$)/;

function editorRoot(el: Element | null): HTMLElement | null {
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

/**
 * The Post control of this box: the first worded control after it in its form (or nearby). Instagram marks it
 * disabled while the box is empty; enabled means React's state holds the text.
 */
export function sendEnabled(editor: HTMLElement): boolean | null {
  let container: Element | null = editor.closest('form');
  for (let el = editor.parentElement, depth = 0; !container && el && depth < 4; el = el.parentElement, depth++) {
    if (el.querySelector(SEL.control)) container = el;
  }
  if (!container) return null;
  for (const control of container.querySelectorAll<HTMLElement>(SEL.control)) {
    if (!precedes(editor, control) || control.querySelector('svg')) continue;
    if (!(control.textContent ?? '').trim()) continue;
    return !(control.hasAttribute('disabled') || control.getAttribute('aria-disabled') === 'true');
  }
  return null;
}

function composerOf(row: Element): HTMLElement | null {
  const scope = row.closest(SEL.dialog) ?? row.closest(SEL.main) ?? row.ownerDocument.body;
  const found = scope?.querySelector(SEL.editor) ?? null;
  return editorRoot(found);
}

const OPEN_TIMEOUT_MS = 3000;
const OPEN_POLL_MS = 50;

/**
 * Presses the row's own Reply and waits for Instagram to focus the composer with the "@user " mention in it; the
 * caret goes after the mention, so the template follows it.
 */
export async function openReplyFor(row: HTMLElement): Promise<{ editor: HTMLElement; handle: string } | null> {
  const control = replyControlOf(row);
  const author = authorLinkOf(row);
  if (!control || !author) return null;
  const handle = normalizeHandle(author.handle);
  control.click();
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  for (;;) {
    const editor = focusedEditor(row.ownerDocument) ?? composerOf(row);
    if (editor && replyTargetHandle(editor) === handle) {
      if (row.ownerDocument.activeElement !== editor) editor.focus();
      if (editor.localName === 'textarea') {
        const textarea = editor as HTMLTextAreaElement;
        textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      }
      return { editor, handle };
    }
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, OPEN_POLL_MS));
  }
}
