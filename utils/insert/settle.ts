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
