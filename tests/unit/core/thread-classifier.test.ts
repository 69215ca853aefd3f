import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrandIdentity, Comment, ManualState, Post } from '../../../utils/core/model';
import { commentKey } from '../../../utils/core/model';
import { ThreadClassifier } from '../../../utils/core/thread-classifier';
import { type CollapsedHint, classifyThreads } from '../../../utils/core/unanswered';

const T0 = Date.UTC(2025, 5, 2, 12);
const MIN = 60_000;
const BRAND: BrandIdentity = { x: ['acme'], facebook: ['Acme Coffee'], instagram: [] };
const person = (handle: string, displayName = handle) => ({ handle, displayName, profileUrl: '' });

function post(platform: Post['platform'], by: string): Post {
  return { platform, id: 'p', url: '', author: person(by, by === 'acme' ? 'Acme Coffee' : by) };
}

// Small pools so that threads, authors and ids collide often.
const arbComment = (platform: Post['platform']) =>
  fc
    .record({
      id: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8'),
      thread: fc.constantFrom('t1', 't2', 't3'),
      by: fc.constantFrom('acme', 'ann', 'bob', 'Acme Coffee', 'cy'),
      at: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(Number.NaN)),
      order: fc.integer({ min: 0, max: 20 }),
      parent: fc.option(fc.constantFrom('1', '2', '3'), { nil: undefined }),
    })
    .map(
      (s): Comment => ({
        platform,
        id: s.id,
        postId: 'p',
        threadKey: s.thread,
        ...(s.parent && { parentId: s.parent }),
        author: person(s.by === 'Acme Coffee' ? 'acmepage' : s.by, s.by === 'acme' ? 'Acme Coffee' : s.by),
        text: 'hi',
        postedAt: T0 + s.at * MIN,
        postedAtPrecision: 'exact',
        permalink: '',
        order: s.order,
      }),
    );

const arbManual = fc.record({
  id: fc.constantFrom('1', '2', '3', '4', '5'),
  state: fc.constantFrom('done', 'snoozed', 'ignored', 'clear'),
  at: fc.integer({ min: 0, max: 40 }),
  until: fc.integer({ min: 0, max: 60 }),
});

const arbCollapsed = fc.array(
  fc.record({
    parentId: fc.option(fc.constantFrom('1', '2', '3', '9'), { nil: undefined }),
    repliers: fc.array(fc.constantFrom('acme', 'Acme Coffee', 'ann', 'Somebody'), { maxLength: 2 }),
  }),
  { maxLength: 2 },
);

const arbBatch = (platform: Post['platform']) =>
  fc.record({
    upserted: fc.array(arbComment(platform), { maxLength: 5 }),
    removed: fc.array(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8'), { maxLength: 2 }),
    manual: fc.array(arbManual, { maxLength: 2 }),
    collapsed: arbCollapsed,
    postBy: fc.constantFrom('acme', 'acme', 'acme', 'jane'),
    trackAll: fc.boolean(),
    acting: fc.constantFrom(null, 'ann'),
    minutes: fc.integer({ min: 0, max: 60 }),
  });

describe('ThreadClassifier', () => {
  for (const platform of ['x', 'facebook'] as const) {
    it(`equals the full classification after every batch of a random sequence (${platform})`, () => {
      fc.assert(
        fc.property(fc.array(arbBatch(platform), { minLength: 1, maxLength: 12 }), (batches) => {
          const classifier = new ThreadClassifier();
          const comments = new Map<string, Comment>();
          const manual = new Map<string, ManualState>();
          for (const batch of batches) {
            for (const c of batch.upserted) comments.set(commentKey(c), c);
            const removed = batch.removed.map((id) => `${platform}:${id}`).filter((k) => comments.delete(k));
            for (const m of batch.manual) {
              const key = `${platform}:${m.id}`;
              if (m.state === 'clear') manual.delete(key);
              else if (m.state === 'snoozed')
                manual.set(key, { key, state: 'snoozed', at: T0 + m.at * MIN, until: T0 + m.until * MIN });
              else manual.set(key, { key, state: m.state as 'done' | 'ignored', at: T0 + m.at * MIN });
            }
            const context = {
              post: post(platform, batch.postBy),
              brand: BRAND,
              trackAllPosts: batch.trackAll,
              actingHandle: batch.acting,
              collapsed: batch.collapsed as CollapsedHint[],
            };
            const now = T0 + batch.minutes * MIN;
            const before = new Map(classifier.states);
            const update = classifier.update(context, { upserted: batch.upserted, removed }, manual, now);
            const full = classifyThreads({ ...context, comments: [...comments.values()], manual, now });
            expect(classifier.tracked).toBe(full.tracked);
            expect(classifier.postIsBrand).toBe(full.postIsBrand);
            expect(classifier.incomplete).toBe(full.incomplete);
            expect(new Map(classifier.states)).toEqual(full.states);
            // Every key whose state differs from before is reported.
            for (const key of new Set([...before.keys(), ...full.states.keys()])) {
              if (before.get(key) !== full.states.get(key)) expect(update.changed.has(key)).toBe(true);
            }
          }
        }),
        { numRuns: 300 },
      );
    }, 60_000);
  }

  it('recomputes only the threads a batch touched', () => {
    const classifier = new ThreadClassifier();
    const context = { post: post('x', 'acme'), brand: BRAND, trackAllPosts: false };
    const make = (id: string, thread: string, by: string, at: number): Comment => ({
      platform: 'x',
      id,
      postId: 'p',
      threadKey: thread,
      author: person(by),
      text: '',
      postedAt: T0 + at * MIN,
      postedAtPrecision: 'exact',
      permalink: '',
      order: Number(id),
    });
    classifier.update(context, { upserted: [make('1', 'a', 'ann', 0), make('2', 'b', 'bob', 1)] }, new Map(), T0);
    const update = classifier.update(context, { upserted: [make('3', 'b', 'acme', 2)] }, new Map(), T0);
    expect([...update.changed].sort()).toEqual(['x:2', 'x:3']);
    expect(classifier.states.get('x:1')).toBe('unanswered');
    expect(classifier.states.get('x:2')).toBe('answered');
  });
});
