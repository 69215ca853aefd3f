// Draft.js (X's composer): a synthetic paste with a text/plain DataTransfer. Draft splits it into blocks itself, so
// blank lines survive; execCommand('insertText') drops paragraphs on "\n\n" and can leave Draft's state empty.

import { editorPlainText } from './plain-text';
import { plainTextPaste, textChanged } from './settle';

export async function insertDraft(editor: HTMLElement, text: string): Promise<void> {
  const before = editorPlainText(editor, 'draft');
  const paste = plainTextPaste(text);
  // Draft cancels the paste it handles; an uncancelled synthetic paste changes nothing.
  if (editor.dispatchEvent(paste)) throw new Error('The Draft editor did not handle the paste');
  if (!(await textChanged(editor, 'draft', before, 500))) throw new Error('The Draft editor did not take the text');
}
