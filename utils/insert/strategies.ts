// Runs the strategy for one kind of editor, in whatever world this code runs in (the page's, via the bridge).
import type { EditorKind } from '../sites/types';
import { clampCursor, delay, placeCaret, prepareEditor, selectionSettled } from './caret';
import { insertContentEditable } from './contenteditable';
import { insertDraft } from './draft';
import { insertLexical } from './lexical';
import { insertTextarea } from './textarea';

const STRATEGIES: Record<EditorKind, (editor: HTMLElement, text: string) => Promise<void>> = {
  draft: insertDraft,
  lexical: insertLexical,
  textarea: insertTextarea,
  contenteditable: insertContentEditable,
};

/** Editors and templates may carry Windows line ends; every editor here wants "\n". */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Inserts `text` at the editor's caret (or its end when the caret is elsewhere), replacing any selection, then puts
 * the caret at UTF-16 offset `cursor` of the inserted text. Throws when the editor did not take the text.
 */
export async function runStrategy(editor: HTMLElement, kind: EditorKind, text: string, cursor: number): Promise<void> {
  const normalized = normalizeNewlines(text);
  const { start } = await prepareEditor(editor, kind);
  await STRATEGIES[kind](editor, normalized);
  // Let the editor finish its render (and force its own selection) before we move the caret.
  await delay(30);
  const settled = selectionSettled(editor.ownerDocument);
  const cursorInText = normalizeNewlines(text.slice(0, clampCursor(text, cursor))).length;
  placeCaret(editor, kind, start + cursorInText);
  await settled;
}
