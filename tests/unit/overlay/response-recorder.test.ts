// The response log is fed thread by thread: after a batch the recorder looks at the threads the batch changed, never
// at every comment of the page (issue #10: a 10,000-comment page cost a walk and a JSON text per thread every two
// seconds while comments streamed in). What it sends is the same as a walk over the whole view would send.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClassifiedComment } from '../../../utils/core/first-response';
import type { Comment, ManualState, Post } from '../../../utils/core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import { fingerprint, ResponseRecorder } from '../../../utils/overlay/response-recorder';
import { ViewBuilder } from '../../../utils/overlay/view-builder';
import type { PageFacts } from '../../../utils/overlay/view-model';
import { judgeNow } from './page-view';

const T0 = Date.UTC(2026, 10, 25, 12, 0);
const post: Post = {
  platform: 'facebook',
  id: 'p',
  url: '',
  author: { handle: 'acme', displayName: 'Acme', profileUrl: '' },
};
const settings: Settings = { ...DEFAULT_SETTINGS, brand: { x: [], facebook: ['acme'], instagram: [] } };

afterEach(() => vi.useRealTimers());

function comment(id: number, thread: number, brand = false): Comment {
  return {
    platform: 'facebook',
    id: String(id),
    postId: 'p',
    threadKey: `facebook:${thread}`,
    ...(thread === id ? {} : { parentId: String(thread) }),
    author: brand
      ? { handle: 'acme', displayName: 'Acme', profileUrl: '' }
      : { handle: `c${id}`, displayName: `C${id}`, profileUrl: '' },
    text: `comment ${id}`,
    postedAt: T0 - 3600_000 + id,
    postedAtPrecision: 'exact',
    permalink: '',
    order: id,
  };
}

const facts = (comments: Iterable<Comment>): PageFacts => ({
  isPostPage: true,
  post,
  actingHandle: null,
  comments,
  collapsed: [],
  candidates: 1,
  readable: 1,
  problems: [],
  loading: false,
});

/** A page of `n` threads (every 25th answered by the brand), built and recorded once, then fed batch by batch. */
function page(n: number, settle = true) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const sent: ClassifiedComment[][] = [];
  const controller = new AbortController();
  const recorder = new ResponseRecorder(
    {
      record: async (comments) => {
        sent.push(comments);
      },
    },
    controller.signal,
  );
  const builder = new ViewBuilder(judgeNow);
  const all = new Map<string, Comment>();
  let next = 0;
  const manual = new Map<string, ManualState>();
  const apply = (upserted: Comment[], run = true) => {
    for (const c of upserted) all.set(`facebook:${c.id}`, c);
    const update = builder.build(facts(all.values()), settings, manual, T0, 'en', { upserted });
    recorder.observe(update.view, update.full ? null : update.changed);
    if (run) vi.runAllTimers();
    return update;
  };
  const threads = (count: number) => {
    const out: Comment[] = [];
    for (let i = 0; i < count; i++) {
      const id = next;
      next += 2;
      out.push(comment(id, id));
      if ((id / 2) % 25 === 24) out.push(comment(id + 1, id, true));
    }
    return out;
  };
  apply(threads(n), settle);
  return { recorder, sent, apply, threads, manual, all, controller };
}

/** How many messages held each thread. */
function sendsPerThread(sent: ClassifiedComment[][]): Map<string, number> {
  const count = new Map<string, number>();
  for (const message of sent) {
    for (const thread of new Set(message.map((c) => c.comment.threadKey))) {
      count.set(thread, (count.get(thread) ?? 0) + 1);
    }
  }
  return count;
}

