import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrandIdentity, Comment, CommentState, ManualState, Post } from '../../../utils/core/model';
import { type ClassifyInput, type CollapsedHint, classifyThreads } from '../../../utils/core/unanswered';

const NOW = Date.UTC(2025, 5, 2, 12);
const MIN = 60_000;
const BRAND: BrandIdentity = { x: ['@AcmeCo'], facebook: ['acmecoffee'], instagram: [] };

function author(handle: string, displayName = handle) {
  return { handle, displayName, profileUrl: `https://x.com/${handle}` };
}

const brandPost: Post = { platform: 'x', id: 'p1', url: 'https://x.com/acmeco/status/p1', author: author('acmeco') };
const otherPost: Post = { platform: 'x', id: 'p2', url: 'https://x.com/jane/status/p2', author: author('jane') };

interface Spec {
  id: string;
  by: string;
  /** Minutes after the post. */
  at: number;
  thread?: string;
  text?: string;
  name?: string;
  editedAt?: number;
  order?: number;
}

/** Comments in page order unless `order` says otherwise; thread "t1" unless told. */
function comments(specs: Spec[], platform: Post['platform'] = 'x'): Comment[] {
  return specs.map((s, i) => ({
    platform,
    id: s.id,
    postId: 'p1',
    threadKey: s.thread ?? 't1',
    author: author(s.by, s.name ?? s.by),
    text: s.text ?? 'hello',
    postedAt: NOW - 1000 * MIN + s.at * MIN,
    postedAtPrecision: 'exact',
    editedAt: s.editedAt,
    permalink: `https://x.com/${s.by}/status/${s.id}`,
    order: s.order ?? i,
  }));
}

function classify(specs: Spec[], extra: Partial<ClassifyInput> = {}) {
  return classifyThreads({
    post: brandPost,
    comments: comments(specs),
    brand: BRAND,
    trackAllPosts: false,
    manual: new Map(),
    now: NOW,
    ...extra,
  });
}

/** States by comment id, as the badges would show them. */
function statesOf(result: ReturnType<typeof classifyThreads>): Record<string, CommentState> {
  return Object.fromEntries([...result.states].map(([key, state]) => [key.replace(/^[a-z]+:/, ''), state]));
}

const at = (minutes: number) => NOW - 1000 * MIN + minutes * MIN;

