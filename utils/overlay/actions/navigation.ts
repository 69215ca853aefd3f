// Moving through the queue, which runs only after a person acts (a queue row clicked, Alt+J / Alt+K, the current
// comment marked done): the current comment, scrolled to, its row brought back when the site has unmounted it.
// Deferred code (issue #10), like ./session-actions.tsx.
import type { ActingSession } from '../acting-session';

/** The next (1) or previous (-1) comment of the queue becomes current, round the end. */
export function move(s: ActingSession, step: 1 | -1): void {
  const queue = s.view?.queue ?? [];
  if (!queue.length) return;
  const index = queue.findIndex((c) => c.key === s.currentKey);
  const next = index === -1 ? (step === 1 ? 0 : queue.length - 1) : (index + step + queue.length) % queue.length;
  const target = queue[next];
  if (target) void select(s, target.key);
}

/** Scrolls to a comment (bringing back a row the site has unmounted) and makes it current. */
export async function select(s: ActingSession, key: string): Promise<HTMLElement | null> {
  const ticket = ++s.selection;
  s.currentKey = key;
  s.render();
  const element = await elementOf(s, key);
  // The user moved on while this row was being brought back: leave the page where they are now.
  if (ticket !== s.selection || s.signal.aborted) return null;
  if (element) {
    element.scrollIntoView({ block: 'center', behavior: 'auto' });
    // Focus only what the site made focusable (X articles are); never add attributes to the site's nodes.
    if (element.tabIndex >= 0) element.focus({ preventScroll: true });
  }
  s.render();
  return element;
}

/** The comment's row on the page now: scrolled back to where it was last seen when the site has unmounted it. */
export async function elementOf(s: ActingSession, key: string): Promise<HTMLElement | null> {
  // Read first: the site may have recycled the row for another comment since the last batch.
  s.readNow();
  const known = s.rowOf(key);
  if (!known) return null;
  if (known.element?.isConnected) return known.element;
  window.scrollTo({ top: Math.max(0, known.lastY - window.innerHeight / 2) });
  for (let i = 0; i < 20 && !s.signal.aborted; i++) {
    await new Promise((r) => setTimeout(r, 50));
    s.readNow();
    const again = s.rowOf(key)?.element;
    if (again?.isConnected) return again;
  }
  return null;
}
