// Where the rows were on the page, from the observer's report alone (issue #10): no scroll offset or box is read,
// which would lay the page out again when it changed since the frame the report describes. Counted, not timed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowPositions } from '../../../utils/overlay/row-positions';

/** A stand-in IntersectionObserver: `report(time, tops)` is the browser's report of one frame. */
let observer: { cb: IntersectionObserverCallback; els: Set<Element>; self: FakeIO } | null = null;
class FakeIO {
  constructor(cb: IntersectionObserverCallback) {
    observer = { cb, els: new Set(), self: this };
  }
  observe(el: Element) {
    observer!.els.add(el);
  }
  unobserve(el: Element) {
    observer!.els.delete(el);
  }
  disconnect() {
    observer!.els.clear();
  }
}
/** Reports, for `time`, every observed element at its top in the window (`tops`; the root at -scroll). */
function report(time: number, tops: Map<Element, number>) {
  const entries = [...observer!.els]
    .filter((el) => tops.has(el))
    .map((target) => ({ target, time, boundingClientRect: { top: tops.get(target)! } }) as IntersectionObserverEntry);
  observer!.cb(entries, observer!.self as unknown as IntersectionObserver);
}

let scrollReads = 0;
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIO);
  scrollReads = 0;
  Object.defineProperty(window, 'scrollY', {
    configurable: true,
    get: () => {
      scrollReads++;
      return 500;
    },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete (window as { scrollY?: unknown }).scrollY;
  document.body.replaceChildren();
});

describe('row positions', () => {
  it("takes each row's place on the page from its box and the root's in the same report, reading nothing", () => {
    const rows = [1, 2].map(() => document.body.appendChild(document.createElement('article')));
    const seen = new Map<Element, number>();
    const positions = rowPositions((el, y) => seen.set(el, y));
    const box = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    positions.measure(rows);
    const root = document.documentElement;
    // Scrolled 700 px down: the root's top is at -700, the rows at 20 and 120 in the window.
    report(
      1,
      new Map<Element, number>([
        [root, -700],
        [rows[0]!, 20],
        [rows[1]!, 120],
      ]),
    );
    expect([seen.get(rows[0]!), seen.get(rows[1]!)]).toEqual([720, 820]);
    expect(scrollReads).toBe(0);
    expect(box).not.toHaveBeenCalled();
    // Each row is let go once measured; measured again, a row reports again, with the root of its own frame.
    expect(observer!.els.has(rows[0]!)).toBe(false);
    positions.measure([rows[0]!]);
    report(
      2,
      new Map<Element, number>([
        [root, -300],
        [rows[0]!, 50],
      ]),
    );
    expect(seen.get(rows[0]!)).toBe(350);
    expect(scrollReads).toBe(0);
  });

  it('measures again, with the root, a row whose frame has no root entry; skips a row gone by then; reads nothing', () => {
    const row = document.body.appendChild(document.createElement('article'));
    const gone = document.body.appendChild(document.createElement('article'));
    const seen = new Map<Element, number>();
    const positions = rowPositions((el, y) => seen.set(el, y));
    const root = document.documentElement;
    positions.measure([document.body.appendChild(document.createElement('article'))]);
    // The root reports with that first row; these two are observed before the report is handed over.
    report(1, new Map<Element, number>([[root, -100]]));
    positions.measure([row, gone]);
    gone.remove();
    report(
      2,
      new Map<Element, number>([
        [row, 40],
        [gone, 90],
      ]),
    );
    expect(seen.has(row)).toBe(false);
    expect(observer!.els.has(row) && observer!.els.has(root)).toBe(true);
    expect(observer!.els.has(gone)).toBe(false);
    report(
      3,
      new Map<Element, number>([
        [root, -200],
        [row, 40],
      ]),
    );
    expect(seen.get(row)).toBe(240);
    expect(seen.has(gone)).toBe(false);
    expect(scrollReads).toBe(0);
  });
});
