// Waiting for an editor to commit what it was given: editors apply input in their own time (React batches,
// Lexical reconciles in a microtask, execCommand commits after the current task), so strategies look, not assume.
import type { EditorKind } from '../sites/types';
import { delay } from './caret';
import { editorPlainText } from './plain-text';

/** Resolves true as soon as the editor's text differs from `before`, false after `timeoutMs`. */
export async function textChanged(editor: HTMLElement, kind: EditorKind, before: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (editorPlainText(editor, kind) !== before) return true;
    if (Date.now() >= deadline) return false;
    await delay(25);
  }
}

export function plainTextTransfer(text: string): DataTransfer {
  const transfer = new DataTransfer();
  transfer.setData('text/plain', text);
  return transfer;
}

/**
 * A synthetic paste carrying `text` as text/plain. Chromium takes the DataTransfer given to the constructor; Firefox
 * ignores it and gives the event an empty one of its own, which stays writable until dispatch: fill that.
 */
export function plainTextPaste(text: string): ClipboardEvent {
  const paste = new ClipboardEvent('paste', {
    clipboardData: plainTextTransfer(text),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  const data = paste.clipboardData;
  if (data && data.getData('text/plain') !== text) data.setData('text/plain', text);
  return paste;
}
