import { beforeEach, expect, test } from 'vitest';
import { removeLeftovers } from '../../../utils/overlay/leftovers';

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

test('takes away what an older copy of the content script drew, and nothing of the site', () => {
  const style = document.createElement('style');
  style.id = 'reply-radar-outline';
  document.head.append(style);
  const article = document.createElement('article');
  article.className = 'site-row';
  for (const [name, value] of [
    ['data-rr-id', 'x:1'],
    ['data-rr-state', 'unanswered'],
    ['data-rr-level', 'breach'],
    ['data-rr-current', ''],
    ['data-testid', 'tweet'],
  ]) {
    article.setAttribute(name!, value!);
  }
  const text = document.createElement('div');
  text.textContent = 'Where is my order?';
  article.append(text, document.createElement('rr-badge'));
  document.body.append(article, document.createElement('reply-radar'), document.createElement('rr-layer'));

  removeLeftovers(document);

  expect(document.querySelectorAll('reply-radar, rr-badge, rr-layer, #reply-radar-outline')).toHaveLength(0);
  expect(article.getAttributeNames()).toEqual(['class', 'data-testid']);
  expect(article.textContent).toBe('Where is my order?');
  expect(document.body.firstElementChild).toBe(article);
});
