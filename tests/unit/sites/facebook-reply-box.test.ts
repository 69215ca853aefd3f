// Facebook's reply box, the deferred part (utils/sites/facebook/reply-box.ts): opening a comment's box with its own
// Reply control (found without reading its word) and reading the send button next to the box.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openReply, sendEnabled } from '../../../utils/sites/facebook/reply-box';

/** A comment article in its thread's list item: time · Like (aria-label) · Reply (text), as Facebook draws it. */
function comment(): HTMLElement {
  const li = document.createElement('li');
  const article = document.createElement('div');
  article.setAttribute('role', 'article');
  const ul = document.createElement('ul');
  for (const [text, label] of [
    ['Like', 'Like'],
    ['Válasz', null],
  ] as const) {
    const item = document.createElement('li');
    const button = document.createElement('div');
    button.setAttribute('role', 'button');
    if (label) button.setAttribute('aria-label', label);
    button.textContent = text;
    item.append(button);
    ul.append(item);
  }
  article.append(ul);
  li.append(article);
  const main = document.createElement('div');
  main.setAttribute('role', 'main');
  main.append(li);
  document.body.append(main);
  return article;
}

/** A Lexical reply box with its "Comment" button after it, in the thread's item. */
function replyBox(item: Element, disabled: boolean): HTMLElement {
  const wrap = document.createElement('div');
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  editor.setAttribute('role', 'textbox');
  editor.setAttribute('data-lexical-editor', 'true');
  editor.tabIndex = 0;
  const send = document.createElement('div');
  send.setAttribute('role', 'button');
  send.setAttribute('aria-label', 'Comment');
  if (disabled) send.setAttribute('aria-disabled', 'true');
  wrap.append(editor, send);
  item.append(wrap);
  return editor;
}

describe('Facebook reply box (deferred code)', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('clicks the comment’s Reply control, not Like, and resolves to the new box, focused', async () => {
    const article = comment();
    const [like, reply] = article.querySelectorAll<HTMLElement>('[role="button"]');
    let liked = 0;
    like!.addEventListener('click', () => liked++);
    reply!.addEventListener('click', () => setTimeout(() => replyBox(article.closest('li')!, true), 80));
    const editor = await openReply(article);
    expect(liked).toBe(0);
    expect(editor).not.toBeNull();
    expect(document.activeElement).toBe(editor);
    expect(sendEnabled(editor!)).toBe(false);
    editor!.nextElementSibling!.removeAttribute('aria-disabled');
    expect(sendEnabled(editor!)).toBe(true);
  });

  it('does not take a box that was open before for the new one, and gives up after a while', async () => {
    vi.useFakeTimers();
    const article = comment();
    replyBox(document.body, false);
    const result = openReply(article);
    await vi.advanceTimersByTimeAsync(3500);
    await expect(result).resolves.toBeNull();
  });

  it('finds no send button where there is none', () => {
    const editor = replyBox(document.body, false);
    editor.nextElementSibling!.remove();
    expect(sendEnabled(editor)).toBeNull();
  });
});
