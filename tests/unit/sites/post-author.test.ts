// Who wrote the post decides whether Reply Radar tracks the page. The fuzzer found two ways a page could change that
// silently: a bidi or zero-width character inside an X "@handle", and an Instagram post whose header is gone (the
// first profile link left was a commenter's). Either made the brand's own post read as someone else's, so the page
// went untracked instead of saying it could not be read. Now such a page is tracked and says what is wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { createInstagramAdapter } from '../../../utils/sites/instagram';
import type { SiteAdapter } from '../../../utils/sites/types';
import { createXAdapter } from '../../../utils/sites/x';
import { buildPageView } from '../overlay/page-view';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const page = (dir: string, name: string) => parse(readFileSync(path.join(import.meta.dirname, dir, name), 'utf8'));

function viewOf(adapter: SiteAdapter, doc: Document, url: URL, brand: { x?: string[]; instagram?: string[] }) {
  const read = adapter.read(doc, url);
  const settings = { ...DEFAULT_SETTINGS, brand: { x: [], facebook: [], instagram: [], ...brand } };
  const view = buildPageView(
    {
      isPostPage: true,
      post: read.post,
      actingHandle: read.actingHandle,
      comments: read.comments.map((c) => c.comment),
      collapsed: read.collapsed,
      candidates: read.candidates,
      readable: read.comments.length,
      problems: read.problems,
      loading: false,
    },
    settings,
    new Map(),
    Date.now(),
    'en',
  );
  return { read, view };
}

/** Puts `mark` after the first letter of the "@handle" text of the author names of `articles`. */
function garble(articles: Element[], mark: string) {
  for (const article of articles) {
    for (const a of article.querySelectorAll('[data-testid="User-Name"] a')) {
      for (const node of [a, ...a.querySelectorAll('*')].flatMap((el) => [...el.childNodes])) {
        const text = node as Text;
        if (node.nodeType === 3 && text.data.startsWith('@'))
          text.data = `@${text.data[1]}${mark}${text.data.slice(2)}`;
      }
    }
  }
}

describe('X: a mark inside an @handle', () => {
  const url = new URL('https://x.com/acme/status/1981646846161846274');
  const articles = (doc: Document) => [...doc.querySelectorAll('article')];
  const focused = (doc: Document) =>
    articles(doc).find((a) => a.querySelector('a[href$="/status/1981646846161846274"] time')) as Element;

  it.each([
    ['a zero-width space', '\u200b'],
    ['a right-to-left override', '\u202e'],
    ['a left-to-right mark', '\u200e'],
  ])(
    '%s in the post author’s handle: still the brand’s post, incomplete, saying the post could not be read',
    (_, mark) => {
      const doc = page('x-fixtures', 'x-conversation.html');
      garble([focused(doc)], mark);
      const { read, view } = viewOf(createXAdapter(), doc, url, { x: ['acme'] });
      // The author comes from the address, never from the look-alike.
      expect(read.post?.author.handle).toBe('acme');
      expect(view.tracked).toBe(true);
      expect(view.health).not.toBe('ok');
      expect(view.problems.join(' ')).toContain('The post itself could not be read');
    },
  );

  it('in every handle: no comment is read as another account’s, the page says comments could not be read', () => {
    const intact = viewOf(createXAdapter(), page('x-fixtures', 'x-conversation.html'), url, { x: ['acme'] });
    const doc = page('x-fixtures', 'x-conversation.html');
    garble(articles(doc), '\u200b');
    const { read, view } = viewOf(createXAdapter(), doc, url, { x: ['acme'] });
    expect(view.tracked).toBe(true);
    expect(view.health).not.toBe('ok');
    expect(read.comments.some((c) => /[\u200b\u202e]/.test(c.comment.author.handle))).toBe(false);
    expect(read.candidates).toBeGreaterThan(read.comments.length);
    // A problem the intact page does not have names what went wrong.
    expect(view.problems.filter((p) => !intact.view.problems.includes(p))).not.toEqual([]);
  });
});

describe('Instagram: the post header gone', () => {
  const url = new URL('https://www.instagram.com/p/DEMOpost1/');
  const without = (selector: string) => {
    const doc = page('instagram-fixtures', 'instagram-post-page.html');
    for (const el of doc.querySelectorAll(selector)) el.remove();
    return viewOf(createInstagramAdapter(), doc, url, { instagram: ['acme.coffee'] });
  };

  it('never takes a commenter (or an account a comment mentions) for the post’s owner', () => {
    // The fixture's first comment is maria.lopez_'s, and the brand's reply mentions her.
    const { read, view } = without('.ig-header, .ig-caption');
    expect(read.post?.author.handle).not.toBe('maria.lopez_');
    expect(read.post === null || read.post.author.handle === 'acme.coffee').toBe(true);
    expect(view.tracked).toBe(true);
  });

  it('with nothing left naming the owner: broken, saying the post’s author could not be found', () => {
    const { read, view } = without('.ig-header, .ig-caption, .ig-more-title');
    expect(read.post).toBeNull();
    expect(view.tracked).toBe(true);
    expect(view.health).toBe('broken');
    expect(view.problems).toContain('The post’s author could not be found on the page.');
  });
});
