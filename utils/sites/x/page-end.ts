// Whether the end of the conversation has been on screen: X loads replies as the page nears its bottom. Within a
// batch nothing is measured: the watcher's observer reports where the list's bottom is, from the browser's own layout.
import type { Memory } from './memory';

export interface EndWatch {
  /** After the browser's next layout, notes in `memory` whether the page is scrolled to its bottom. */
  measure(target: Element, memory: Memory): void;
  dispose(): void;
}

/**
 * Whether the page is scrolled to its bottom, told by an IntersectionObserver's report: observing `target` (the
 * column holding the list) again makes the observer report once more, after the frame, with the target's box and
 * the window's as the browser's own layout left them. Reading the page's height in the report instead laid the page
 * out again whenever something changed since that layout (a forced Layout in 4 of 5 batches of the bench, issue #10).
 * A newly seen end asks for another read, which no longer says "more below".
 */
export function endWatcher(reread: () => void): EndWatch | null {
  if (typeof IntersectionObserver !== 'function') return null;
  let waiting: Memory | null = null;
  const observer = new IntersectionObserver((entries, self) => {
    for (const entry of entries) self.unobserve(entry.target);
    const memory = waiting;
    const entry = entries[entries.length - 1];
    waiting = null;
    if (!memory || memory.endSeen || !entry?.target.isConnected) return;
    if (bottomInView(entry)) {
      memory.endSeen = true;
      reread();
    }
  });
  return {
    measure(target, memory) {
      waiting = memory;
      observer.unobserve(target);
      observer.observe(target);
    },
    dispose: () => observer.disconnect(),
  };
}

/** The list's bottom is within the window (give or take 4px), as the report's boxes say: nothing is read again. */
function bottomInView(entry: IntersectionObserverEntry): boolean {
  const view = entry.rootBounds;
  return !!view && entry.boundingClientRect.bottom <= view.bottom + 4;
}

/**
 * X loads replies as the page nears its bottom; having been there means the loaded list is the whole list. Reads the
 * page's height (a layout when anything changed): the first read only, never a batch's.
 */
export function scrolledToBottom(doc: Document): boolean {
  const scroller = doc.scrollingElement;
  const view = doc.defaultView;
  if (!scroller || !view) return false;
  return view.scrollY + view.innerHeight >= scroller.scrollHeight - 4;
}
