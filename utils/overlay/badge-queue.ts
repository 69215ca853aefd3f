// Badges waiting to be drawn, and the one IntersectionObserver that says which of them are near the screen. Only
// waiting rows are observed, never every badge, and at most WATCHED of them: the ones nearest the screen, found after
// the frame by a search over the waiting rows in page order that reads a few boxes (observing all 9,940 waiting rows
// of a 10,000-comment Facebook page cost 40-100 ms of intersections and as much of commit per frame, issue #10). A
// scroll, a resize or rows added beyond the window move it:
// - `due`: must be drawn (a new badge among too many to draw in one batch, or every badge after a change they all
//   share). Drawn as soon as the browser reports it near the screen. The far ones are drawn in small idle slices
//   once the page has been quiet for a while, one slice a second: each far badge drawn lengthens its row and moves
//   every row below it, so a slice costs the browser a pass over the rest of the page (measured on a 2,000-comment
//   Facebook page: draining far badges while comments streamed in cost several seconds of paint work). Every
//   badge is drawn in the end, never all in one task, and the near ones first;
// - `age`: only its age text moved (the minute clock). Drawn when it is near; far away nobody can see it, so it
//   waits, observed, until it comes near.
// Also the pure rule for what a badge needs (`redrawFor`), tested directly.

/** How far beyond the window still counts as near: about one screen above and below. */
const NEAR_MARGIN = '100% 0px 100% 0px';
/** The most an idle slice draws for (ms): short enough that a frame or a click is never kept waiting. */
const SLICE_MS = 8;
/** Far badges wait until no batch came for this long, and as long between slices. */
const QUIET_MS = 1_500;
/** The most waiting rows observed at once (a screen of the shortest rows is ~20; near counts three screens). */
export const WATCHED = 120;
/** Rows observed above the first near one, for rows that grew since the search. */
const ABOVE = 20;

export class BadgeQueue {
  /** Waiting rows: true when the badge must be drawn even far away (due), false when only its age moved. */
  private readonly rows = new Map<HTMLElement, boolean>();
  private readonly observer: IntersectionObserver | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** When the page last changed (a draw): far badges wait for QUIET_MS after it. */
  private lastBusy = 0;
  /** Waiting rows in page order (and rows drawn since, until compacted: they still mark a place on the page). */
  private order: HTMLElement[] = [];
  /** Each queued row's reading order (page order), which `order` follows. */
  private readonly ranks = new WeakMap<HTMLElement, number>();
  /** Where the last search found the first near row, in `order`. */
  private anchor = 0;
  /** The rows observed now: at most WATCHED, nearest the screen. */
  private readonly watched = new Set<HTMLElement>();
  /** A search is scheduled after the next frame. */
  private placing = false;
  /** Ends the scroll and resize listeners. */
  private readonly off = new AbortController();