describe('the unanswered rule', () => {
  const cases: Array<{
    name: string;
    specs: Spec[];
    want: Record<string, CommentState>;
    extra?: Partial<ClassifyInput>;
  }> = [
    { name: 'a lone customer comment waits', specs: [{ id: 'c1', by: 'bob', at: 1 }], want: { c1: 'unanswered' } },
    {
      name: 'a brand reply after the comment answers it',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'b1', by: 'acmeco', at: 5 },
      ],
      want: { c1: 'answered', b1: 'brand' },
    },
    {
      name: 'a customer follow-up after the brand answered waits again',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'b1', by: 'acmeco', at: 5 },
        { id: 'c2', by: 'bob', at: 9, text: 'still broken' },
      ],
      want: { c1: 'answered', b1: 'brand', c2: 'unanswered' },
    },
    {
      name: 'customers replying to each other do not answer each other',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'c2', by: 'ann', at: 2, text: 'same here' },
        { id: 'c3', by: 'bob', at: 3 },
      ],
      want: { c1: 'unanswered', c2: 'unanswered', c3: 'unanswered' },
    },
    {
      name: 'mentioning the brand is not an answer, only authorship counts',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'c2', by: 'ann', at: 2, text: '@acmeco thanks!' },
      ],
      want: { c1: 'unanswered', c2: 'unanswered' },
    },
    {
      name: 'a brand reply older than the comment does not answer it, even when shown below it',
      specs: [
        { id: 'c1', by: 'bob', at: 10, order: 0 },
        { id: 'b1', by: 'acmeco', at: 4, order: 1 },
      ],
      want: { c1: 'unanswered', b1: 'brand' },
    },
    {
      name: 'same minute: the brand reply shown below the comment answers it',
      specs: [
        { id: 'c1', by: 'bob', at: 3 },
        { id: 'b1', by: 'acmeco', at: 3 },
      ],
      want: { c1: 'answered', b1: 'brand' },
    },
    {
      name: 'same minute: the brand reply shown above the comment does not',
      specs: [
        { id: 'b1', by: 'acmeco', at: 3 },
        { id: 'c1', by: 'bob', at: 3 },
      ],
      want: { c1: 'unanswered', b1: 'brand' },
    },
    {
      name: 'a comment edited after the brand reply keeps its original time',
      specs: [
        { id: 'c1', by: 'bob', at: 1, editedAt: at(30) },
        { id: 'b1', by: 'acmeco', at: 5 },
      ],
      want: { c1: 'answered', b1: 'brand' },
    },
    {
      name: 'a brand reply edited after the comment still counts from when it was posted',
      specs: [
        { id: 'b1', by: 'acmeco', at: 1, editedAt: at(30) },
        { id: 'c1', by: 'bob', at: 5 },
      ],
      want: { b1: 'brand', c1: 'unanswered' },
    },
    {
      name: 'a brand reply in another thread answers nothing here',
      specs: [
        { id: 'c1', by: 'bob', at: 1, thread: 't1' },
        { id: 'b1', by: 'acmeco', at: 5, thread: 't2' },
      ],
      want: { c1: 'unanswered', b1: 'brand' },
    },
    {
      name: 'handles compare without "@" and case',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'b1', by: 'ACMECO', at: 5 },
      ],
      want: { c1: 'answered', b1: 'brand' },
    },
    {
      name: 'the acting account speaks for the brand',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'b1', by: 'acme_support', at: 5 },
      ],
      extra: { actingHandle: '@Acme_Support' },
      want: { c1: 'answered', b1: 'brand' },
    },
    {
      name: 'without the acting account another handle is a customer',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'b1', by: 'acme_support', at: 5 },
      ],
      want: { c1: 'unanswered', b1: 'unanswered' },
    },
    {
      name: 'an empty handle is never the brand',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'b1', by: '', at: 5 },
      ],
      extra: { actingHandle: '' },
      want: { c1: 'unanswered', b1: 'unanswered' },
    },
    {
      name: 'duplicate ids keep the first copy',
      specs: [
        { id: 'c1', by: 'bob', at: 1 },
        { id: 'c1', by: 'acmeco', at: 1 },
      ],
      want: { c1: 'unanswered' },
    },
  ];

  it.each(cases)('$name', ({ specs, want, extra }) => {
    const result = classify(specs, extra);
    expect(result.tracked).toBe(true);
    expect(statesOf(result)).toEqual(want);
    expect(result.incomplete).toBe(false);
  });
});

describe('which posts are tracked', () => {
  const specs: Spec[] = [{ id: 'c1', by: 'bob', at: 1 }];

  it('skips a post that is not the brand’s', () => {
    const result = classify(specs, { post: otherPost });
    expect(result).toEqual({
      tracked: false,
      reason: 'not-brand-post',
      postIsBrand: false,
      states: new Map(),
      incomplete: false,
    });
  });

  it('says whether the post’s author is the brand, also when every post is tracked', () => {
    expect(classify(specs).postIsBrand).toBe(true);
    expect(classify(specs, { post: otherPost, trackAllPosts: true }).postIsBrand).toBe(false);
  });

  it('tracks every post when trackAllPosts is on', () => {
    const result = classify(specs, { post: otherPost, trackAllPosts: true });
    expect(result.tracked).toBe(true);
    expect(result.reason).toBeUndefined();
    expect(statesOf(result)).toEqual({ c1: 'unanswered' });
  });

  it('counts a post by the acting account as the brand’s', () => {
    expect(classify(specs, { post: otherPost, actingHandle: 'Jane' }).tracked).toBe(true);
  });

  it('uses the brand handles of the post’s own platform only', () => {
    const fbHandleOnX: Post = { ...brandPost, author: author('acmecoffee') };
    expect(classify(specs, { post: fbHandleOnX }).tracked).toBe(false);
    expect(classify(specs, { post: { ...fbHandleOnX, platform: 'facebook' } }).tracked).toBe(true);
  });

  it('matches a Facebook Page by the name people see, as the options page allows, but never on X', () => {
    const brand: BrandIdentity = { x: ['Acme Coffee'], facebook: ['Acme  coffee'], instagram: [] };
    const fbPost: Post = { ...otherPost, platform: 'facebook', author: author('100064', 'Acme Coffee') };
    const fb = classifyThreads({
      post: fbPost,
      comments: comments(
        [
          { id: 'c1', by: 'ann', at: 1 },
          { id: 'c2', by: '100064', name: 'ACME Coffee', at: 2 },
        ],
        'facebook',
      ),
      brand,
      trackAllPosts: false,
      manual: new Map(),
      now: NOW,
    });
    expect(fb.tracked).toBe(true);
    expect(statesOf(fb)).toEqual({ c1: 'answered', c2: 'brand' });
    const xPost: Post = { ...otherPost, author: author('someone', 'Acme Coffee') };
    expect(classify(specs, { post: xPost, brand }).tracked).toBe(false);
  });
});

