// The minute clock redraws only the badges whose age text changed, and only those on screen or near it; a badge
// it skipped far away is drawn when it comes near. A long page's badges are drawn near the screen first, the rest
// in idle slices, never all in one task; only rows waiting for a badge are observed. The page contract's stamps
// stay true everywhere, at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comment, Post } from '../../../utils/core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import type { Template } from '../../../utils/core/template';
import { type BadgeActions, BadgeLayer, type BadgeUi, DRAW_AT_ONCE } from '../../../utils/overlay/badge-layer';
import { redrawFor, WATCHED } from '../../../utils/overlay/badge-queue';
import { KnownComments } from '../../../utils/overlay/known-comments';
import { ViewBuilder } from '../../../utils/overlay/view-builder';
import type { PageFacts } from '../../../utils/overlay/view-model';
import type { SiteAdapter } from '../../../utils/sites/types';
import { judgeNow } from './page-view';

const T0 = Date.UTC(2026, 10, 25, 12, 0);
const MIN = 60_000;
const post: Post = { platform: 'x', id: 'p', url: '', author: { handle: 'acme', displayName: 'Acme', profileUrl: '' } };
const settings: Settings = { ...DEFAULT_SETTINGS, brand: { x: ['acme'], facebook: [], instagram: [] } };

/** A stand-in IntersectionObserver the test drives: `report(el, near)` is the browser saying where a row is. */
const observers: Array<{ cb: IntersectionObserverCallback; els: Set<Element> }> = [];
/** Every observe() call made: the observer's work. */
let observeCalls = 0;
class FakeIO {
  private readonly entry: { cb: IntersectionObserverCallback; els: Set<Element> };
  constructor(cb: IntersectionObserverCallback) {
    this.entry = { cb, els: new Set() };
    observers.push(this.entry);
  }
  observe(el: Element) {
    observeCalls++;
    this.entry.els.add(el);
  }
  unobserve(el: Element) {
    this.entry.els.delete(el);
  }
  disconnect() {
    this.entry.els.clear();
  }
}
function report(el: Element, near: boolean) {
  for (const o of observers) {
    if (o.els.has(el)) o.cb([{ target: el, isIntersecting: near } as IntersectionObserverEntry], {} as never);
  }
}

/** The rows observed now, in page order. */
function observed(): Element[] {
  const all = new Set(observers.flatMap((o) => [...o.els]));
  return [...document.querySelectorAll('article')].filter((el) => all.has(el));
}

/** Boxes read by the layer's search for the rows nearest the screen. */
let boxesRead = 0;

/**
 * Lays the rows out 100 px tall one under the other, scrolled so that row `at` starts at the top of the window, and
 * tells the layer the page scrolled; the layer looks once the frame is done.
 */
function scrollTo(rows: HTMLElement[], at: number): void {
  const index = new Map(rows.map((row, i) => [row as Element, i]));
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    boxesRead++;
    const top = ((index.get(this) ?? 0) - at) * 100;
    return { top, bottom: top + 100, left: 0, right: 600, width: 600, height: 100, x: 0, y: top } as DOMRect;
  });
  document.dispatchEvent(new Event('scroll'));
  vi.advanceTimersToNextFrame();
  vi.advanceTimersByTime(1);
}

afterEach(() => {
  vi.restoreAllMocks();
  boxesRead = 0;
  vi.unstubAllGlobals();
  vi.useRealTimers();
  observers.length = 0;
  observeCalls = 0;
  document.body.replaceChildren();
});

function comment(id: string, postedAt: number, order: number): Comment {
  return {
    platform: 'x',
    id,
    postId: 'p',
    threadKey: id,
    author: { handle: `c${id}`, displayName: `C${id}`, profileUrl: '' },
    text: 'hello there',
    postedAt,
    postedAtPrecision: 'exact',
    permalink: '',
    order,
  };
}

/** Badge actions that do nothing: these tests count drawing, not what a click does. */
const fakeActions = (): BadgeActions => ({
  reply: vi.fn(),
  togglePicker: vi.fn(),
  done: vi.fn(),
  snooze: vi.fn(),
  templates: () => [],
  templateKeys: (n: number) => `Alt+${n}`,
});

