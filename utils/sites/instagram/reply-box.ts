// Instagram's reply box, the parts used only after a person acts (Reply, inserting a template): pressing a row's
// Reply and waiting for the composer, and reading its Post control. Not in the Instagram content script: the
// overlay's deferred code carries them (utils/overlay/actions, issue #10's size budget) and the adapter reaches them
// through it.
import { normalizeHandle } from '../../core/keys';
import { waitFor } from '../wait-for';
import { editorRoot, focusedEditor, replyTargetHandle } from './composer';
import { authorLinkOf, precedes, replyControlOf } from './rows';
import { SEL } from './selectors';

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
  const editor = await waitFor(() => {
    const found = focusedEditor(row.ownerDocument) ?? composerOf(row);
    return found && replyTargetHandle(found) === handle ? found : null;
  });
  if (!editor) return null;
  if (row.ownerDocument.activeElement !== editor) editor.focus();
  if (editor.localName === 'textarea') {
    const textarea = editor as HTMLTextAreaElement;
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }
  return { editor, handle };
}
