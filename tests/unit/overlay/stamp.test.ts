// The page contract on the site's own comment elements: stamping writes only the data-rr-* attributes (nothing else
// on the element or inside it), writes nothing when nothing changed, and unstamping leaves the element as it was.
import { afterEach, describe, expect, it } from 'vitest';
import type { Comment } from '../../../utils/core/model';
import { stampComment, unstamp } from '../../../utils/overlay/stamp';
import type { CommentView } from '../../../utils/overlay/view-model';

const comment: Comment = {
  platform: 'x',
  id: '1981661945656246275',
  postId: '1981646846161846274',
  threadKey: '1981661945656246275',
  author: { handle: 'maria_lopez', displayName: 'María', profileUrl: 'https://x.com/maria_lopez' },
  text: 'Pumpkin Spice Mocha Dream!',
  postedAt: Date.parse('2025-10-24T10:00:00.000Z'),
  postedAtPrecision: 'approx',
  permalink: 'https://x.com/maria_lopez/status/1981661945656246275',
  order: 0,
};
const view: CommentView = {
  key: 'x:1981661945656246275',
  comment,
  state: 'unanswered',
  level: 'warn',
  ageText: '2h',
  labels: [],
  language: null,
  spam: false,
};

/** The site's row: attributes and children of its own that stamping must leave alone. */
function siteRow() {
  const el = document.createElement('article');
  el.setAttribute('data-testid', 'tweet');
  el.setAttribute('role', 'article');
  el.setAttribute('tabindex', '0');
  el.className = 'css-175oi2r r-1ut4w64';
  el.style.backgroundColor = 'rgb(255, 255, 255)';
  const text = document.createElement('div');
  text.textContent = 'Pumpkin Spice Mocha Dream!';
  el.append(text);
  document.body.append(el);
  return el;
}
const attrs = (el: Element) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));

describe('stampComment / unstamp', () => {
  afterEach(() => document.body.replaceChildren());

  it('writes exactly the contract’s attributes and nothing else', () => {
    const el = siteRow();
    const before = attrs(el);
    const children = [...el.childNodes];
    stampComment(el, view, false);
    expect(attrs(el)).toEqual({
      ...before,
      'data-rr-id': 'x:1981661945656246275',
      'data-rr-state': 'unanswered',
      'data-rr-posted-at': '2025-10-24T10:00:00.000Z',
      'data-rr-precision': 'approx',
      'data-rr-level': 'warn',
    });
    expect([...el.childNodes]).toEqual(children);
    expect(el.firstElementChild!.textContent).toBe('Pumpkin Spice Mocha Dream!');
  });

  it('marks the current comment and takes the mark off again', () => {
    const el = siteRow();
    stampComment(el, view, true);
    expect(el.getAttribute('data-rr-current')).toBe('');
    stampComment(el, { ...view, state: 'done' }, false);
    expect(el.hasAttribute('data-rr-current')).toBe(false);
    expect(el.getAttribute('data-rr-state')).toBe('done');
  });

  it('writes nothing when the element already says the same (no work queued for the site)', async () => {
    const el = siteRow();
    stampComment(el, view, true);
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(el, { attributes: true });
    stampComment(el, view, true);
    stampComment(el, { ...view, level: 'breach' }, true);
    await Promise.resolve();
    observer.disconnect();
    expect(records.map((r) => r.attributeName)).toEqual(['data-rr-level']);
  });

  it('unstamp leaves the site’s element exactly as it was', () => {
    const el = siteRow();
    const before = attrs(el);
    stampComment(el, view, true);
    unstamp(el);
    expect(attrs(el)).toEqual(before);
  });
});
