// The X adapter against the real conversation captures in ../shared/fixtures/real (CI keeps a copy of shared/
// beside the clone): a thread joined by connector lines with "Show replies" and the inline composer (January 2025),
// a thread holding deleted-post tombstones (February 2025), and a status page's main post (October 2025).
// Each capture is the `Timeline: Conversation` element: the test mounts it where X does, in the primary column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import type { PageFacts } from '../../../utils/overlay/view-model';
import type { PageRead } from '../../../utils/sites/types';
import { connectorLines, createXAdapter } from '../../../utils/sites/x';
import { buildPageView } from '../overlay/page-view';
import { REAL_CAPTURES as REAL } from './real-captures';

const THREAD = 'x-conversation-thread-inline-composer-2025-01.html';
const DELETED = 'x-conversation-deleted-posts-2025-02.html';
const MAIN_POST = 'x-status-main-post-2025-10.html';

function mounted(name: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(REAL, name), 'utf8'), 'text/html');
  const column = doc.createElement('div');
  column.setAttribute('data-testid', 'primaryColumn');
  column.append(...doc.body.childNodes);
  doc.body.append(column);
  return doc;
}

/** The main-post capture is one cell's content: it goes in a timeline cell too. */
function mountedCell(name: string): Document {
  const doc = mounted(name);
  const column = doc.querySelector('[data-testid="primaryColumn"]')!;
  const cell = doc.createElement('div');
  cell.setAttribute('data-testid', 'cellInnerDiv');
  cell.append(...column.childNodes);
  column.append(cell);
  return doc;
}

/** What the panel would say for a read, with `brand` as the brand's X handles. */
function viewOf(read: PageRead, brand: string[]) {
  const facts: PageFacts = {
    isPostPage: true,
    post: read.post,
    actingHandle: read.actingHandle,
    comments: read.comments.map((c) => c.comment),
    collapsed: read.collapsed,
    candidates: read.candidates,
    readable: read.comments.length,
    problems: read.problems,
    loading: false,
    ...(read.moreBelow !== undefined && { moreBelow: read.moreBelow }),
  };
  const settings = { ...DEFAULT_SETTINGS, brand: { x: brand, facebook: [], instagram: [] } };
  return buildPageView(facts, settings, new Map(), Date.parse('2025-03-01T00:00:00Z'), 'en');
}
const unanswered = (view: ReturnType<typeof viewOf>) =>
  [...view.comments.values()].filter((c) => c.state === 'unanswered').map((c) => c.comment.id);

const articleWith = (doc: Document, statusId: string) =>
  [...doc.querySelectorAll('article')].find((a) =>
    a.querySelector(`time`)?.closest('a')?.getAttribute('href')?.endsWith(`/status/${statusId}`),
  )!;

describe('a thread with connector lines, "Show replies" and the inline composer (January 2025)', () => {
  // The capture was taken on John Welty's reply (its article has tabindex -1), below the post it answers.
  const url = new URL('https://x.com/ApostleJohnW/status/1881841967291928947');

  it('reads the focused post, not the post above it that it answers', () => {
    const read = createXAdapter().read(mounted(THREAD), url);
    expect(read.post).toEqual({
      platform: 'x',
      id: '1881841967291928947',
      url: 'https://x.com/ApostleJohnW/status/1881841967291928947',
      author: { handle: 'apostlejohnw', displayName: 'John Welty', profileUrl: 'https://x.com/ApostleJohnW' },
    });
  });

  it('reads the one reply below it exactly: id, author, time from the id, text, language, no parent', () => {
    const doc = mounted(THREAD);
    const read = createXAdapter().read(doc, url);
    expect(read.comments.map((c) => c.comment)).toEqual([
      {
        platform: 'x',
        id: '1881843269208093033',
        postId: '1881841967291928947',
        threadKey: '1881843269208093033',
        author: { handle: 'eddie_1x', displayName: 'Eddie', profileUrl: 'https://x.com/Eddie_1X' },
        text: '100%. Gutfeld nailed it.',
        lang: 'en',
        // time[datetime] says 2025-01-21T23:16:12.000Z; the id holds the milliseconds.
        postedAt: Date.parse('2025-01-21T23:16:12.993Z'),
        postedAtPrecision: 'exact',
        permalink: 'https://x.com/Eddie_1X/status/1881843269208093033',
        order: 0,
      },
    ]);
    expect(read.comments[0]!.element).toBe(articleWith(doc, '1881843269208093033'));
    expect(read.candidates).toBe(1);
    expect(read.problems).toEqual([]);
  });

  it('draws the lines X draws: the post above joins the focused one, the reply continues below', () => {
    const doc = mounted(THREAD);
    expect(connectorLines(articleWith(doc, '1881836273264103665'))).toEqual({ above: false, below: true });
    expect(connectorLines(articleWith(doc, '1881841967291928947'))).toEqual({ above: true, below: false });
    expect(connectorLines(articleWith(doc, '1881843269208093033'))).toEqual({ above: false, below: true });
  });

  it('lists "Show replies" as hidden replies of the reply above it, and not the composer', () => {
    const doc = mounted(THREAD);
    const read = createXAdapter().read(doc, url);
    expect(read.collapsed.map(({ kind, label, parentId }) => ({ kind, label, parentId }))).toEqual([
      { kind: 'more-replies', label: 'Show replies', parentId: '1881843269208093033' },
    ]);
    expect(read.collapsed[0]!.element.closest('[data-testid="cellInnerDiv"]')!.textContent).toBe('Show replies');
    expect(doc.querySelector('[data-testid="tweetButtonInline"]')).not.toBeNull();
  });

  it('is incomplete while the replies are hidden, with the reply still counted', () => {
    const doc = mounted(THREAD);
    const view = viewOf(createXAdapter().read(doc, url), ['ApostleJohnW']);
    expect(view.health).toBe('incomplete');
    expect(view.collapsedHints).toEqual(['Show replies']);
    expect(unanswered(view)).toEqual(['1881843269208093033']);
    // Expanded (the control gone), the same page is whole.
    const cells = [...doc.querySelectorAll('[data-testid="cellInnerDiv"]')];
    cells.find((c) => c.textContent === 'Show replies')!.remove();
    expect(viewOf(createXAdapter().read(doc, url), ['ApostleJohnW']).health).toBe('ok');
  });
});

