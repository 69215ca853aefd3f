// Whether the end of the conversation has been on screen: X loads replies as the page nears its bottom. The page's
// height is read after the browser's own layout (an observer's report), never in the middle of a batch.
import type { Memory } from './memory';

export interface EndWatch {
  /** After the browser's next layout, notes in `memory` whether the page is scrolled to its bottom. */
  measure(target: Element, memory: Memory): void;
  dispose(): void;
}

/**
 * Whether the page is scrolled to its bottom, measured when an IntersectionObserver reports (after the browser's own
 * layout, so the page's height costs no layout of its own): observing `target` again makes the observer report once
 * more, after the frame. A newly seen end asks for another read, which no longer says "more below".
 */
export function endWatcher(reread: () => void): EndWatch | null {
  if (typeof IntersectionObserver !== 'function') return null;
  let waiting: Memory | null = null;
  const observer = new IntersectionObserver((entries, self) => {
    for (const entry of entries) self.unobserve(entry.target);
    const memory = waiting;
    const target = entries[0]?.target;
    waiting = null;
    if (!memory || memory.endSeen || !target?.isConnected) return;
    if (scrolledToBottom(target.ownerDocument)) {
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

/** X loads replies as the page nears its bottom; having been there means the loaded list is the whole list. */
export function scrolledToBottom(doc: Document): boolean {
  const scroller = doc.scrollingElement;
  const view = doc.defaultView;
  if (!scroller || !view) return false;
  return view.scrollY + view.innerHeight >= scroller.scrollHeight - 4;
}
