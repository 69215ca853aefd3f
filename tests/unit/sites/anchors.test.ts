// A site that renames what an adapter looks for must never look "all answered". For each site, each anchor the
// adapter depends on is removed from a page it reads well (attribute dropped, element renamed, links broken), and
// the panel's view of what is left must say health broken or incomplete with a reason, or still count at least as
// many unanswered comments as the intact page: never `ok` with fewer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import { createFacebookAdapter } from '../../../utils/sites/facebook';
import { createInstagramAdapter } from '../../../utils/sites/instagram';
import type { SiteAdapter } from '../../../utils/sites/types';
import { createXAdapter } from '../../../utils/sites/x';
import { buildPageView } from '../overlay/page-view';
import { REAL_CAPTURES as REAL } from './real-captures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Drops `attribute` from every element matching `selector` (the site renamed or stopped sending it). */
const dropAttribute = (selector: string, attribute: string) => (doc: Document) => {
  for (const el of doc.querySelectorAll(selector)) el.removeAttribute(attribute);
};
/** Replaces every element matching `selector` by a <div> with the same children (the site changed its markup). */
const renameTo =
  (selector: string, tag = 'div') =>
  (doc: Document) => {
    for (const el of [...doc.querySelectorAll(selector)].reverse()) {
      const replacement = doc.createElement(tag);
      for (const attr of el.attributes) if (attr.name !== 'role') replacement.setAttribute(attr.name, attr.value);
      replacement.append(...el.childNodes);
      el.replaceWith(replacement);
    }
  };
/** Rewrites every link matching `selector` to a URL naming nothing (the site changed its URL scheme). */
const breakLinks = (selector: string) => (doc: Document) => {
  for (const a of doc.querySelectorAll(selector)) a.setAttribute('href', '/');
};

/**
 * Puts `mark` (a zero-width or bidi control) inside every "@handle" of the X author names: the page then names an
 * account that cannot exist, which must never make the brand's own post read as someone else's (silently untracked).
 */
const garbleHandles = (mark: string) => (doc: Document) => {
  for (const a of doc.querySelectorAll('[data-testid="User-Name"] a')) {
    for (const node of [a, ...a.querySelectorAll('*')].flatMap((el) => [...el.childNodes])) {
      if (node.nodeType !== 3) continue;
      const text = node as Text;
      if (text.data.startsWith('@') && text.data.length > 2) text.data = `@${text.data[1]}${mark}${text.data.slice(2)}`;
    }
  }
};
/** Removes every element matching `selector` with what it holds. */
const removeAll = (selector: string) => (doc: Document) => {
  for (const el of doc.querySelectorAll(selector)) el.remove();
};

interface SiteCase {
  name: string;
  adapter: () => SiteAdapter;
  page: () => Document;
  url: URL;
  brand: Partial<Settings['brand']>;
  anchors: Array<[string, (doc: Document) => void]>;
}

