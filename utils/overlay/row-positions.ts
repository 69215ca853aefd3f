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
 * root's. A row whose frame has no root entry (observed after the root had reported, before its report was handed
 * over) is observed again with the root. Reading window.scrollY in the report instead laid the page out again
 * whenever it had changed since that frame (a forced Layout in 4 of 5 bench batches on X).
 */
export function rowPositions(note: (element: HTMLElement, pageY: number) => void): RowPositions {
  let root: Element | null = null;
  /** The root is observed and has not reported yet: the rows observed meanwhile report with it. */
  let rootPending = false;
  const observeRoot = () => {
    if (rootPending || !observer) return;
    rootPending = true;
    // Observed again (never while its report is pending: Blink drops an unobserved target's queued entry).
    root = document.documentElement;
    observer.unobserve(root);
    observer.observe(root);
  };
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries, self) => {
          const rootTops = new Map<number, number>();
          for (const { target, time, boundingClientRect } of entries) {
            if (target !== root) continue;
            rootTops.set(time, boundingClientRect.top);
            rootPending = false;
          }
          for (const { target, time, boundingClientRect } of entries) {
            if (target === root) continue;
            self.unobserve(target);
            // Gone before the browser laid it out: no box to take (the last one known stays).
            if (!target.isConnected) continue;
            const rootTop = rootTops.get(time);
            if (rootTop !== undefined) note(target as HTMLElement, boundingClientRect.top - rootTop);
            else {
              self.observe(target);
              observeRoot();
            }
          }
        })
      : null;
  return {
    measure: (elements) => {
      let any = false;
      for (const element of elements) {
        observer?.observe(element);
        any = true;
      }
      if (any) observeRoot();
    },
    dispose: () => observer?.disconnect(),
  };
}