describe('collapsed parts of a thread', () => {
  // Facebook: the post is the brand's; "Acme Coffee replied · 2 Replies" under c2.
  const fbPost: Post = {
    platform: 'facebook',
    id: 'p1',
    url: 'https://www.facebook.com/acmecoffee/posts/p1',
    author: author('acmecoffee', 'Acme Coffee'),
  };
  const thread: Spec[] = [
    { id: 'c1', by: 'ann', at: 1 },
    { id: 'c2', by: 'bob', at: 2 },
    { id: 'c3', by: 'cid', at: 9 },
    { id: 'd1', by: 'dan', at: 3, thread: 't2' },
  ];
  const run = (collapsed: CollapsedHint[], specs = thread) =>
    classifyThreads({
      post: fbPost,
      comments: comments(specs, 'facebook'),
      brand: BRAND,
      trackAllPosts: false,
      manual: new Map(),
      collapsed,
      now: NOW,
    });

  const cases: Array<{
    name: string;
    collapsed: CollapsedHint[];
    specs?: Spec[];
    want: Record<string, CommentState>;
    incomplete: boolean;
  }> = [
    {
      name: 'the brand named by display name answers the parent and what came before it in that thread',
      collapsed: [{ parentId: 'c2', repliers: ['Acme Coffee'] }],
      want: { c1: 'answered', c2: 'answered', c3: 'unanswered', d1: 'unanswered' },
      incomplete: false,
    },
    {
      name: 'display names compare case-insensitively',
      collapsed: [{ parentId: 'c2', repliers: ['ACME  coffee'] }],
      want: { c1: 'answered', c2: 'answered', c3: 'unanswered', d1: 'unanswered' },
      incomplete: false,
    },
    {
      name: 'the brand named by handle counts too',
      collapsed: [{ parentId: 'c2', repliers: ['@AcmeCoffee'] }],
      want: { c1: 'answered', c2: 'answered', c3: 'unanswered', d1: 'unanswered' },
      incomplete: false,
    },
    {
      name: 'a display name learned from a brand comment counts',
      collapsed: [{ parentId: 'd1', repliers: ['Ann', 'Acme Support Team'] }],
      specs: [...thread, { id: 'b1', by: 'acmecoffee', name: 'Acme Support Team', at: 20, thread: 't3' }],
      want: { c1: 'unanswered', c2: 'unanswered', c3: 'unanswered', d1: 'answered', b1: 'brand' },
      incomplete: false,
    },
    {
      name: 'repliers that are not the brand leave the view incomplete',
      collapsed: [{ parentId: 'c2', repliers: ['Jane Doe'] }],
      want: { c1: 'unanswered', c2: 'unanswered', c3: 'unanswered', d1: 'unanswered' },
      incomplete: true,
    },
    {
      name: 'a part with no repliers leaves the view incomplete',
      collapsed: [{ parentId: 'c2' }],
      want: { c1: 'unanswered', c2: 'unanswered', c3: 'unanswered', d1: 'unanswered' },
      incomplete: true,
    },
    {
      name: '"View more comments" (no parent) leaves the view incomplete',
      collapsed: [{}],
      want: { c1: 'unanswered', c2: 'unanswered', c3: 'unanswered', d1: 'unanswered' },
      incomplete: true,
    },
    {
      name: 'the brand replied under a comment we cannot see: incomplete',
      collapsed: [{ parentId: 'zz', repliers: ['Acme Coffee'] }],
      want: { c1: 'unanswered', c2: 'unanswered', c3: 'unanswered', d1: 'unanswered' },
      incomplete: true,
    },
    {
      name: 'one part credited to the brand and one not: answered and incomplete',
      collapsed: [
        { parentId: 'c2', repliers: ['Acme Coffee'] },
        { parentId: 'd1', repliers: ['Jane'] },
      ],
      want: { c1: 'answered', c2: 'answered', c3: 'unanswered', d1: 'unanswered' },
      incomplete: true,
    },
  ];

  it.each(cases)('$name', ({ collapsed, specs, want, incomplete }) => {
    const result = run(collapsed, specs);
    expect(statesOf(result)).toEqual(want);
    expect(result.incomplete).toBe(incomplete);
  });

  it('a customer’s display name that equals nothing of the brand does not count', () => {
    // Post author's name only counts when the post is the brand's.
    const result = classifyThreads({
      post: { ...fbPost, author: author('jane', 'Jane Doe') },
      comments: comments(thread, 'facebook'),
      brand: BRAND,
      trackAllPosts: true,
      manual: new Map(),
      collapsed: [{ parentId: 'c2', repliers: ['Jane Doe'] }],
      now: NOW,
    });
    expect(statesOf(result).c2).toBe('unanswered');
    expect(result.incomplete).toBe(true);
  });
});

