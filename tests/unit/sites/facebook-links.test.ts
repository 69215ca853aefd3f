// Facebook's comment links are read without the URL parser when they have the plain shape Facebook writes
// (`plainLink`, issue #10: the parser cost 100-150 ms of a 2,000-comment page's first read). What it answers must be
// what `new URL` answers, for every address it takes; anything else it leaves to the parser (null).
import { describe, expect, it } from 'vitest';
import { commentLinkOf, parseCommentLink, plainLink } from '../../../utils/sites/facebook/links';

const BASE = new URL('https://www.facebook.com/acme/posts/pfbid0abc?comment_id=1');
const ID = '1234567890123456';
const B64 = btoa(`comment:987654321_${ID}`);
const TRACK = '__cft__[0]=AZabc-_x&__tn__=R]-R';

const TAKEN = [
  `https://www.facebook.com/customer1?comment_id=${ID}&${TRACK}`,
  `https://www.facebook.com/acme/posts/pfbid0abc?comment_id=${ID}&reply_comment_id=99&${TRACK}`,
  `https://web.facebook.com/profile.php?id=100012345&comment_id=${ID}`,
  `/customer.name-2?comment_id=${ID}#top`,
  `/acme/posts/122178345602119874/?comment_id=${encodeURIComponent(B64)}`,
  `/acme/posts/122178345602119874/?comment_id=${B64}`,
  '/permalink.php?story_fbid=42&id=7&comment_id=5',
  '/photo/?fbid=42&set=a.1&comment_id=5&comment_id=6',
  '/groups/123/posts/456/?comment_id=5&x=a+b&y=%41%2B&&z',
  '/groups/123/user/456/?comment_id=5&=empty&w==x',
  '/customer?x=a+b&&y&+z=1&z=2&comment_id=5&comment_id=6',
  '/customer?comment_id=Y29tbWVudDoxXzI%3D&a%20b=%E2%82%AC&w=%2B+',
  '/hashtag/coffee?__eep__=6',
  '/acme',
  '/',
  'https://evil.example/customer?comment_id=5',
  'https://www.facebook.com/acme/posts/1?comment_id=5#c=6?d',
];

const LEFT = [
  'https://www.Facebook.com/customer?comment_id=5',
  'https://www.facebook.com:443/customer?comment_id=5',
  'http://www.facebook.com/customer?comment_id=5',
  '//www.facebook.com/customer?comment_id=5',
  'customer?comment_id=5',
  '/a/./b?comment_id=5',
  '/a/../customer?comment_id=5',
  '/a/..',
  '/%63ustomer?comment_id=5',
  '/customer?comment_id=%zz',
  '/customer?comment_id=%E0%A4%A',
  '/customer?comment_id=5 6',
  '/customer?comment_id=5&x=%E2%82&%AC',
  '//www.facebook.com/customer?comment_id=5',
  '/customer?comment_id=5\n',
  '/cust\\omer?comment_id=5',
  '/customer?name=\u00e9&comment_id=5',
  '/customer\t?comment_id=5',
  '/müller?comment_id=5',
  'mailto:a@b.c',
  'https://www.facebook.com?comment_id=5',
];

const NAMES = [
  'comment_id',
  'reply_comment_id',
  'id',
  'story_fbid',
  'fbid',
  'v',
  'set',
  'x',
  'y',
  'z',
  '',
  'w',
  '__cft__[0]',
];

describe('plainLink', () => {
  it.each(TAKEN)('reads %s as the URL parser does', (href) => {
    const plain = plainLink(href, BASE);
    const url = new URL(href, BASE);
    expect(plain).not.toBeNull();
    expect(plain!.hostname).toBe(url.hostname);
    expect(plain!.pathname).toBe(url.pathname);
    for (const name of NAMES) expect(plain!.searchParams.get(name)).toBe(url.searchParams.get(name));
  });

  it.each(LEFT)('leaves %s to the URL parser', (href) => {
    expect(plainLink(href, BASE)).toBeNull();
  });

  it('reads the same comment links either way', () => {
    for (const base of [BASE, new URL('http://web.facebook.com:8080/x')]) {
      for (const href of [...TAKEN, ...LEFT]) {
        let viaUrl: unknown = null;
        try {
          viaUrl = commentLinkOf(new URL(href, base));
        } catch {
          viaUrl = null;
        }
        expect(parseCommentLink(href, base)).toEqual(viaUrl);
      }
    }
    // Not vacuous: most of them are comment links.
    expect(TAKEN.filter((href) => parseCommentLink(href, BASE)).length).toBeGreaterThanOrEqual(8);
  });
});
