// Which comment elements are on screen or near it, from one IntersectionObserver: the minute clock redraws only
// those badges, and a badge whose age moved while far away is drawn when it comes near (`onNear`).
// Also the pure rule for what a redraw does (`redrawFor`), tested directly.

/** How far beyond the window still counts as near: about one screen above and below. */
const NEAR_MARGIN = '100% 0px 100% 0px';

export class NearViewport {
  /** Elements known to be far; an element not seen by the observer yet counts as near (draw rather than wait). */
  private readonly far = new WeakSet<Element>();
  private readonly observer: IntersectionObserver | null;

  constructor(onNear: (element: HTMLElement) => void) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                if (entry.isIntersecting) {
                  this.far.delete(entry.target);
                  onNear(entry.target as HTMLElement);
                } else {
                  this.far.add(entry.target);
                }
              }
            },
            { rootMargin: NEAR_MARGIN },
          )
        : null;
  }

  watch(element: HTMLElement): void {
    this.observer?.observe(element);
  }

  unwatch(element: HTMLElement): void {
    this.observer?.unobserve(element);
    this.far.delete(element);
  }

  isNear(element: HTMLElement): boolean {
    return !this.far.has(element);
  }

  dispose(): void {
    this.observer?.disconnect();
  }
}

/** A badge's last drawing in two parts: what the clock moves (age text, level) and everything else. */
export interface BadgeSignature {
  rest: string;
  age: string;
}

/**
 * What to do with a badge: nothing when it shows the same; draw now when anything but its age changed, or it is
 * near the screen; otherwise wait until it comes near (only the clock moved it, and nobody can see it).
 */
export function redrawFor(
  drawn: BadgeSignature | undefined,
  next: BadgeSignature,
  near: boolean,
): 'same' | 'draw' | 'later' {
  if (drawn && drawn.rest === next.rest && drawn.age === next.age) return 'same';
  if (drawn && drawn.rest === next.rest && !near) return 'later';
  return 'draw';
}
