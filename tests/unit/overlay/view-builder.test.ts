import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comment, ManualState, Post } from '../../../utils/core/model';
import { commentKey } from '../../../utils/core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import { DueQueue } from '../../../utils/overlay/due-queue';
import { ViewBuilder } from '../../../utils/overlay/view-builder';
import type { PageFacts, PageView } from '../../../utils/overlay/view-model';
import { buildPageView, judgeNow } from './page-view';

const T0 = Date.UTC(2026, 10, 25, 12, 0);
const MIN = 60_000;
const post: Post = {
  platform: 'x',
  id: 'p',
  url: '',
  author: { handle: 'acme', displayName: 'Acme', profileUrl: '' },
};
const settings: Settings = { ...DEFAULT_SETTINGS, brand: { x: ['acme'], facebook: [], instagram: [] } };
const otherTargets: Settings = { ...settings, targets: { ...settings.targets, warnMinutes: 5, breachMinutes: 9 } };

const TEXTS = [
  'where is my order?',
  'love it',
  'refund now, this is broken',
  'buy followers cheap http://spam.example',
];

const arbComment = fc
  .record({
    id: fc.integer({ min: 1, max: 12 }),
    thread: fc.constantFrom('t1', 't2', 't3', 't4'),
    by: fc.constantFrom('acme', 'ann', 'bob', 'cy'),
    minutesAgo: fc.integer({ min: 0, max: 180 }),
    text: fc.constantFrom(...TEXTS),
  })
  .map(
    (s): Comment => ({
      platform: 'x',
      id: String(s.id),
      postId: 'p',
      threadKey: s.thread,
      author: { handle: s.by, displayName: s.by.toUpperCase(), profileUrl: '' },
      text: s.text,
      postedAt: T0 - s.minutesAgo * MIN,
      postedAtPrecision: 'exact',
      permalink: '',
      order: s.id,
    }),
  );

const arbStep = fc.record({
  upserted: fc.array(arbComment, { maxLength: 4 }),
  manual: fc.array(
    fc.record({ id: fc.integer({ min: 1, max: 12 }), state: fc.constantFrom('done', 'ignored', 'snoozed', 'clear') }),
    { maxLength: 2 },
  ),
  /** How far the clock moves (seconds): often within the minute, sometimes by hours. */
  advance: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 4 * 3600 })),
  otherSettings: fc.boolean(),
  moreBelow: fc.boolean(),
  /** Now and then the post cannot be read, or the page is no post: the comments of such a batch still count later. */
  page: fc.constantFrom('post', 'post', 'post', 'post', 'post', 'unreadable', 'not-a-post'),
});

function facts(comments: Iterable<Comment>, moreBelow: boolean): PageFacts {
  return {
    isPostPage: true,
    post,
    actingHandle: null,
    comments,
    collapsed: [],
    candidates: 1,
    readable: 1,
    problems: [],
    loading: false,
    moreBelow,
  };
}

/** What a user sees of a view: every comment's state, level, age and labels, the queue and the handled lists. */
function shown(view: PageView) {
  return {
    health: view.health,
    problems: view.problems,
    comments: [...view.comments.values()]
      .map((c) => [c.key, c.state, c.level, c.ageText, c.labels.join(','), c.spam, c.comment.text])
      .sort(),
    queue: view.queue.map((c) => c.key),
    handled: (view.handled ?? []).map((c) => c.key),
  };
}

