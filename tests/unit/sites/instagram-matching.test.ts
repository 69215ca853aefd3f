// `matching` (instagram/selectors.ts) stands in for querySelector(All) with a combinator, which Chrome runs in
// proportion to the page: under any element of the real captures it finds what querySelectorAll finds, in order.
import { describe, expect, it } from 'vitest';
import { matching, otherPostTimeSelector, postTimeSelector, SEL } from '../../../utils/sites/instagram/selectors';
import { hasCombinator } from './combinator-queries';
import { parse, realHtml } from './fuzz/harness';

const CAPTURES = [
  'instagram-comment-image-fr-2026.html',
  'instagram-comment-row-2025-10.html',
  'instagram-comment-thread-2026-03.html',
];
const QUERIES: Array<[tag: string, selector: string]> = [
  ['img', SEL.avatarImage],
  ['time', SEL.commentTime],
  ['time', postTimeSelector('DWD5jrEoGa8')],
  ['time', otherPostTimeSelector('DWD5jrEoGa8')],
];

describe('matching', () => {
  it('finds under every element of the captures what querySelectorAll finds, in document order', () => {
    let found = 0;
    for (const name of CAPTURES) {
      const doc = parse(realHtml(name));
      for (const root of doc.querySelectorAll('*')) {
        for (const [tag, selector] of QUERIES) {
          const expected = [...root.querySelectorAll(selector)];
          expect([...matching(root, tag, selector)]).toEqual(expected);
          found += expected.length;
        }
      }
    }
    expect(found).toBeGreaterThan(100);
  }, 120_000);

  it('the test helper tells selectors with a combinator from lists of simple ones', () => {
    for (const s of ['a[href] img', 'a > img', ':is(a,b) time', 'ul li, a', 'a ~ b', 'a+b'])
      expect(hasCombinator(s)).toBe(true);
    for (const s of [
      'a[href]',
      '[role="button"], button',
      'a[title="x y"]',
      ':is(a, b)',
      ' img ',
      'a:not([href*="/c/"])',
    ])
      expect(hasCombinator(s)).toBe(false);
  });
});