  /** `draw`: draws the badge of a row now (it looks up what the row shows at that moment). */
  constructor(private readonly draw: (element: HTMLElement) => void) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const entry of entries) if (entry.isIntersecting) this.drawNow(entry.target as HTMLElement);
            },
            { rootMargin: NEAR_MARGIN },
          )
        : null;
    if (this.observer) {
      // Scrolling (the page or a dialog's own scroller) may bring rows outside the window near.
      const options = { capture: true, passive: true, signal: this.off.signal };
      document.addEventListener('scroll', this.moved, options);
      window.addEventListener('resize', this.moved, options);
    }
  }

  /** The row's badge must be drawn (`due`: when near, else in idle time), or only its age moved (when near). */
  add(element: HTMLElement, due: boolean, rank: number): void {
    const before = this.rows.get(element);
    this.rows.set(element, due || before === true);
    if (before === undefined) {
      this.insertInOrder(element, rank);
      if (this.observer && this.watched.size < WATCHED) this.watch(element);
      else this.moved();
    }
    // Without an observer nothing says where rows are: draw in idle time rather than show a stale age.
    if ((due || !this.observer) && this.timer === undefined && !this.stopped)
      this.timer = setTimeout(this.idle, QUIET_MS);
  }

  /** The row's badge was drawn, or the row is given back to the site: stop waiting for it. */
  delete(element: HTMLElement): void {
    if (!this.rows.delete(element)) return;
    if (this.watched.delete(element)) {
      this.observer?.unobserve(element);
      // The window has room again: rows left outside it may be the next near ones.
      if (this.rows.size > this.watched.size) this.moved();
    }
    if (this.order.length > 2 * this.rows.size + WATCHED) this.compact();
  }

  /** The page is busy (a batch was drawn): far badges wait until it has been quiet for a while. */
  busy(): void {
    this.lastBusy = performance.now();
  }

  /** Rows waiting to be drawn. */
  get size(): number {
    return this.rows.size;
  }

  dispose(): void {
    this.observer?.disconnect();
    clearTimeout(this.timer);
    this.stopped = true;
    this.rows.clear();
    this.watched.clear();
    this.order = [];
    this.off.abort();
  }

  private watch(element: HTMLElement): void {
    this.watched.add(element);
    this.observer?.observe(element);
  }

  private drawNow(element: HTMLElement): void {
    if (!this.rows.has(element)) return;
    this.delete(element);
    this.draw(element);
  }

  /**
   * Keeps `order` in page order by the rows' reading order (`Comment.order`): rows mostly come in that order, so the
   * end is tried first. Numbers, not DOM comparisons: `compareDocumentPosition` walks the site's list between the two
   * rows (Blink), and placing 10,000 rows with it took 3-6 s of a Facebook page's first classification.
   */
  private insertInOrder(element: HTMLElement, rank: number): void {
    this.ranks.set(element, rank);
    const rankAt = (i: number) => this.ranks.get(this.order[i]!) ?? 0;
    let lo = 0;
    let hi = this.order.length;
    if (hi && rankAt(hi - 1) > rank) {
      // A few rows come out of order (drawn first as current or picked): their place is searched, never sorted for.
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rankAt(mid) <= rank) lo = mid + 1;
        else hi = mid;
      }
      if (lo <= this.anchor) this.anchor++;
    } else lo = hi;
    this.order.splice(lo, 0, element);
  }

  /** Drops the rows drawn since from `order`, and a row's older places (the next search starts afresh). */
  private compact(): void {
    const kept = new Set<HTMLElement>();
    for (const element of this.order) if (this.rows.has(element)) kept.add(element);
    this.order = [...kept];
    this.anchor = 0;
  }

  /** The screen may show other rows now: observe the ones nearest it once the frame is laid out. */
  private readonly moved = (): void => {
    if (this.placing || this.stopped || this.rows.size <= this.watched.size) return;
    this.placing = true;
    // After the frame: its layout is done, so reading a few boxes costs no layout of its own.
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.placing = false;
        if (!this.stopped) this.place();
      }, 0),
    );
  };

  /** Observes the waiting rows nearest the screen (WATCHED at most), and stops observing the others. */
  place(): void {
    const order = this.order;
    if (!order.length || !this.observer) return;
    const top = -window.innerHeight;
    // The first row whose box ends below the top of the near band. Without a scroll it is where the last search
    // found it (two boxes read); else a binary search reads a few more (log2 of the rows waiting).
    const near = (i: number) => order[i]!.getBoundingClientRect().bottom >= top;
    let first = Math.min(this.anchor, order.length - 1);
    if (!near(first) || (first > 0 && near(first - 1))) {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (near(mid)) hi = mid;
        else lo = mid + 1;
      }
      first = lo;
    }
    const i = Math.min(first, order.length - 1);
    this.anchor = i;
    const next = new Set<HTMLElement>();
    // Rows drawn since the last compaction are skipped, a bounded number of them: beyond, the band holds none.
    const end = Math.min(order.length, i - ABOVE + 4 * WATCHED);
    for (let k = Math.max(0, i - ABOVE); k < end && next.size < WATCHED; k++) {
      const element = order[k]!;
      if (this.rows.has(element)) next.add(element);
    }
    for (const element of this.watched) {
      if (next.has(element)) continue;
      this.watched.delete(element);
      this.observer.unobserve(element);
    }
    for (const element of next) if (!this.watched.has(element)) this.watch(element);
  }

  /** Draws due badges for one short slice, in the order they were queued (page order), once the page is quiet. */
  private readonly idle = (): void => {
    const wait = QUIET_MS - (performance.now() - this.lastBusy);
    const end = performance.now() + SLICE_MS;
    let left = false;
    for (const [element, due] of this.rows) {
      if (!due && this.observer) continue;
      if (wait > 0 || performance.now() >= end) {
        left = true;
        break;
      }
      this.drawNow(element);
    }
    this.timer = left ? setTimeout(this.idle, Math.max(wait, QUIET_MS)) : undefined;
  };
}

/** A badge's last drawing in two parts: what the clock moves (age text, level) and everything else. */
export interface BadgeSignature {
  rest: string;
  age: string;
}

/**
 * What a badge needs: nothing when it shows the same; only its age when nothing else changed (drawn when near the
 * screen); a drawing otherwise (new, or its state, UI or what every badge shares changed).
 */
export function redrawFor(drawn: BadgeSignature | undefined, next: BadgeSignature): 'same' | 'age' | 'draw' {
  if (drawn && drawn.rest === next.rest) return drawn.age === next.age ? 'same' : 'age';
  return 'draw';
}
