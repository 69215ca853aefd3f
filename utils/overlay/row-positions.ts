// Where each comment's row was on the page, for scrolling back to a row the site has since unmounted (X recycles
// its rows). Measured by the browser after it lays the frame out anyway: each row that starts showing a comment is
// observed once by one IntersectionObserver, whose first report carries the row's box, then let go. Reading the
// box during a batch instead would force an extra layout of the whole page on every batch (issue #10).

export interface RowPositions {
  /** Measures these rows once, after the browser's next layout. */
  measure(elements: Iterable<HTMLElement>): void;
  dispose(): void;
}

/**
 * The page's own top comes in the same report: the root element is observed anew with the rows, so it reports in the
 * same frame as they do (entries of one frame share their `time`), and a row's place on the page is its top less the
 * root's. Reading window.scrollY in the report instead laid the page out again whenever it had changed since that
 * frame (a forced Layout in 4 of 5 bench batches on X).
 */
export function rowPositions(note: (element: HTMLElement, pageY: number) => void): RowPositions {
  let root: Element | null = null;
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries, self) => {
          const rootTops = new Map<number, number>();
          for (const { target, time, boundingClientRect } of entries) {
            if (target === root) rootTops.set(time, boundingClientRect.top);
          }
          for (const { target, time, boundingClientRect } of entries) {
            // The root stays observed (always on screen, it reports nothing more); measure() observes it anew.
            if (target === root) continue;
            self.unobserve(target);
            const rootTop = rootTops.get(time);
            // Gone before the browser laid it out: no box to take (the last one known stays).
            if (target.isConnected && rootTop !== undefined)
              note(target as HTMLElement, boundingClientRect.top - rootTop);
          }
        })
      : null;
  return {
    measure: (elements) => {
      if (!observer) return;
      root = document.documentElement;
      observer.unobserve(root);
      observer.observe(root);
      for (const element of elements) observer.observe(element);
    },
    dispose: () => observer?.disconnect(),
  };
}
