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
/** Far badges wait until no batch came for this long, and as long between slices. */
const QUIET_MS = 1_500;

export class BadgeQueue {
  /** Waiting rows: true when the badge must be drawn even far away (due), false when only its age moved. */
  private readonly rows = new Map<HTMLElement, boolean>();
  private readonly observer: IntersectionObserver | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** When the page last changed (a draw): far badges wait for QUIET_MS after it. */
  private lastBusy = 0;

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
  }

  /** The row's badge must be drawn (`due`: when near, else in idle time), or only its age moved (when near). */
  add(element: HTMLElement, due: boolean): void {
    const before = this.rows.get(element);
    if (before === undefined) this.observer?.observe(element);
    this.rows.set(element, due || before === true);
    // Without an observer nothing says where rows are: draw in idle time rather than show a stale age.
    if ((due || !this.observer) && this.timer === undefined && !this.stopped)
      this.timer = setTimeout(this.idle, QUIET_MS);
  }

  /** The row's badge was drawn, or the row is given back to the site: stop waiting for it. */
  delete(element: HTMLElement): void {
    if (this.rows.delete(element)) this.observer?.unobserve(element);
  }

  /** The page is busy (a batch was drawn): far badges wait until it has been quiet for a while. */
  busy(): void {
    this.lastBusy = performance.now();
  }

  /** Rows waiting (observed): what the observer costs the browser follows this, not the number of badges. */
  get size(): number {
    return this.rows.size;
  }

  dispose(): void {
    this.observer?.disconnect();
    clearTimeout(this.timer);
    this.stopped = true;
    this.rows.clear();
  }

  private drawNow(element: HTMLElement): void {
    if (!this.rows.has(element)) return;
    this.delete(element);
    this.draw(element);
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
