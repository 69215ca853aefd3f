// Caret helpers shared by the strategies: where the caret is in the editor's plain text, and putting it somewhere.
// Draft and Lexical read the DOM selection on `selectionchange`, so after moving it we wait for that event.
import type { EditorKind } from '../sites/types';
import { domPointAt, mapEditorText, offsetOfDomPoint } from './plain-text';

export interface CaretRange {
  start: number;
  end: number;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves just after the next `selectionchange` has been handled by the page (or after `timeoutMs`). */
export function selectionSettled(doc: Document, timeoutMs = 150): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', onChange);
      // Let the editor's own selectionchange handler (and React's re-render) run first.
      setTimeout(resolve, 0);
    };
    const onChange = () => done();
    const timer = setTimeout(done, timeoutMs);
    doc.addEventListener('selectionchange', onChange);
  });
}

/** A UTF-16 offset that does not split a surrogate pair, within 0..text.length. */
export function clampCursor(text: string, cursor: number): number {
  if (!Number.isFinite(cursor)) return text.length;
  let at = Math.max(0, Math.min(Math.trunc(cursor), text.length));
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) at -= 1;
  return at;
}

/** The editor's selection as plain-text offsets, or null when the document selection is not inside it. */
export function caretRange(editor: HTMLElement, kind: EditorKind): CaretRange | null {
  if (kind === 'textarea') {
    const textarea = editor as HTMLTextAreaElement;
    const start = textarea.selectionStart ?? textarea.value.length;
    return { start, end: textarea.selectionEnd ?? start };
  }
  const selection = editor.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  const map = mapEditorText(editor, kind);
  const anchor = offsetOfDomPoint(editor, kind, { node: selection.anchorNode, offset: selection.anchorOffset }, map);
  const focus = offsetOfDomPoint(editor, kind, { node: selection.focusNode, offset: selection.focusOffset }, map);
  if (anchor === null || focus === null) return null;
  return { start: Math.min(anchor, focus), end: Math.max(anchor, focus) };
}

/** Collapses the caret at plain-text offset `offset` of the editor. */
export function placeCaret(editor: HTMLElement, kind: EditorKind, offset: number): void {
  if (kind === 'textarea') {
    const textarea = editor as HTMLTextAreaElement;
    const at = Math.max(0, Math.min(offset, textarea.value.length));
    textarea.setSelectionRange(at, at);
    return;
  }
  const point = domPointAt(editor, kind, offset);
  editor.ownerDocument.getSelection()?.setBaseAndExtent(point.node, point.offset, point.node, point.offset);
}

/**
 * Focuses the editor and makes sure it has a caret: where the user left it, or at the end of its text when the
 * selection is elsewhere. Resolves to the selection the insertion will replace.
 */
export async function prepareEditor(editor: HTMLElement, kind: EditorKind): Promise<CaretRange> {
  const doc = editor.ownerDocument;
  // Read before focusing: focusing a contenteditable that has no caret puts one at its start.
  const left = caretRange(editor, kind);
  if (doc.activeElement !== editor && !editor.contains(doc.activeElement)) {
    const settled = selectionSettled(doc);
    editor.focus();
    await settled;
  }
  // A textarea always has a caret of its own (it keeps it while blurred): only contenteditables get here.
  if (left || kind === 'textarea') return caretRange(editor, kind) ?? left ?? { start: 0, end: 0 };
  const end = mapEditorText(editor, kind).text.length;
  const settled = selectionSettled(doc);
  placeCaret(editor, kind, end);
  await settled;
  return caretRange(editor, kind) ?? { start: end, end };
}

/** Selects plain-text offsets start…end of the editor (focusing it first), where the editor itself reads selections. */
export async function selectRange(editor: HTMLElement, kind: EditorKind, start: number, end: number): Promise<void> {
  const doc = editor.ownerDocument;
  if (doc.activeElement !== editor && !editor.contains(doc.activeElement)) {
    const focused = selectionSettled(doc);
    editor.focus();
    await focused;
  }
  if (kind === 'textarea') {
    (editor as HTMLTextAreaElement).setSelectionRange(start, end);
    await delay(0);
    return;
  }
  const from = domPointAt(editor, kind, start);
  const to = domPointAt(editor, kind, end);
  const settled = selectionSettled(doc);
  doc.getSelection()?.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  await settled;
}
