import { describe, expect, it } from 'vitest';
import type { Comment, Post } from '../../../utils/core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import type { PageFacts } from '../../../utils/overlay/view-model';
import { buildPageView } from './page-view';

const NOW = Date.UTC(2026, 10, 25, 12, 0);
const MIN = 60_000;
const post: Post = {
  platform: 'x',
  id: '1',
  url: 'https://x.com/acme/status/1',
  author: { handle: 'acme', displayName: 'Acme', profileUrl: 'https://x.com/acme' },
};
let order = 0;
function comment(id: string, handle: string, minutesAgo: number, extra: Partial<Comment> = {}): Comment {
  return {
    platform: 'x',
    id,
    postId: '1',
    threadKey: extra.threadKey ?? id,
    author: { handle, displayName: handle.toUpperCase(), profileUrl: `https://x.com/${handle}` },
    text: `text of ${id}`,
    postedAt: NOW - minutesAgo * MIN,
    postedAtPrecision: 'exact',
    permalink: `https://x.com/${handle}/status/${id}`,
    order: order++,
    ...extra,
  };
}
const settings: Settings = { ...DEFAULT_SETTINGS, brand: { x: ['acme'], facebook: [], instagram: [] } };
function facts(over: Partial<PageFacts>): PageFacts {
  return {
    isPostPage: true,
    post,
    actingHandle: null,
    comments: [],
    collapsed: [],
    candidates: 0,
    readable: 0,
    problems: [],
    loading: false,
    ...over,
  };
}

describe('buildPageView', () => {
  it('queues unanswered comments breached first, then oldest first, with levels from the targets', () => {
    const comments = [
      comment('a', 'ann', 10),
      comment('b', 'bob', 45),
      comment('c', 'cy', 90),
      comment('d', 'dee', 120, { threadKey: 'd' }),
      comment('e', 'acme', 100, { threadKey: 'd', parentId: 'd' }),
    ];
    const view = buildPageView(facts({ comments, candidates: 6, readable: 6 }), settings, new Map(), NOW, 'en');
    expect(view.health).toBe('ok');
    expect(view.queue.map((c) => [c.key, c.level])).toEqual([
      ['x:c', 'breach'],
      ['x:b', 'warn'],
      ['x:a', 'ok'],
    ]);
    expect(view.comments.get('x:d')?.state).toBe('answered');
    expect(view.comments.get('x:e')?.state).toBe('brand');
  });

  it('never reports a page whose comments cannot be read as healthy', () => {
    const view = buildPageView(facts({ comments: [], candidates: 12, readable: 0 }), settings, new Map(), NOW, 'en');
    expect(view.health).toBe('broken');
    expect(view.problems.length).toBeGreaterThan(0);
  });

  it('calls a post page without a readable post broken once loading is over, incomplete while loading', () => {
    expect(buildPageView(facts({ post: null, loading: true }), settings, new Map(), NOW, 'en').health).toBe(
      'incomplete',
    );
    const broken = buildPageView(facts({ post: null, candidates: 3 }), settings, new Map(), NOW, 'en');
    expect(broken.health).toBe('broken');
  });

  it('is incomplete while replies are collapsed and unreadable rows exist', () => {
    const comments = [comment('a', 'ann', 10)];
    const collapsed = buildPageView(
      facts({ comments, candidates: 2, readable: 2, collapsed: [{ label: 'Show more replies' }] }),
      settings,
      new Map(),
      NOW,
      'en',
    );
    expect(collapsed.health).toBe('incomplete');
    expect(collapsed.collapsedHints).toEqual(['Show more replies']);
    const unreadable = buildPageView(
      facts({ comments, candidates: 3, readable: 2, problems: ['1 reply without a time'] }),
      settings,
      new Map(),
      NOW,
      'en',
    );
    expect(unreadable.health).toBe('incomplete');
  });

  it('is incomplete while the site has more replies to load below', () => {
    const view = buildPageView(
      facts({ comments: [comment('a', 'ann', 10)], candidates: 1, readable: 1, moreBelow: true }),
      settings,
      new Map(),
      NOW,
      'en',
    );
    expect(view.health).toBe('incomplete');
    expect(view.problems.join(' ')).toMatch(/scroll to the end/);
  });

  it("tracks nothing on someone else's post unless track-all is on", () => {
    const other = { ...post, author: { ...post.author, handle: 'someone' } };
    const comments = [comment('a', 'ann', 10)];
    const off = buildPageView(facts({ post: other, comments }), settings, new Map(), NOW, 'en');
    expect(off.tracked).toBe(false);
    expect(off.queue).toEqual([]);
    const on = buildPageView(
      facts({ post: other, comments }),
      { ...settings, trackAllPosts: true },
      new Map(),
      NOW,
      'en',
    );
    expect(on.queue.map((c) => c.key)).toEqual(['x:a']);
  });

  it('counts the acting account as the brand without any settings', () => {
    const comments = [comment('a', 'ann', 10, { threadKey: 'a' }), comment('b', 'acme', 5, { threadKey: 'a' })];
    const view = buildPageView(facts({ comments, actingHandle: 'acme' }), DEFAULT_SETTINGS, new Map(), NOW, 'en');
    expect(view.tracked).toBe(true);
    expect(view.comments.get('x:a')?.state).toBe('answered');
  });

  it('applies manual states: a snoozed comment leaves the queue until the snooze ends', () => {
    const comments = [comment('a', 'ann', 10)];
    const manual = new Map([['x:a', { key: 'x:a', state: 'snoozed' as const, at: NOW, until: NOW + 60 * MIN }]]);
    const during = buildPageView(facts({ comments }), settings, manual, NOW + MIN, 'en');
    expect(during.comments.get('x:a')?.state).toBe('snoozed');
    expect(during.queue).toEqual([]);
    const after = buildPageView(facts({ comments }), settings, manual, NOW + 61 * MIN, 'en');
    expect(after.queue.map((c) => c.key)).toEqual(['x:a']);
  });

  it('offers the post’s author for adoption when they are not a brand identity', () => {
    const jane = { handle: 'jane', displayName: 'Jane Doe', profileUrl: 'https://x.com/jane' };
    const notBrand = buildPageView(facts({ post: { ...post, author: jane } }), settings, new Map(), NOW, 'en');
    expect(notBrand).toMatchObject({ tracked: false, notTrackedReason: 'not-brand-post', adoptable: jane });
    const all = { ...settings, trackAllPosts: true };
    expect(buildPageView(facts({ post: { ...post, author: jane } }), all, new Map(), NOW, 'en').adoptable).toEqual(
      jane,
    );
    expect(buildPageView(facts({}), settings, new Map(), NOW, 'en').adoptable).toBeUndefined();
  });
});
