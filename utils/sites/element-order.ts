// Elements kept in document order as they come and go (a post's hidden-part controls): placing one costs a search
// from the end, where pages add (one comparison after the last), never a sort of them all.

export class ElementOrder<E extends Element = Element> {
  #items: E[] = [];
  /** Document-position comparisons made (a unit test holds the work of a batch to what changed). */
  compared = 0;

  get items(): readonly E[] {
    return this.#items;
  }

  get size(): number {
    return this.#items.length;
  }

  /**
   * Places `el`, or places it again (it moved). Searched from the end, in steps that double, then halved: an
   * element `d` places from the end costs about 2·log2(d) comparisons, whatever the length.
   */
  place(el: E): void {
    this.delete(el);
    const items = this.#items;
    const n = items.length;
    if (n === 0 || this.#before(items[n - 1] as E, el)) {
      items.push(el);
      return;
    }
    // items[hi] comes after `el`; everything before `lo` comes before it.
    let hi = n - 1;
    let lo = 0;
    for (let step = 1; ; step *= 2) {
      const probe = n - 1 - step;
      if (probe < 0) break;
      if (this.#before(items[probe] as E, el)) {
        lo = probe + 1;
        break;
      }
      hi = probe;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#before(items[mid] as E, el)) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, el);
  }

  delete(el: E): boolean {
    const i = this.#items.indexOf(el);
    if (i < 0) return false;
    this.#items.splice(i, 1);
    return true;
  }

  clear(): void {
    this.#items = [];
  }

  #before(a: Element, b: Element): boolean {
    this.compared++;
    return (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out for any realm
  }
}