describe('manual states', () => {
  const thread: Spec[] = [
    { id: 'c1', by: 'bob', at: 1 },
    { id: 'b1', by: 'acmeco', at: 5 },
    { id: 'c2', by: 'bob', at: 9 },
    { id: 'd1', by: 'dan', at: 3, thread: 't2' },
  ];
  const manual = (...states: ManualState[]) => new Map(states.map((m) => [m.key, m]));

  const cases: Array<{
    name: string;
    specs?: Spec[];
    manual: Map<string, ManualState>;
    now?: number;
    want: Record<string, CommentState>;
  }> = [
    {
      name: 'ignored wins over unanswered and answered',
      manual: manual({ key: 'x:c1', state: 'ignored', at: at(6) }, { key: 'x:c2', state: 'ignored', at: at(10) }),
      want: { c1: 'ignored', b1: 'brand', c2: 'ignored', d1: 'unanswered' },
    },
    {
      name: 'snoozed while the snooze lasts',
      manual: manual({ key: 'x:c2', state: 'snoozed', at: at(10), until: NOW + MIN }),
      want: { c1: 'answered', b1: 'brand', c2: 'snoozed', d1: 'unanswered' },
    },
    {
      name: 'a snooze that ran out lets the rule decide again',
      manual: manual({ key: 'x:c2', state: 'snoozed', at: at(10), until: NOW }),
      want: { c1: 'answered', b1: 'brand', c2: 'unanswered', d1: 'unanswered' },
    },
    {
      name: 'a snooze on an answered comment ends as answered',
      manual: manual({ key: 'x:c1', state: 'snoozed', at: at(2), until: NOW - MIN }),
      want: { c1: 'answered', b1: 'brand', c2: 'unanswered', d1: 'unanswered' },
    },
    {
      name: 'done stays done while nobody writes again',
      manual: manual({ key: 'x:c2', state: 'done', at: at(10) }),
      want: { c1: 'answered', b1: 'brand', c2: 'done', d1: 'unanswered' },
    },
    {
      name: 'done re-opens when a customer writes again in the thread',
      specs: [...thread, { id: 'c3', by: 'ann', at: 12 }],
      manual: manual({ key: 'x:c2', state: 'done', at: at(10) }),
      want: { c1: 'answered', b1: 'brand', c2: 'unanswered', d1: 'unanswered', c3: 'unanswered' },
    },
    {
      name: 'a re-opened comment the brand then answered is answered',
      specs: [...thread, { id: 'c3', by: 'ann', at: 12 }, { id: 'b2', by: 'acmeco', at: 14 }],
      manual: manual({ key: 'x:c2', state: 'done', at: at(10) }),
      want: { c1: 'answered', b1: 'brand', c2: 'answered', d1: 'unanswered', c3: 'answered', b2: 'brand' },
    },
    {
      name: 'a newer comment in another thread does not re-open done',
      specs: [...thread, { id: 'd2', by: 'dan', at: 12, thread: 't2' }],
      manual: manual({ key: 'x:c2', state: 'done', at: at(10) }),
      want: { c1: 'answered', b1: 'brand', c2: 'done', d1: 'unanswered', d2: 'unanswered' },
    },
    {
      name: 'a newer brand comment does not re-open done',
      specs: [...thread, { id: 'b2', by: 'acmeco', at: 12, thread: 't2' }, { id: 'b3', by: 'acmeco', at: 13 }],
      manual: manual({ key: 'x:d1', state: 'done', at: at(4) }),
      want: { c1: 'answered', b1: 'brand', c2: 'answered', d1: 'done', b2: 'brand', b3: 'brand' },
    },
    {
      name: 'manual states never apply to brand comments',
      manual: manual({ key: 'x:b1', state: 'ignored', at: at(6) }),
      want: { c1: 'answered', b1: 'brand', c2: 'unanswered', d1: 'unanswered' },
    },
    {
      name: 'a manual state for an unknown key changes nothing',
      manual: manual({ key: 'facebook:c1', state: 'ignored', at: at(6) }),
      want: { c1: 'answered', b1: 'brand', c2: 'unanswered', d1: 'unanswered' },
    },
  ];

  it.each(cases)('$name', ({ specs, manual, now, want }) => {
    expect(statesOf(classify(specs ?? thread, { manual, now: now ?? NOW }))).toEqual(want);
  });
});

