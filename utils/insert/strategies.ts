// Runs the strategy for one kind of editor, in whatever world this code runs in (the page's, via the bridge).
import type { EditorKind } from '../sites/types';
import {
  type CaretRange,
  caretRange,
  clampCursor,
  delay,
  placeCaret,
  prepareEditor,
  selectionSettled,
  selectRange,
} from './caret';
import { insertContentEditable } from './contenteditable';
import { insertDraft } from './draft';
import { insertLexical } from './lexical';
import { insertTextarea, insertTextareaUndoable } from './textarea';

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
 * the caret at UTF-16 offset `cursor` of the inserted text. With `replace`, the text replaces those plain-text
 * offsets instead (a typed ";shortcut"), as one step the editor's own undo takes back. Throws when the editor did
 * not take the text.
 */
export async function runStrategy(
  editor: HTMLElement,
  kind: EditorKind,
  text: string,
  cursor: number,
  replace?: CaretRange,
): Promise<void> {
  const normalized = normalizeNewlines(text);
  let { start } = await prepareEditor(editor, kind);
  if (replace) {
    await selectRange(editor, kind, replace.start, replace.end);
    start = replace.start;
  }
  // The textarea's usual strategy sets its value, which browsers do not record for undo: a replacement must be undoable.
  const strategy = replace && kind === 'textarea' ? insertTextareaUndoable : STRATEGIES[kind];
  await strategy(editor, normalized);
  // Let the editor finish its render (and force its own selection) before we move the caret.
  await delay(30);
  const cursorInText = normalizeNewlines(text.slice(0, clampCursor(text, cursor))).length;
  // Already after the text (the usual end caret) or beyond it, where the user went on typing: leave it there, so
  // keys typed right after a shortcut expanded are not put back in front of what they followed.
  const now = caretRange(editor, kind);
  if (
    replace &&
    cursorInText === normalized.length &&
    now &&
    now.start === now.end &&
    now.start >= start + cursorInText
  )
    return;
  const settled = selectionSettled(editor.ownerDocument);
  placeCaret(editor, kind, start + cursorInText);
  await settled;
}