const SITES: SiteCase[] = [
  {
    name: 'X',
    adapter: createXAdapter,
    page: () => parse(readFileSync(path.join(import.meta.dirname, 'x-fixtures', 'x-conversation.html'), 'utf8')),
    url: new URL('https://x.com/acme/status/1981646846161846274'),
    brand: { x: ['acme'] },
    anchors: [
      ['the primary column', dropAttribute('[data-testid="primaryColumn"]', 'data-testid')],
      ['timeline cells', dropAttribute('[data-testid="cellInnerDiv"]', 'data-testid')],
      ['tweet articles (data-testid)', dropAttribute('article[data-testid="tweet"]', 'data-testid')],
      ['tweet articles (element)', renameTo('article')],
      ['author names', dropAttribute('[data-testid="User-Name"]', 'data-testid')],
      ['tweet texts', dropAttribute('[data-testid="tweetText"]', 'data-testid')],
      ['avatars', dropAttribute('[data-testid="Tweet-User-Avatar"]', 'data-testid')],
      ['times', dropAttribute('time[datetime]', 'datetime')],
      ['status links', breakLinks('a[href*="/status/"]')],
      ['action bars', dropAttribute('[role="group"]', 'role')],
      ['headings', renameTo('h2, [role="heading"]', 'span')],
      ['clean @handles (a zero-width space inside each)', garbleHandles('\u200b')],
      ['clean @handles (a right-to-left override inside each)', garbleHandles('\u202e')],
    ],
  },
  {
    name: 'Facebook',
    adapter: createFacebookAdapter,
    page: () => parse(readFileSync(path.join(REAL, 'facebook-post-dialog-44-comments-2024-11.html'), 'utf8')),
    url: new URL(
      'https://www.facebook.com/animeworldgobal/posts/pfbid02vnj2KuSa7yrG6weZr5TKyT7h2VrK6HnZT7jCchjHs7MQGGaNyQjnq9DF8WhkWf8Kl',
    ),
    brand: { facebook: ['animeworldgobal'] },
    anchors: [
      ['comment articles', dropAttribute('[role="article"]', 'role')],
      ['the dialog', dropAttribute('[role="dialog"]', 'role')],
      ['comment links', breakLinks('a[href*="comment_id"]')],
      ['profile links', breakLinks('a[href*="facebook.com/"]:not([href*="comment_id"])')],
      ['action lists', renameTo('ul')],
      ['action list items', renameTo('li')],
      ['author headings', renameTo('h2, h3', 'span')],
      ['buttons', dropAttribute('[role="button"]', 'role')],
      ['text direction marks', dropAttribute('[dir="auto"]', 'dir')],
    ],
  },
  {
    name: 'Instagram',
    adapter: createInstagramAdapter,
    page: () =>
      parse(readFileSync(path.join(import.meta.dirname, 'instagram-fixtures', 'instagram-post-page.html'), 'utf8')),
    url: new URL('https://www.instagram.com/p/DEMOpost1/'),
    brand: { instagram: ['acme.coffee'] },
    anchors: [
      ['comment times', dropAttribute('time[datetime]', 'datetime')],
      ['comment permalinks', breakLinks('a[href*="/c/"]')],
      ['profile links', breakLinks('a[href]:not([href*="/c/"]):not([href*="/p/"])')],
      ['the main element', renameTo('main, [role="main"]')],
      ['the navigation', renameTo('nav, [role="navigation"]')],
      ['buttons', dropAttribute('[role="button"]', 'role')],
      ['button elements', renameTo('button', 'span')],
      ['icon labels', dropAttribute('svg[aria-label]', 'aria-label')],
      ['the header', renameTo('header')],
      ['sections', renameTo('section')],
      ['the post header (with its profile links)', removeAll('.ig-header')],
      ['the post header and the caption', removeAll('.ig-header, .ig-caption')],
    ],
  },
];

function viewOf(site: SiteCase, doc: Document) {
  const read = site.adapter().read(doc, site.url);
  const settings = { ...DEFAULT_SETTINGS, brand: { x: [], facebook: [], instagram: [], ...site.brand } };
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
      ...(read.unfound && { unfound: true }), // past the loading grace
      ...(read.moreBelow !== undefined && { moreBelow: read.moreBelow }),
    },
    settings,
    new Map(),
    Date.now(),
    'en',
  );
  const unanswered = [...view.comments.values()].filter((c) => c.state === 'unanswered').length;
  return { view, unanswered, read };
}

describe.each(SITES)('$name: an anchor that stops matching', (site) => {
  const intact = viewOf(site, site.page());

  it('the intact page is read and tracked, with comments waiting (so a loss would show)', () => {
    expect(intact.view.tracked).toBe(true);
    expect(intact.unanswered).toBeGreaterThan(0);
  }, 60_000);

  it.each(site.anchors)(
    'without %s: broken or incomplete with a reason, never ok with fewer unanswered',
    (_, remove) => {
      const doc = site.page();
      remove(doc);
      const { view, unanswered } = viewOf(site, doc);
      if (view.tracked && unanswered >= intact.unanswered) return; // nothing lost
      // Something was lost: the panel must say so, naming a problem the intact page does not have.
      expect(view.health).not.toBe('ok');
      expect(view.problems.filter((p) => !intact.view.problems.includes(p))).not.toEqual([]);
    },
    60_000,
  );
});

describe('Facebook: the comments gone while the post counts them', () => {
  it('is broken, naming the count (never a conversation with nothing waiting)', () => {
    const facebook = SITES.find((s) => s.name === 'Facebook')!;
    const doc = facebook.page();
    dropAttribute('[role="article"]', 'role')(doc);
    const { view, read } = viewOf(facebook, doc);
    expect(read.candidates).toBe(0);
    expect(view.health).toBe('broken');
    expect(view.problems.join(' ')).toMatch(/comments, but none of them could be found/);
  }, 60_000);
});