// --- properties ---

const HANDLES = ['acmeco', 'bob', 'ann', 'ACMECO', '@acmeco', ''];

const commentArb = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  handle: fc.constantFrom(...HANDLES),
  thread: fc.constantFrom('t1', 't2', 't3'),
  minute: fc.integer({ min: 0, max: 6 }), // few distinct minutes so ties are common
  order: fc.nat({ max: 20 }),
});

function toComments(rows: Array<{ id: string; handle: string; thread: string; minute: number; order: number }>) {
  return rows.map(
    (r, i): Comment => ({
      platform: 'x',
      id: `${r.id}${i}`,
      postId: 'p1',
      threadKey: r.thread,
      author: author(r.handle),
      text: '',
      postedAt: r.minute * MIN,
      postedAtPrecision: 'approx',
      permalink: '',
      order: r.order,
    }),
  );
}

/** The test's own reading of "came after", independent of the module's. */
const cameAfter = (b: Comment, c: Comment) =>
  b.postedAt > c.postedAt || (b.postedAt === c.postedAt && b.order > c.order);

const isBrandHandle = (h: string) => h !== '' && h.replace('@', '').toLowerCase() === 'acmeco';

describe('properties', () => {
  it('a comment is answered exactly when a brand comment came after it in its thread', () => {
    fc.assert(
      fc.property(fc.array(commentArb, { maxLength: 25 }), (rows) => {
        const list = toComments(rows);
        const { states } = classifyThreads({
          post: brandPost,
          comments: list,
          brand: BRAND,
          trackAllPosts: false,
          manual: new Map(),
          now: NOW,
        });
        for (const c of list) {
          const state = states.get(`x:${c.id}`);
          if (isBrandHandle(c.author.handle)) {
            expect(state).toBe('brand');
            continue;
          }
          const laterBrand = list.some(
            (b) => b.threadKey === c.threadKey && isBrandHandle(b.author.handle) && cameAfter(b, c),
          );
          expect(state).toBe(laterBrand ? 'answered' : 'unanswered');
        }
      }),
    );
  });

  it('brand comments that came before a comment never change its state', () => {
    fc.assert(
      fc.property(fc.array(commentArb, { minLength: 1, maxLength: 20 }), fc.nat(), (rows, pick) => {
        const list = toComments(rows);
        const target = list[pick % list.length]!;
        const earlier: Comment[] = [0, 1, 2].map((n) => ({
          ...target,
          id: `early${n}`,
          author: author('acmeco'),
          postedAt: target.postedAt - (n + 1) * MIN,
          order: target.order + n + 1, // shown below it, yet older
        }));
        const base = { post: brandPost, brand: BRAND, trackAllPosts: false, manual: new Map(), now: NOW };
        const before = classifyThreads({ ...base, comments: list }).states.get(`x:${target.id}`);
        const after = classifyThreads({ ...base, comments: [...list, ...earlier] }).states.get(`x:${target.id}`);
        expect(after).toBe(before);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    const odd = fc.oneof(fc.anything(), fc.double(), fc.constant(undefined), fc.constant(null));
    const oddComment = fc.record(
      {
        platform: fc.oneof(fc.constantFrom('x', 'facebook'), odd),
        id: fc.oneof(fc.constantFrom('a', 'b'), odd),
        threadKey: fc.oneof(fc.constantFrom('t1', 't2'), odd),
        author: fc.oneof(fc.record({ handle: fc.oneof(fc.constantFrom(...HANDLES), odd), displayName: odd }), odd),
        postedAt: fc.oneof(fc.double(), odd),
        order: fc.oneof(fc.double(), odd),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            post: fc.oneof(fc.constant(brandPost), fc.constant(otherPost), odd),
            comments: fc.oneof(fc.array(oddComment, { maxLength: 12 }), odd),
            brand: fc.oneof(fc.constant(BRAND), odd),
            trackAllPosts: fc.oneof(fc.boolean(), odd),
            manual: fc.oneof(
              fc.constant(new Map<string, unknown>([['x:a', { key: 'x:a', state: 'done', at: Number.NaN }]])),
              fc.constant(new Map<string, unknown>([['x:b', { key: 'x:b', state: 'snoozed' }]])),
              fc.constant(new Map<string, unknown>([['x:a', null]])),
              odd,
            ),
            collapsed: fc.oneof(
              fc.array(
                fc.record(
                  {
                    parentId: fc.oneof(fc.constantFrom('a', 'b'), odd),
                    repliers: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...HANDLES), odd)), odd),
                  },
                  { requiredKeys: [] },
                ),
              ),
              odd,
            ),
            now: fc.oneof(fc.double(), odd),
            actingHandle: fc.oneof(fc.constantFrom(...HANDLES), odd),
          },
          { requiredKeys: [] },
        ),
        (input) => {
          const result = classifyThreads(input as unknown as ClassifyInput);
          expect(result.states).toBeInstanceOf(Map);
        },
      ),
    );
  });
});

