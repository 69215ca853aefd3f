// Badges waiting to be drawn, and the one IntersectionObserver that says which of them are near the screen. Only
// waiting rows are observed, never every badge (observing thousands costs the browser work on every frame):
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
/** Far badges wait until no batch came for this long, and then for this long between slices. */
const QUIET_MS = 1_500;

type IdleApi = {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

export class BadgeQueue {
  private readonly due = new Set<HTMLElement>();
  private readonly age = new Set<HTMLElement>();
  private readonly observer: IntersectionObserver | null;
  private idle: { cancel(): void } | null = null;
  private disposed = false;
  /** When the page last changed (a draw); far badges wait for QUIET_MS after it. */
  private lastBusy = 0;

  /** `draw`: draws the badge of a row now (it looks up what the row shows at that moment). */
  constructor(private readonly draw: (element: HTMLElement) => void) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => this.reported(entries), { rootMargin: NEAR_MARGIN })
        : null;
  }

  /** The row's badge must be drawn: when near, or in idle time. */
  addDue(element: HTMLElement): void {
    this.age.delete(element);
    if (this.due.has(element)) return;
    this.due.add(element);
    this.observer?.observe(element);
    this.scheduleIdle();
  }

  /** The row's age text moved: draw its badge when it is near the screen. */
  addAge(element: HTMLElement): void {
    if (this.due.has(element) || this.age.has(element)) return;
    if (!this.observer) {
      // Without an observer nothing says where rows are: draw rather than show a stale age.
      this.draw(element);
      return;
    }
    this.age.add(element);
    this.observer.observe(element);
  }

  /** The row's badge was drawn, or the row is given back to the site: stop waiting for it. */
  delete(element: HTMLElement): void {
    if (this.due.delete(element) || this.age.delete(element)) this.observer?.unobserve(element);
  }

  /** The page is busy (a batch was drawn): far badges wait until it has been quiet for a while. */
  busy(): void {
    this.lastBusy = performance.now();
  }

  /** Rows waiting (observed): what the observer costs the browser follows this, not the number of badges. */
  get size(): number {
    return this.due.size + this.age.size;
  }

  dispose(): void {
    this.disposed = true;
    this.observer?.disconnect();
    this.idle?.cancel();
    this.idle = null;
    this.due.clear();
    this.age.clear();
  }

  private reported(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const element = entry.target as HTMLElement;
      if (!entry.isIntersecting || !(this.due.has(element) || this.age.has(element))) continue;
      this.delete(element);
      this.draw(element);
    }
  }

  /** Draws due badges for one short slice, in the order they were queued (page order), then yields. */
  drainSlice(budgetMs = SLICE_MS): void {
    const end = performance.now() + budgetMs;
    for (const element of this.due) {
      this.delete(element);
      this.draw(element);
      if (performance.now() >= end) break;
    }
    if (this.due.size > 0) this.scheduleIdle();
  }

  private scheduleIdle(): void {
    if (this.idle || this.disposed) return;
    const api = globalThis as IdleApi;
    const run = () => {
      this.idle = null;
      if (this.disposed) return;
      const quietFor = performance.now() - this.lastBusy;
      if (quietFor < QUIET_MS) {
        wait(QUIET_MS - quietFor);
        return;
      }
      if (typeof api.requestIdleCallback !== 'function') {
        this.drainSlice();
        return;
      }
      const handle = api.requestIdleCallback(
        () => {
          this.idle = null;
          if (!this.disposed) this.drainSlice();
        },
        { timeout: 5_000 },
      );
      this.idle = { cancel: () => api.cancelIdleCallback?.(handle) };
    };
    const wait = (ms: number) => {
      const handle = setTimeout(run, ms);
      this.idle = { cancel: () => clearTimeout(handle) };
    };
    wait(QUIET_MS);
  }
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
