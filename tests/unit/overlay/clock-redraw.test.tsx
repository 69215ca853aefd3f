// The minute clock redraws only the badges whose age text changed, and only those on screen or near it; a badge
// it skipped far away is drawn when it comes near. The page contract's stamps stay true everywhere.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comment, Post } from '../../../utils/core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import { BadgeLayer, type BadgeUi } from '../../../utils/overlay/badge-layer';
import { KnownComments } from '../../../utils/overlay/known-comments';
import { redrawFor } from '../../../utils/overlay/near-viewport';
import { ViewBuilder } from '../../../utils/overlay/view-builder';
import type { PageFacts } from '../../../utils/overlay/view-model';
import type { SiteAdapter } from '../../../utils/sites/types';

const T0 = Date.UTC(2026, 10, 25, 12, 0);
const MIN = 60_000;
const post: Post = { platform: 'x', id: 'p', url: '', author: { handle: 'acme', displayName: 'Acme', profileUrl: '' } };
const settings: Settings = { ...DEFAULT_SETTINGS, brand: { x: ['acme'], facebook: [], instagram: [] } };

/** A stand-in IntersectionObserver the test drives: `report(el, near)` is the browser saying where a row is. */
const observers: Array<{ cb: IntersectionObserverCallback; els: Set<Element> }> = [];
class FakeIO {
  private readonly entry: { cb: IntersectionObserverCallback; els: Set<Element> };
  constructor(cb: IntersectionObserverCallback) {
    this.entry = { cb, els: new Set() };
    observers.push(this.entry);
  }
  observe(el: Element) {
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

afterEach(() => {
  vi.unstubAllGlobals();
  observers.length = 0;
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
    const layer = new BadgeLayer(adapter, {
      reply: vi.fn(),
      togglePicker: vi.fn(),
      done: vi.fn(),
      snooze: vi.fn(),
      templates: () => [],
    });
    const rows = ['1', '2', '3'].map(() => document.body.appendChild(document.createElement('article')));
    // 1 and 2 were posted 30 s before T0 (their age text turns "1 min" at T0 + 30 s); 3 an hour before.
    const comments = [comment('1', T0 - 30_000, 0), comment('2', T0 - 30_000, 1), comment('3', T0 - 61 * MIN, 2)];
    const known = new KnownComments();
    known.merge(
      comments.map((c, i) => ({ comment: c, element: rows[i]! })),
      0,
    );
    const builder = new ViewBuilder();
    const ui: BadgeUi = { currentKey: null, pickerKey: null, theme: 'light', fontSize: 14, statuses: new Map() };
    const first = builder.build(facts(known.eachComment()), settings, new Map(), T0, 'en', {
      upserted: known.takeDelta().upserted.values(),
    });
    layer.draw(known, first.view, null, ui);
    const ageOf = (row: HTMLElement) => row.querySelector('rr-badge')?.shadowRoot?.textContent ?? '';
    expect(ageOf(rows[0]!)).toContain('<1 min');
    // Row 2 is far below the screen.
    report(rows[1]!, false);
    report(rows[0]!, true);

    const tick = builder.build(facts(known.eachComment()), settings, new Map(), T0 + 40_000, 'en', { upserted: [] });
    // Only rows 1 and 2 changed text; row 3 ("1 hr") did not.
    expect([...tick.changed].sort()).toEqual(['x:1', 'x:2']);
    layer.draw(known, tick.view, tick.changed, ui);
    expect(ageOf(rows[0]!)).toContain('1 min');
    expect(ageOf(rows[1]!)).toContain('<1 min'); // far away: not drawn yet
    expect(rows[1]!.getAttribute('data-rr-state')).toBe('unanswered'); // the stamps are still true
    report(rows[1]!, true);
    expect(ageOf(rows[1]!)).toContain('1 min');
  });
});

describe('redrawFor', () => {
  const sig = (rest: string, age: string) => ({ rest, age });
  it('leaves a badge that shows the same alone, and draws a new one wherever it is', () => {
    expect(redrawFor(sig('a', '1 min'), sig('a', '1 min'), false)).toBe('same');
    expect(redrawFor(undefined, sig('a', '1 min'), false)).toBe('draw');
  });
  it('waits with a far badge whose age alone moved, never with one whose state changed', () => {
    expect(redrawFor(sig('a', '1 min'), sig('a', '2 min'), false)).toBe('later');
    expect(redrawFor(sig('a', '1 min'), sig('a', '2 min'), true)).toBe('draw');
    expect(redrawFor(sig('a', '1 min'), sig('b', '2 min'), false)).toBe('draw');
  });
});