const facts = (comments: Iterable<Comment>): PageFacts => ({
  isPostPage: true,
  post,
  actingHandle: null,
  comments,
  collapsed: [],
  candidates: 3,
  readable: 3,
  problems: [],
  loading: false,
});

describe('the minute clock', () => {
  it('redraws only the badges near the screen whose age changed, and the others once they come near', () => {
    vi.stubGlobal('IntersectionObserver', FakeIO);
    const adapter = { platform: 'x' } as SiteAdapter;
    const layer = new BadgeLayer(adapter, fakeActions());
    const rows = ['1', '2', '3'].map(() => document.body.appendChild(document.createElement('article')));
    // 1 and 2 were posted 30 s before T0 (their age text turns "1 min" at T0 + 30 s); 3 an hour before.
    const comments = [comment('1', T0 - 30_000, 0), comment('2', T0 - 30_000, 1), comment('3', T0 - 61 * MIN, 2)];
    const known = new KnownComments();
    known.merge(comments.map((c, i) => ({ comment: c, element: rows[i]! })));
    const builder = new ViewBuilder(judgeNow);
    const ui: BadgeUi = { currentKey: null, pickerKey: null, theme: 'light', fontSize: 14, statuses: new Map() };
    const first = builder.build(facts(known.eachComment()), settings, new Map(), T0, 'en', {
      upserted: known.takeDelta().upserted.values(),
    });
    layer.draw(known, first.view, null, ui);
    const ageOf = (row: HTMLElement) => row.querySelector('rr-badge')?.shadowRoot?.textContent ?? '';
    expect(ageOf(rows[0]!)).toContain('<1 min');
    // Drawn badges are not observed.
    expect(layer.waiting).toBe(0);
    expect(observeCalls).toBe(0);

    const tick = builder.build(facts(known.eachComment()), settings, new Map(), T0 + 40_000, 'en', { upserted: [] });
    // Only rows 1 and 2 changed text; row 3 ("1 hr") did not.
    expect([...tick.changed].sort()).toEqual(['x:1', 'x:2']);
    layer.draw(known, tick.view, tick.changed, ui);
    // Nothing is redrawn before the browser says where the two rows are; only they are observed.
    expect(layer.waiting).toBe(2);
    expect(ageOf(rows[0]!)).toContain('<1 min');
    report(rows[0]!, true);
    report(rows[1]!, false); // far below the screen
    expect(ageOf(rows[0]!)).toContain('1 min');
    expect(ageOf(rows[0]!)).not.toContain('<1 min');
    expect(ageOf(rows[1]!)).toContain('<1 min'); // far away: not drawn yet
    expect(rows[1]!.getAttribute('data-rr-state')).toBe('unanswered'); // the stamps are still true
    expect(layer.waiting).toBe(1);
    report(rows[1]!, true);
    expect(ageOf(rows[1]!)).not.toContain('<1 min');
    expect(layer.waiting).toBe(0);
  });
});

/** A page of `n` comments read, classified and drawn once (stamps at once, badges as the layer decides). */
function page(n: number) {
  const adapter = { platform: 'x' } as SiteAdapter;
  const layer = new BadgeLayer(adapter, fakeActions());
  const known = new KnownComments();
  const rows: HTMLElement[] = [];
  const add = (count: number) => {
    const start = rows.length;
    const read = [];
    for (let i = start; i < start + count; i++) {
      const el = document.body.appendChild(document.createElement('article'));
      rows.push(el);
      read.push({ comment: comment(String(i), T0 - 2 * 3600_000, i), element: el });
    }
    known.mergeDelta(read, []);
  };
  add(n);
  const builder = new ViewBuilder(judgeNow);
  const ui: BadgeUi = { currentKey: null, pickerKey: null, theme: 'light', fontSize: 14, statuses: new Map() };
  const build = () =>
    builder.build(facts(known.eachComment()), settings, new Map(), T0, 'en', {
      upserted: known.takeDelta().upserted.values(),
    });
  const first = build();
  layer.draw(known, first.view, null, ui);
  /** Badges drawn (a host placed ahead of its drawing has no shadow root yet). */
  const badges = () => [...document.querySelectorAll('rr-badge')].filter((host) => host.shadowRoot).length;
  return { layer, known, rows, add, build, ui, badges };
}

