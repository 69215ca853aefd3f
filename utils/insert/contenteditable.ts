// Any other contenteditable: offer a paste first (rich editors handle it), and let the browser insert the text
// itself when nobody took the paste or nothing changed after a while.
import { editorPlainText } from './plain-text';
import { plainTextPaste, textChanged } from './settle';

export async function insertContentEditable(editor: HTMLElement, text: string): Promise<void> {
  const before = editorPlainText(editor, 'contenteditable');
  const paste = plainTextPaste(text);
  const handled = !editor.dispatchEvent(paste);
  if (handled && (await textChanged(editor, 'contenteditable', before, 300))) return;
  editor.ownerDocument.execCommand('insertText', false, text);
  if (!(await textChanged(editor, 'contenteditable', before, 500))) throw new Error('The editor did not take the text');
}