describe('a thread with deleted posts (February 2025)', () => {
  const ids = ['1885520432637632752', '1885725312790491278', '1885727013144567887'];

  it('on the page it was captured on, everything shown is above the focused post: no replies', () => {
    const read = createXAdapter().read(
      mounted(DELETED),
      new URL('https://x.com/ApostleJohnW/status/1885727013144567887'),
    );
    expect(read.post?.author).toEqual({
      handle: 'apostlejohnw',
      displayName: 'John Welty',
      profileUrl: 'https://x.com/ApostleJohnW',
    });
    expect(read.comments).toEqual([]);
    expect(read.candidates).toBe(0);
    expect(read.collapsed).toEqual([]);
    expect(read.problems).toEqual([]);
  });

  // The same rows read as the replies under the thread's first post (Geiger Capital's).
  const rootUrl = new URL('https://x.com/Geiger_Capital/status/1885443814124384411');

  it('reads the three replies between the tombstones, one thread, times from their ids', () => {
    const read = createXAdapter().read(mounted(DELETED), rootUrl);
    expect(read.post?.author.handle).toBe('geiger_capital');
    expect(
      read.comments.map(({ comment: c }) => [c.id, c.author.handle, c.threadKey, new Date(c.postedAt).toISOString()]),
    ).toEqual([
      [ids[0], 'apostlejohnw', ids[0], '2025-02-01T02:47:57.073Z'],
      [ids[1], 'apostlejohnw', ids[0], '2025-02-01T16:22:04.308Z'],
      [ids[2], 'apostlejohnw', ids[0], '2025-02-01T16:28:49.704Z'],
    ]);
    expect(read.comments[1]!.comment.text).toBe(
      "I didn't come here to argue with you. I shared some context for consideration.",
    );
  });

  it('does not make a reply below a tombstone answer the row above the tombstone', () => {
    const read = createXAdapter().read(mounted(DELETED), rootUrl);
    // John's later replies answer deleted posts: their parents are gone, not his own first reply.
    expect(read.comments.map((c) => c.comment.parentId)).toEqual([undefined, undefined, undefined]);
  });

  it('counts tombstones neither as replies that could not be read nor as hidden parts', () => {
    const doc = mounted(DELETED);
    expect(doc.querySelectorAll('article:not([data-testid="tweet"])')).toHaveLength(4);
    const read = createXAdapter().read(doc, rootUrl);
    expect(read.candidates).toBe(3);
    expect(read.collapsed).toEqual([]);
    expect(read.problems).toEqual([]);
  });

  it('never takes a tombstone for the brand’s answer: every customer reply still waits', () => {
    const view = viewOf(createXAdapter().read(mounted(DELETED), rootUrl), ['Geiger_Capital']);
    expect(view.health).toBe('ok');
    expect(unanswered(view)).toEqual(ids);
  });
});

describe('a status page’s main post (October 2025)', () => {
  const url = new URL('https://x.com/TestUser123/status/1981398750557065646');

  it('is the post with no replies, nothing hidden and nothing unreadable', () => {
    const read = createXAdapter().read(mountedCell(MAIN_POST), url);
    expect(read.post).toEqual({
      platform: 'x',
      id: '1981398750557065646',
      url: 'https://x.com/TestUser123/status/1981398750557065646',
      author: { handle: 'testuser123', displayName: 'Test User Account', profileUrl: 'https://x.com/TestUser123' },
    });
    expect(read).toMatchObject({ comments: [], collapsed: [], candidates: 0, problems: [] });
    expect(viewOf(read, ['TestUser123'])).toMatchObject({ health: 'ok', queue: [] });
  });

  it('is the same file the older tests in x-fixtures/ read', () => {
    const copy = readFileSync(path.join(import.meta.dirname, 'x-fixtures', MAIN_POST), 'utf8');
    expect(copy).toBe(readFileSync(path.join(REAL, MAIN_POST), 'utf8'));
  });
});