describe('ResponseRecorder', () => {
  it.each([200, 2_000, 10_000])('looks at the 20 new threads of a batch on a %i-thread page, and sends them', (n) => {
    const p = page(n);
    // The first flush sends every thread once.
    expect(p.sent.flat()).toHaveLength(n + Math.floor(n / 25));
    expect(p.recorder.looked).toBe(n + Math.floor(n / 25));
    for (let batch = 0; batch < 3; batch++) {
      p.sent.length = 0;
      const added = p.threads(20);
      p.apply(added);
      expect(p.recorder.looked).toBe(added.length);
      expect(
        p.sent
          .flat()
          .map((c) => c.key)
          .sort(),
      ).toEqual(added.map((c) => `facebook:${c.id}`).sort());
    }
  });

  it.each([2_000, 10_000])(
    'sends the first flush of a %i-thread page in slices of about 200 comments, one per task',
    (n) => {
      const p = page(n, false);
      const comments = n + Math.floor(n / 25);
      let tasks = 0;
      let most = 0;
      let before = 0;
      vi.advanceTimersByTime(2_000);
      for (;;) {
        tasks++;
        most = Math.max(most, p.recorder.looked - before);
        before = p.recorder.looked;
        if (vi.getTimerCount() === 0) break;
        vi.advanceTimersToNextTimer();
      }
      // Whole threads of one or two comments: a task stops at the first thread past 200.
      expect(most).toBeLessThanOrEqual(201);
      expect(tasks).toBeGreaterThanOrEqual(Math.ceil(comments / 201));
      expect(tasks).toBeLessThanOrEqual(Math.ceil(comments / 200));
      expect(p.recorder.looked).toBe(comments);
      expect(p.sent.flat()).toHaveLength(comments);
      expect([...sendsPerThread(p.sent).values()].every((k) => k === 1)).toBe(true);
    },
  );

  it('loses nothing and sends nothing twice when a batch comes while the first flush is in slices', () => {
    const p = page(1_000, false);
    vi.advanceTimersByTime(2_000);
    // One slice went: thread 0 among it, thread 1998 (the last) still waits.
    const first = sendsPerThread(p.sent);
    expect(first.get('facebook:0')).toBe(1);
    expect(first.has('facebook:1998')).toBe(false);
    const added = [comment(1, 0, true), comment(1999, 1998, true), ...p.threads(20)];
    p.apply(added, false);
    vi.runAllTimers();
    const sends = sendsPerThread(p.sent);
    // Every thread went once, the new ones too, and the one sent before its reply came went again with it.
    expect(sends.size).toBe(1_020);
    expect([...sends].filter(([, k]) => k !== 1)).toEqual([['facebook:0', 2]]);
    const last = (thread: string) => p.sent.flat().filter((c) => c.comment.threadKey === thread);
    expect(
      last('facebook:0')
        .slice(-2)
        .map((c) => [c.key, c.state]),
    ).toEqual([
      ['facebook:0', 'answered'],
      ['facebook:1', 'brand'],
    ]);
    expect(last('facebook:1998').map((c) => c.key)).toEqual(['facebook:1998', 'facebook:1999']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends the rest of a flush in slices at once when the page goes, and leaves no timer', () => {
    const p = page(2_000, false);
    vi.advanceTimersByTime(2_000);
    expect(p.sent.flat().length).toBeLessThan(300);
    p.controller.abort();
    expect(p.sent.flat()).toHaveLength(2_080);
    expect(vi.getTimerCount()).toBe(0);
    expect([...sendsPerThread(p.sent).values()].every((k) => k === 1)).toBe(true);
  });

  it('sends each comment with its own link, made by the site adapter when the reading keeps the post’s', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sent: ClassifiedComment[] = [];
    const recorder = new ResponseRecorder(
      {
        record: async (comments) => {
          sent.push(...comments);
        },
        permalink: (c) => `${c.permalink}?comment_id=${c.id}`,
      },
      new AbortController().signal,
    );
    const comments = [comment(1, 1), comment(2, 1), comment(3, 3)].map((c) => ({ ...c, permalink: 'https://p/' }));
    const update = new ViewBuilder(judgeNow).build(facts(comments), settings, new Map(), T0, 'en', {
      upserted: comments,
    });
    recorder.observe(update.view, null);
    vi.runAllTimers();
    expect(sent.map((c) => c.comment.permalink).sort()).toEqual(
      ['https://p/?comment_id=1', 'https://p/?comment_id=2', 'https://p/?comment_id=3'].sort(),
    );
  });

  it('keeps a number per thread sent, not its text: an edit of the same length still goes again', () => {
    expect(fingerprint('comment 1')).toBe(fingerprint('comment 1'));
    expect(fingerprint('comment 1')).not.toBe(fingerprint('comment 2'));
    expect(fingerprint('ab')).not.toBe(fingerprint('abc'));
    const p = page(50);
    p.sent.length = 0;
    p.apply([{ ...comment(0, 0), text: 'comment 9' }]);
    expect(p.sent.flat().map((c) => [c.key, c.comment.text])).toEqual([['facebook:0', 'comment 9']]);
    p.sent.length = 0;
    p.apply([{ ...comment(0, 0), text: 'comment 9' }]);
    expect(p.sent).toEqual([]);
  });

  it("sends a whole thread again when one of its comments changes, and nothing for a thread that didn't", () => {
    const p = page(50);
    p.sent.length = 0;
    // A brand reply joins thread 0: the thread goes again with both comments, in page order.
    p.apply([comment(1, 0, true)]);
    expect(p.sent.flat().map((c) => [c.key, c.state])).toEqual([
      ['facebook:0', 'answered'],
      ['facebook:1', 'brand'],
    ]);
    p.sent.length = 0;
    // The same reading again: nothing to send.
    p.apply([{ ...comment(1, 0, true) }]);
    expect(p.sent).toEqual([]);
  });

  it('sends a thread the background failed to keep again at the next flush', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: ClassifiedComment[][] = [];
    let fail = true;
    const recorder = new ResponseRecorder(
      {
        record: async (comments) => {
          calls.push(comments);
          if (fail) throw new Error('busy');
        },
      },
      new AbortController().signal,
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const builder = new ViewBuilder(judgeNow);
    const a = comment(0, 0);
    const b = comment(2, 2);
    let update = builder.build(facts([a, b]), settings, new Map(), T0, 'en', { upserted: [a, b] });
    recorder.observe(update.view, update.full ? null : update.changed);
    vi.runAllTimers();
    await Promise.resolve();
    await Promise.resolve();
    fail = false;
    calls.length = 0;
    const c = comment(4, 4);
    update = builder.build(facts([a, b, c]), settings, new Map(), T0, 'en', { upserted: [c] });
    recorder.observe(update.view, update.changed);
    vi.runAllTimers();
    expect(
      calls
        .flat()
        .map((x) => x.key)
        .sort(),
    ).toEqual(['facebook:0', 'facebook:2', 'facebook:4']);
    vi.restoreAllMocks();
  });
});
