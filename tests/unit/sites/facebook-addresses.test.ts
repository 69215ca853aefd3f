// Facebook's comment links are read by a string match where they are plain (links.ts `addressOf`), else by
// `new URL`: whatever the href, the parts the reading uses are the ones `new URL` gives.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addressOf, FACEBOOK_HOSTS, parseCommentLink } from '../../../utils/sites/facebook/links';

const BASE = new URL('https://www.facebook.com/acme/posts/pfbid0abc');
const pick = <T>(items: T[]) => fc.constantFrom(...items);
const piece = pick(['a', 'Z', '0', '_', '-', '.', '~', '/', '%', '%2e', '%2E', '%41', '%zz', ' ', "'", '"', '`', '^']);
const more = pick([
  '{',
  '}',
  '|',
  '\\',
  '[',
  ']',
  '?',
  '#',
  '&',
  '=',
  '+',
  ':',
  '@',
  '!',
  '$',
  ',',
  ';',
  '*',
  'á',
  '\t',
]);
const text = fc.array(fc.oneof(piece, more), { maxLength: 12 }).map((parts) => parts.join(''));
const href = fc
  .tuple(
    pick(['https://', 'http://', 'HTTPS://', '//', '', ' https://']),
    pick(['www.facebook.com', 'WWW.facebook.com', 'facebook.com.', 'm.facebook.com:443', 'a..b', 'evil.com', 'x']),
    pick([
      '',
      '/',
      '/acme',
      '/acme/posts/pfbid0abc',
      '/./acme',
      '/acme/../photo.php',
      '/profile.php',
      '/groups/g/user/42/',
    ]),
    text,
    pick(['', '?', '?comment_id=12', '?comment_id=Y29tbWVudDoxXzI%3D&reply_comment_id=34', '?story_fbid=1&id=2']),
    fc.oneof(
      fc.constant(''),
      text.map((t) => `&x=${t}`),
    ),
  )
  .map(([scheme, host, path, tail, query, extra]) => `${scheme}${scheme ? host : ''}${path}${tail}${query}${extra}`);

describe('addressOf', () => {
  it('gives the host, path and parameters `new URL` gives, for any href', () => {
    fc.assert(
      fc.property(href, (h) => {
        const fast = addressOf(h, BASE);
        let url: URL | null = null;
        try {
          url = new URL(h, BASE);
        } catch {
          // No address: nothing it could be read as is a Facebook address.
          expect(fast === null || !FACEBOOK_HOSTS.has(fast.hostname)).toBe(true);
          return;
        }
        expect(fast).not.toBeNull();
        expect([fast!.hostname, fast!.pathname, fast!.searchParams.toString()]).toEqual([
          url.hostname,
          url.pathname,
          url.searchParams.toString(),
        ]);
      }),
      { numRuns: 3000, seed: 10 },
    );
  });

  it('reads a plain comment link without `new URL` (a batch reads about three links per comment)', () => {
    const spy = vi.spyOn(globalThis, 'URL');
    const link = parseCommentLink(
      'https://www.facebook.com/acme/posts/pfbid0abc?comment_id=12&reply_comment_id=34&__cft__[0]=AZx&__tn__=R]-R',
      BASE,
    );
    const profile = parseCommentLink('https://www.facebook.com/customer7?comment_id=12&__cft__[0]=AZx', BASE);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(link).toEqual({
      kind: 'time',
      id: '34',
      parentId: '12',
      postId: 'pfbid0abc',
      permalinkPath: '/acme/posts/pfbid0abc',
    });
    expect(profile).toEqual({ kind: 'profile', id: '12', handle: 'customer7' });
  });
});