describe('drawing a long page', () => {
  it('stamps every comment at once but draws only a few badges in the task, near the screen first, the rest when idle', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestAnimationFrame'] });
    vi.stubGlobal('IntersectionObserver', FakeIO);
    vi.stubGlobal('requestIdleCallback', undefined);
    const { layer, rows, badges } = page(300);
    expect(rows.every((row) => row.getAttribute('data-rr-state') === 'unanswered')).toBe(true);
    expect(badges()).toBe(DRAW_AT_ONCE);
    expect(layer.waiting).toBe(300 - DRAW_AT_ONCE);
    // Every row holds its badge's room from the start (a row of buttons at 14 px: 35 px), drawn or not, so a badge
    // drawn later moves no row below it.
    const room = () => rows.map((row) => row.querySelector<HTMLElement>('rr-badge')?.style.minHeight ?? 'none');
    expect(new Set(room())).toEqual(new Set(['35px']));
    // Only the waiting rows nearest the screen are observed (the top of the page: nothing scrolled yet).
    expect(observed()).toEqual(rows.slice(DRAW_AT_ONCE, DRAW_AT_ONCE + WATCHED));
    // The user scrolls to row 200: once the frame is laid out, the rows around it are observed instead; the browser
    // reports rows 200–209 near the screen: drawn at once, out of page order.
    scrollTo(rows, 200);
    expect(observed()).toContain(rows[200]);
    expect(observed()).not.toContain(rows[DRAW_AT_ONCE]);
    for (const row of rows.slice(200, 210)) report(row, true);
    expect(rows.slice(200, 210).every((row) => row.querySelector('rr-badge')?.shadowRoot)).toBe(true);
    expect(badges()).toBe(DRAW_AT_ONCE + 10);
    // The far ones come in idle slices once the page is quiet; in the end every badge is drawn, nothing observed.
    vi.advanceTimersByTime(1_000); // not quiet long enough yet
    expect(badges()).toBe(DRAW_AT_ONCE + 10);
    vi.runAllTimers();
    expect(badges()).toBe(300);
    expect(document.querySelectorAll('rr-badge')).toHaveLength(300);
    expect(new Set(room())).toEqual(new Set(['35px']));
    expect(layer.waiting).toBe(0);
    expect(observers.every((o) => o.els.size === 0)).toBe(true);
  }, 30_000);

  it('a batch of 20 new comments costs the same drawing and observing at 100 and at 1,000 comments', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.stubGlobal('IntersectionObserver', FakeIO);
    vi.stubGlobal('requestIdleCallback', undefined);
    const work = (n: number) => {
      const p = page(n);
      vi.runAllTimers(); // every first badge drawn
      expect(p.badges()).toBe(n);
      observeCalls = 0;
      const before = p.badges();
      p.add(20);
      const update = p.build();
      const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
      p.layer.draw(p.known, update.view, update.changed, p.ui);
      const drawn = { shadows: attach.mock.calls.length, observed: observeCalls, badges: p.badges() - before };
      attach.mockRestore();
      document.body.replaceChildren();
      observers.length = 0;
      return drawn;
    };
    const small = work(100);
    const large = work(1000);
    // The new comments' badges come with the batch; no other badge is drawn, none is observed.
    expect(small).toEqual({ shadows: 20, observed: 0, badges: 20 });
    expect(large).toEqual(small);
  }, 30_000);
});

