// A post's comment timestamps in document order, each with a reading-order number: a new one is numbered between the
// nearest timestamp before it (found by walking back through the page from it: the elements between them) and the
// one after that, and rows are ordered by their numbers. No DOM comparisons: in Blink, compareDocumentPosition walks
// the list between two rows' branches (about 23 ms a batch at 10,000 comments). A batch takes out every timestamp it
// reads again before it places them (one may have moved), so each is placed among timestamps whose order holds.

export class ReadingOrder {
  items: Element[] = [];
  readonly #keys = new Map<Element, number>();

  /** `touch` counts one element walked (the reader's work). */
  constructor(
    private readonly scope: Element,
    private readonly touch: () => void,
  ) {}

  /** The number of a timestamp in the order. */
  keyOf(time: Element): number {
    return this.#keys.get(time) as number;
  }

  /** The number of the nearest timestamp before `el` (-Infinity: none), walking back through the page from it. */
  keyBefore(el: Element): number {
    for (let at: Element | null = el; at && at !== this.scope; ) {
      let prev: Element | null = at.previousElementSibling;
      if (prev) while (prev.lastElementChild) prev = prev.lastElementChild;
      at = prev ?? at.parentElement;
      this.touch();
      const key = at ? this.#keys.get(at) : undefined;
      if (key !== undefined) return key;
    }
    return -Infinity;
  }

  /** Where the timestamps numbered above `key` begin. */
  above(key: number): number {
    const { items } = this;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keyOf(items[mid] as Element) <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Places a timestamp after the nearest one before it (those read again this batch were taken out first). */
  insert(time: Element): void {
    const { items } = this;
    const low = this.keyBefore(time);
    const i = this.above(low);
    const next = items[i];
    const high = next ? this.keyOf(next) : Infinity;
    const key = low === -Infinity ? (next ? high - 1 : 0) : next ? (low + high) / 2 : low + 1;
    if (key > low && key < high) {
      this.#keys.set(time, key);
      items.splice(i, 0, time);
    } else {
      // Halved down to nothing (some 50 comments arriving at one place): the order numbered again, then placed.
      for (const [n, item] of items.entries()) this.#keys.set(item, n);
      this.insert(time);
    }
  }

  /** Takes a timestamp out (found by its number: it may have left the page or moved). */
  remove(time: Element): void {
    const key = this.#keys.get(time);
    if (key === undefined) return;
    this.items.splice(this.above(key) - 1, 1);
    this.#keys.delete(time);
  }
}
