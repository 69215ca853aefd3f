// Where each comment's row was on the page, for scrolling back to a row the site has since unmounted (X recycles
// its rows). Measured by the browser after it lays the frame out anyway: each row that starts showing a comment is
// observed once by one IntersectionObserver, whose first report carries the row's box, then let go. Reading the
// box during a batch instead would force an extra layout of the whole page on every batch (issue #10).

export interface RowPositions {
  /** Measures these rows once, after the browser's next layout. */
  measure(elements: Iterable<HTMLElement>): void;
  dispose(): void;
}

export function rowPositions(note: (element: HTMLElement, pageY: number) => void): RowPositions {
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries, self) => {
          // Reported after the frame's layout: the scroll offset costs no layout of its own here.
          const scrollY = window.scrollY;
          for (const entry of entries) {
            self.unobserve(entry.target);
            // Gone before the browser laid it out: no box to take (the last one known stays).
            if (entry.target.isConnected) note(entry.target as HTMLElement, entry.boundingClientRect.top + scrollY);
          }
        })
      : null;
  return {
    measure: (elements) => {
      for (const element of elements) observer?.observe(element);
    },
    dispose: () => observer?.disconnect(),
  };
}
