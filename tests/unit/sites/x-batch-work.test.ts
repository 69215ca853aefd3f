// What a batch costs the X adapter in style and layout reads (issue #10): counted, at two sizes of page, never
// timed. A batch of 20 new threaded replies reads the styles of those 20 rows only, and nothing that lays the page
// out (no box, offset, client or scroll size, no getComputedStyle, no checkVisibility) — neither in the read nor in
// the observer's report after it: whether the page is at its end comes from the boxes that report carries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createXAdapter } from '../../../utils/sites/x';

const POST_URL = new URL('https://x.com/acme/status/1981646846161846274');
const FIXTURE = readFileSync(path.join(import.meta.dirname, 'x-fixtures', 'x-conversation.html'), 'utf8');
const cells = () => [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')];

/** The fixture's conversation without its "Discover more" end, grown to `replies` more threaded replies. */
function page(replies: number): { list: HTMLElement; reply: (n: number) => HTMLElement } {
  const parsed = new DOMParser().parseFromString(FIXTURE, 'text/html');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  const all = cells();
  const end = all.findIndex((c) => c.querySelector('[role="heading"]') && !c.querySelector('article'));
  for (const c of all.slice(end)) c.remove();
  // A reply with a line above it (it answers the row above) and one below (the next row answers it).
  const template = cells().find((c) => {
    const header =
      c.querySelector('article')?.firstElementChild?.firstElementChild?.firstElementChild?.firstElementChild;
    return (header?.childElementCount ?? 0) > 1;
  })!;
  const list = template.parentElement!;
  const reply = (n: number) => {
    const cell = template.cloneNode(true) as HTMLElement;
    cell
      .querySelector('time')!
      .closest('a')!
      .setAttribute('href', `/fan_${n}/status/${1981700000000000000n + BigInt(n)}`);
    return cell;
  };
  for (let n = 0; n < replies; n++) list.append(reply(n));
  return { list, reply };
}

/** A stand-in IntersectionObserver: `report()` is the browser reporting after its layout. */
const observers: FakeObserver[] = [];
class FakeObserver {
  readonly targets = new Set<Element>();
  constructor(private readonly cb: IntersectionObserverCallback) {
    observers.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  /** The browser's report after its layout: the list's box (its bottom at the page's height) and the window's. */
  report() {
    const entries = [...this.targets].map(
      (target) =>
        ({
          target,
          isIntersecting: true,
          boundingClientRect: { bottom: pageHeight } as DOMRectReadOnly,
          rootBounds: { bottom: window.innerHeight } as DOMRectReadOnly,
        }) as IntersectionObserverEntry,
    );
    if (entries.length > 0) this.cb(entries, this as unknown as IntersectionObserver);
  }
}
const report = () => {
  for (const o of observers) o.report();
};

const reads = { style: 0, height: 0 };
let pageHeight = 100;

beforeEach(() => {
  observers.length = 0;
  reads.style = 0;
  reads.height = 0;
  pageHeight = 100; // the whole page fits the window: scrolled to its bottom
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  // Chromium's computed values (Typed OM): styles only, no layout. X's line is 2px wide.
  Object.defineProperty(Element.prototype, 'computedStyleMap', {
    configurable: true,
    value() {
      reads.style++;
      return new Map([['width', { value: 2, unit: 'px' }]]);
    },
  });
  Object.defineProperty(document, 'scrollingElement', {
    configurable: true,
    get: () => ({
      get scrollHeight() {
        reads.height++;
        return pageHeight;
      },
    }),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete (Element.prototype as { computedStyleMap?: unknown }).computedStyleMap;
  delete (document as { scrollingElement?: unknown }).scrollingElement;
});

/** Every way to ask the browser for layout (or a style it must lay out for), counted. */
function spyLayoutReads(): () => number {
  const spies: Array<{ mock: { calls: unknown[] } }> = [];
  const methods: Array<[object, string]> = [
    [Element.prototype, 'getBoundingClientRect'],
    [Element.prototype, 'getClientRects'],
    [Element.prototype, 'checkVisibility'],
    [window, 'getComputedStyle'],
  ];
  for (const [target, name] of methods) {
    if (typeof (target as Record<string, unknown>)[name] === 'function')
      spies.push(vi.spyOn(target as Record<string, () => unknown>, name));
  }
  const sizes = ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft', 'offsetParent'];
  const boxes = ['clientWidth', 'clientHeight', 'clientTop', 'clientLeft', 'scrollHeight', 'scrollWidth'];
  for (const [proto, names] of [
    [HTMLElement.prototype, sizes],
    [Element.prototype, boxes],
  ] as const) {
    for (const name of names) {
      if (Object.getOwnPropertyDescriptor(proto, name)?.get)
        spies.push(vi.spyOn(proto as unknown as Record<string, number>, name, 'get'));
    }
  }
  expect(spies.length).toBeGreaterThanOrEqual(10); // the spies are in place: this count can fail
  return () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
}

function watched() {
  const adapter = createXAdapter();
  const abort = new AbortController();
  const reread = vi.fn();
  adapter.watch!(abort.signal, reread);
  return { adapter, abort, reread };
}

describe('the work of a batch of 20 new replies on X', () => {
  it.each([100, 1000])(
    'with %i replies on the page: the new rows’ styles only, no layout',
    { timeout: 30_000 },
    (size) => {
      const { list, reply } = page(size);
      const { adapter } = watched();
      pageHeight = 1_000_000; // far from the bottom: every batch would want to know
      adapter.read(document, POST_URL);
      const layoutReads = spyLayoutReads();
      reads.style = 0;
      reads.height = 0;

      const batch = Array.from({ length: 20 }, (_, i) => reply(size + i));
      list.append(...batch);
      const read = adapter.read(document, POST_URL, new Set(batch));

      expect(read.comments.filter((c) => batch.some((cell) => cell.contains(c.element)))).toHaveLength(20);
      // Each new row: its line above and its line below, once.
      expect(reads.style).toBe(40);
      expect(layoutReads()).toBe(0);
      expect(reads.height).toBe(0);
      expect(read.moreBelow).toBe(true);
      // After the browser's layout, the observer's report: its boxes say where the list ends, nothing is read.
      report();
      expect(reads.height).toBe(0);
      expect(layoutReads()).toBe(0);

      // A batch that changed nothing in the rows (the clock) reads no style and no height either.
      reads.style = 0;
      reads.height = 0;
      adapter.read(document, POST_URL, new Set());
      expect(reads.style).toBe(0);
      expect(reads.height).toBe(0);
    },
  );

  it('where Typed OM is missing (Firefox): no style read and no layout either, the lines told by their shape', {
    timeout: 30_000,
  }, () => {
    const { list, reply } = page(100);
    const { adapter } = watched();
    delete (Element.prototype as { computedStyleMap?: unknown }).computedStyleMap;
    pageHeight = 1_000_000;
    const first = adapter.read(document, POST_URL);
    reads.height = 0; // the first read looks at once
    const layoutReads = spyLayoutReads();
    const batch = Array.from({ length: 20 }, (_, i) => reply(100 + i));
    list.append(...batch);
    const read = adapter.read(document, POST_URL, new Set(batch));
    report();
    const added = read.comments.filter((c) => batch.some((cell) => cell.contains(c.element)));
    expect(added).toHaveLength(20);
    // Each answers the row above it, as the lines say.
    expect(added.every((c) => c.comment.parentId !== undefined)).toBe(true);
    expect(first.comments.length).toBeGreaterThan(0);
    expect(layoutReads()).toBe(0);
    expect(reads.style + reads.height).toBe(0);
  });

  it('reads again when the report after a batch finds the end of the page, and then says nothing more is below', () => {
    const { list, reply } = page(30);
    const { adapter, reread } = watched();
    pageHeight = 1_000_000;
    expect(adapter.read(document, POST_URL).moreBelow).toBe(true);
    const cell = reply(99);
    list.append(cell);
    expect(adapter.read(document, POST_URL, new Set([cell])).moreBelow).toBe(true);
    report();
    expect(reread).not.toHaveBeenCalled(); // still far from the bottom

    pageHeight = 100; // the user scrolled to the end
    const next = reply(100);
    list.append(next);
    expect(adapter.read(document, POST_URL, new Set([next])).moreBelow).toBe(true);
    report();
    expect(reread).toHaveBeenCalledTimes(1);
    expect(adapter.read(document, POST_URL, new Set()).moreBelow).toBe(false);
  });

  it('stops measuring with the page session', () => {
    page(30);
    const { adapter, abort, reread } = watched();
    pageHeight = 1_000_000;
    adapter.read(document, POST_URL);
    abort.abort();
    reads.height = 0;
    pageHeight = 100;
    // Without a session watching, a batch's read looks at once (the unit tests' and a lone adapter's way).
    expect(adapter.read(document, POST_URL, new Set()).moreBelow).toBe(false);
    expect(reads.height).toBe(1);
    report();
    expect(reread).not.toHaveBeenCalled();
  });
});