describe('the rows observed', () => {
  it('are at most a window near the screen at 200, 2,000 and 10,000 comments: a batch reads the same few boxes', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestAnimationFrame'] });
    vi.stubGlobal('IntersectionObserver', FakeIO);
    vi.stubGlobal('requestIdleCallback', undefined);
    const work = (n: number) => {
      const p = page(n);
      const first = observed().length;
      // The user jumps to the middle: the window follows, found by reading a few boxes.
      boxesRead = 0;
      scrollTo(p.rows, n / 2);
      const jump = boxesRead;
      const around = observed();
      expect(around).toContain(p.rows[n / 2]);
      expect(around.length).toBe(WATCHED);
      // A batch of 100 new comments below: 60 drawn at once, 40 wait; the window stays where the screen is.
      boxesRead = 0;
      observeCalls = 0;
      p.add(100);
      const update = p.build();
      p.layer.draw(p.known, update.view, update.changed, p.ui);
      vi.advanceTimersToNextFrame();
      vi.advanceTimersByTime(1);
      const batch = { boxes: boxesRead, observeCalls, observed: observed().length };
      expect(observed()).toContain(p.rows[n / 2]);
      report(p.rows[n / 2]!, true);
      expect(p.rows[n / 2]!.querySelector('rr-badge')?.shadowRoot).toBeTruthy();
      p.layer.dispose();
      vi.restoreAllMocks();
      document.body.replaceChildren();
      observers.length = 0;
      return { first, jump, batch };
    };
    const sizes = [200, 2_000, 10_000].map(work);
    for (const [i, w] of sizes.entries()) {
      expect(w.first).toBe(WATCHED);
      // A binary search: about the bits of the page's length, never a box per row.
      expect(w.jump).toBeLessThanOrEqual(Math.ceil(Math.log2([200, 2_000, 10_000][i]!)) + 3);
    }
    // Before this window, all 9,940 waiting rows of the 10,000 were observed.
    expect(sizes[2]!.batch).toEqual(sizes[0]!.batch);
    expect(sizes[1]!.batch).toEqual(sizes[0]!.batch);
    expect(sizes[0]!.batch.observed).toBe(WATCHED);
    expect(sizes[0]!.batch.boxes).toBeLessThanOrEqual(4);
  }, 120_000);
});

describe('redrawFor', () => {
  const sig = (rest: string, age: string) => ({ rest, age });
  it('leaves a badge that shows the same alone, and draws a new one', () => {
    expect(redrawFor(sig('a', '1 min'), sig('a', '1 min'))).toBe('same');
    expect(redrawFor(undefined, sig('a', '1 min'))).toBe('draw');
  });
  it('tells a badge whose age alone moved (drawn when near) from one whose state changed (drawn now)', () => {
    expect(redrawFor(sig('a', '1 min'), sig('a', '2 min'))).toBe('age');
    expect(redrawFor(sig('a', '1 min'), sig('b', '2 min'))).toBe('draw');
  });
});

describe("Reply's tooltip", () => {
  it('names the keys bound to the template it inserts, and follows a rebinding at the next draw', () => {
    const template: Template = {
      id: 't1',
      title: 'Thanks',
      body: 'Thank you {first_name}!',
      shortcut: 'thanks',
      language: '',
      tags: [],
      order: 0,
      createdAt: T0,
      updatedAt: T0,
      useCount: 0,
    } as unknown as Template;
    let keys = 'Alt+1';
    const layer = new BadgeLayer({ platform: 'x' } as SiteAdapter, {
      ...fakeActions(),
      templates: () => [template],
      templateKeys: (n: number) => (n === 1 ? keys : `Alt+${n}`),
    });
    const row = document.body.appendChild(document.createElement('article'));
    const known = new KnownComments();
    known.merge([{ comment: comment('1', T0 - 60_000, 0), element: row }]);
    const builder = new ViewBuilder(judgeNow);
    const ui: BadgeUi = { currentKey: null, pickerKey: null, theme: 'light', fontSize: 14, statuses: new Map() };
    const view = builder.build(facts(known.eachComment()), settings, new Map(), T0, 'en', {
      upserted: known.takeDelta().upserted.values(),
    }).view;
    const tooltip = () =>
      row.querySelector('rr-badge')?.shadowRoot?.querySelector('[data-rr-action="reply"]')?.getAttribute('title');
    layer.draw(known, view, [], ui);
    expect(tooltip()).toBe("Open the site's reply box and insert “Thanks” (Alt+1)");
    keys = 'Ctrl+Shift+1';
    layer.draw(known, view, [], ui);
    expect(tooltip()).toBe("Open the site's reply box and insert “Thanks” (Ctrl+Shift+1)");
  });
});