describe('the unanswered rule, edges a mutation once slipped through', () => {
  it('a brand comment with a time that is not a number never becomes its thread’s latest answer', () => {
    const list = comments([
      { id: 'c1', by: 'bob', at: 1 },
      { id: 'b1', by: 'acmeco', at: 5 },
      { id: 'b2', by: 'acmeco', at: 6 },
      { id: 'c2', by: 'ann', at: 7 },
    ]);
    list[1]!.postedAt = Number.NaN;
    const result = classifyThreads({
      post: brandPost,
      comments: list,
      brand: BRAND,
      trackAllPosts: false,
      manual: new Map(),
      now: NOW,
    });
    // b2 answers c1; a NaN "latest" would hide that answer. c2 came after every real answer.
    expect(statesOf(result)).toMatchObject({ c1: 'answered', c2: 'unanswered' });
  });

  it('when two collapsed parts of one thread are credited to the brand, the later parent’s time wins', () => {
    const specs: Spec[] = [
      { id: 'c1', by: 'ann', at: 1 },
      { id: 'c2', by: 'bob', at: 2 },
      { id: 'c3', by: 'cid', at: 9 },
    ];
    // The later parent is listed first, so "the last one read wins" and "the earlier wins" both fail.
    const result = classify(specs, {
      collapsed: [
        { parentId: 'c2', repliers: ['@acmeco'] },
        { parentId: 'c1', repliers: ['@acmeco'] },
      ],
    });
    expect(statesOf(result)).toMatchObject({ c1: 'answered', c2: 'answered', c3: 'unanswered' });
  });
});
