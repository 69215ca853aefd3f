// Elements of a post in document order (its comment timestamps, its hidden-part controls), kept as they come and go:
// appended ones land at the end at once, others by binary search, and go by identity; a timestamp found moved makes
// one sort at the end of the batch.
import { precedes } from './rows';

export const byPosition = (a: Element, b: Element) => (a === b ? 0 : precedes(a, b) ? -1 : 1);

export class DocOrder {
  items: Element[] = [];
  /** An element moved (or was pushed while the order was unsure): sort before the next use. */
  dirty = false;

  /** `touch` counts one comparison (the reader's work). */
  constructor(private readonly touch: () => void) {}

  /** Where `time` goes: after the last at once when it follows it, else by binary search. */
  slot(time: Element): number {
    const times = this.items;
    const last = times[times.length - 1];
    if (!last || precedes(last, time)) return times.length;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      this.touch();
      if (precedes(times[mid] as Element, time)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first timestamp at or after `el` (inside it included): looked for from the end first, where changes land. */
  startOf(el: Element): number {
    let i = this.items.length;
    for (let steps = 0; i > 0 && steps < 64; steps++, i--) {
      this.touch();
      const item = this.items[i - 1] as Element;
      if (item !== el && !precedes(el, item)) return i;
    }
    return i === 0 ? 0 : this.slot(el);
  }

  insert(time: Element): void {
    if (this.dirty) this.items.push(time);
    else this.items.splice(this.slot(time), 0, time);
  }

  /** Takes `el` out, found by identity (it may have left the page: no position is asked). */
  remove(el: Element): void {
    const i = this.items.indexOf(el);
    if (i >= 0) this.items.splice(i, 1);
  }

  /** A timestamp read again: if it moved, the order is sorted once. */
  check(time: Element): void {
    if (!this.dirty && this.items[this.slot(time)] !== time) this.dirty = true;
  }

  sort(all: Iterable<Element>): void {
    this.items = [...all].sort(byPosition);
    this.dirty = false;
  }

  /** Keeps only the timestamps still read (after some were dropped). */
  keep(has: (time: Element) => boolean): void {
    this.items = this.items.filter(has);
  }
}
