// Lexical (Facebook's comment boxes): a beforeinput of type insertReplacementText carrying a DataTransfer, which
// Lexical applies even when synthetic (a synthetic insertText beforeinput is usually lost). One execCommand fallback,
// only after the first attempt has had time to land: quick retries have triplicated text on Facebook.
import { editorPlainText } from './plain-text';
import { plainTextTransfer, textChanged } from './settle';

export async function insertLexical(editor: HTMLElement, text: string): Promise<void> {
  const before = editorPlainText(editor, 'lexical');
  const input = new InputEvent('beforeinput', {
    inputType: 'insertReplacementText',
    data: text,
    dataTransfer: plainTextTransfer(text),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  editor.dispatchEvent(input);
  if (await textChanged(editor, 'lexical', before, 300)) return;
  editor.ownerDocument.execCommand('insertText', false, text);
  if (!(await textChanged(editor, 'lexical', before, 500))) throw new Error('The Lexical editor did not take the text');
}
