// React-controlled <textarea> (Instagram's comment box): React ignores a value set through the element's own
// property (its value tracker swallows it), so set it with the prototype's native setter and announce an input.
export async function insertTextarea(editor: HTMLElement, text: string): Promise<void> {
  const textarea = editor as HTMLTextAreaElement;
  const value = textarea.value;
  const start = textarea.selectionStart ?? value.length;
  const end = textarea.selectionEnd ?? start;
  const view = textarea.ownerDocument.defaultView;
  const prototype = view?.HTMLTextAreaElement.prototype ?? HTMLTextAreaElement.prototype;
  const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (!setValue) throw new Error('This browser hides the textarea value setter');
  setValue.call(textarea, value.slice(0, start) + text + value.slice(end));
  textarea.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', data: text, bubbles: true }));
}

/**
 * The same through the browser's own editing (execCommand), which puts the change on the textarea's undo stack, so
 * Ctrl/Cmd+Z gives back what it replaced; React hears the input event it fires. Set directly if it did nothing.
 */
export async function insertTextareaUndoable(editor: HTMLElement, text: string): Promise<void> {
  const textarea = editor as HTMLTextAreaElement;
  const before = textarea.value;
  if (textarea.ownerDocument.execCommand('insertText', false, text) && textarea.value !== before) return;
  await insertTextarea(editor, text);
}