describe('ViewBuilder', () => {
  it('built batch by batch equals a fresh build of the same page after every batch', () => {
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 1, maxLength: 10 }), (steps) => {
        const builder = new ViewBuilder(judgeNow);
        const comments = new Map<string, Comment>();
        const manual = new Map<string, ManualState>();
        let now = T0;
        let previous = new Map<string, unknown>();
        for (const step of steps) {
          now += step.advance * 1000;
          for (const c of step.upserted) comments.set(commentKey(c), c);
          for (const m of step.manual) {
            const key = `x:${m.id}`;
            if (m.state === 'clear') manual.delete(key);
            else if (m.state === 'snoozed') manual.set(key, { key, state: 'snoozed', at: now, until: now + 30 * MIN });
            else manual.set(key, { key, state: m.state as 'done' | 'ignored', at: now });
          }
          const s = step.otherSettings ? otherTargets : settings;
          const f = facts(comments.values(), step.moreBelow);
          if (step.page !== 'post') {
            const away = { ...f, post: null, isPostPage: step.page === 'unreadable' };
            const update = builder.build(away, s, manual, now, 'en', { upserted: step.upserted });
            expect(update.view.comments.size).toBe(0);
            expect(update.full).toBe(true);
            previous = new Map();
            continue;
          }
          const update = builder.build(f, s, manual, now, 'en', { upserted: step.upserted });
          const fresh = buildPageView(facts([...comments.values()], step.moreBelow), s, manual, now, 'en');
          expect(shown(update.view)).toEqual(shown(fresh));
          // The labels in the queue, kept as comments come and go, are those a count over the queue finds.
          const counted = { question: 0, complaint: 0, order: 0 };
          for (const c of update.view.queue) for (const label of c.labels) counted[label]++;
          expect(update.view.queueLabels).toEqual(counted);
          // Every comment whose view changed is reported, so its badge is drawn again.
          const current = new Map([...update.view.comments].map(([k, c]) => [k, c]));
          for (const key of new Set([...previous.keys(), ...current.keys()])) {
            if (previous.get(key) !== current.get(key)) expect(update.changed.has(key)).toBe(true);
          }
          previous = current;
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('works out again only the comments a batch touched and the ages the clock moved', () => {
    const builder = new ViewBuilder(judgeNow);
    const make = (id: number, minutesAgo: number): Comment => ({
      platform: 'x',
      id: String(id),
      postId: 'p',
      threadKey: String(id),
      author: { handle: `c${id}`, displayName: `C${id}`, profileUrl: '' },
      text: 'hello',
      postedAt: T0 - minutesAgo * MIN - 30_000,
      postedAtPrecision: 'exact',
      permalink: '',
      order: id,
    });
    // 200 comments a few hours old: their "N hr" text changes once an hour.
    const all = Array.from({ length: 200 }, (_, i) => make(i, 120 + (i % 50)));
    const first = builder.build(facts(all, false), settings, new Map(), T0 - 30_000, 'en', { upserted: all });
    expect(first.changed.size).toBe(200);
    const fresh = make(1000, 0);
    all.push(fresh);
    const batch = builder.build(facts(all, false), settings, new Map(), T0 + 1000, 'en', { upserted: [fresh] });
    expect([...batch.changed]).toEqual(['x:1000']);
    expect(batch.queueChanged).toBe(true);
    // A minute later only the newest comment's age text moved ("<1 min" to "1 min").
    const tick = builder.build(facts(all, false), settings, new Map(), T0 + 61_000, 'en', { upserted: [] });
    expect([...tick.changed]).toEqual(['x:1000']);
    expect(tick.view.comments.get('x:1000')?.ageText).toBe('1 min');
    const quiet = builder.build(facts(all, false), settings, new Map(), T0 + 62_000, 'en', { upserted: [] });
    expect(quiet.changed.size).toBe(0);
    expect(quiet.queueChanged).toBe(false);
  });
});

describe('ViewBuilder with judgments still to come', () => {
  const make = (id: number, by: string, text: string, thread = String(id)): Comment => ({
    platform: 'x',
    id: String(id),
    postId: 'p',
    threadKey: thread,
    author: { handle: by, displayName: by, profileUrl: '' },
    text,
    postedAt: T0 - 20 * MIN + id * 1000,
    postedAtPrecision: 'exact',
    permalink: '',
    order: id,
  });
  /** Answers only the texts in `known`, as content scripts do before the background's answer came. */
  const judgeKnown = (known: Set<string>) => (c: Comment, s: Settings) =>
    known.has(c.text) ? judgeNow(c, s) : undefined;

  it('keeps a waiting comment out until its judgment comes, then shows what a fresh build shows', () => {
    const known = new Set<string>(['thanks, solved']);
    const builder = new ViewBuilder(judgeKnown(known));
    const all = [
      make(1, 'ann', 'where is my order?'),
      make(2, 'bob', '🔥🔥🔥 http://spam.example'),
      make(3, 'cy', 'thanks, solved', 't3'),
      make(4, 'acme', 'we replied', 't3'),
    ];
    const first = builder.build(facts(all, false), settings, new Map(), T0 - 30_000, 'en', { upserted: all });
    expect(first.judging).toBe(true);
    // Answered and brand comments need no judgment; the waiting ones show nothing rather than a guess.
    expect([...first.view.comments.keys()].sort()).toEqual(['x:3', 'x:4']);
    expect(first.view.queue).toEqual([]);
    known.add('where is my order?');
    known.add('🔥🔥🔥 http://spam.example');
    const answered = builder.build(facts(all, false), settings, new Map(), T0 - 25_000, 'en', { upserted: [] });
    expect(answered.judging).toBe(false);
    expect([...answered.changed].sort()).toEqual(['x:1', 'x:2']);
    expect(shown(answered.view)).toEqual(
      shown(buildPageView(facts(all, false), settings, new Map(), T0 - 25_000, 'en')),
    );
    expect(answered.view.comments.get('x:1')?.labels).toEqual(['question', 'order']);
    expect(answered.view.comments.get('x:2')?.spam).toBe(true);
  });

  it('an edited waiting comment keeps its previous view until the new text is judged', () => {
    const known = new Set<string>(['where is my order?']);
    const builder = new ViewBuilder(judgeKnown(known));
    const before = make(1, 'ann', 'where is my order?');
    builder.build(facts([before], false), settings, new Map(), T0, 'en', { upserted: [before] });
    const edited = { ...before, text: 'refund now, this is broken' };
    const held = builder.build(facts([edited], false), settings, new Map(), T0 + 5, 'en', { upserted: [edited] });
    expect(held.judging).toBe(true);
    expect(held.view.comments.get('x:1')?.comment.text).toBe('where is my order?');
    expect(held.view.comments.get('x:1')?.labels).toEqual(['question', 'order']);
    known.add('refund now, this is broken');
    const after = builder.build(facts([edited], false), settings, new Map(), T0 + 10, 'en', { upserted: [] });
    expect(after.changed.has('x:1')).toBe(true);
    expect(after.view.comments.get('x:1')?.labels).toEqual(['complaint', 'order']);
  });
});

describe('DueQueue', () => {
  it('gives back the keys due by a time, each once, with their latest due time', () => {
    const due = new DueQueue();
    due.set('a', 30);
    due.set('b', 10);
    due.set('c', 20);
    due.set('a', 5); // re-timed: the old entry no longer counts
    due.set('d', Number.POSITIVE_INFINITY);
    expect(due.popUntil(15)).toEqual(['a', 'b']);
    expect(due.popUntil(15)).toEqual([]);
    due.delete('c');
    expect(due.popUntil(100)).toEqual([]);
    expect(due.size).toBe(0);
  });
});
