// When each comment's badge next needs a new age text or level: a min-heap of due times with one live entry per
// key, so the clock finds the few comments whose text changed without looking at the others. Pure.
export class DueQueue {
  private readonly at = new Map<string, number>();
  /** [due, key]; entries whose due time no longer matches `at` are stale and skipped when they surface. */
  private heap: Array<[number, string]> = [];

  /** Sets when `key` is next due; Infinity (or NaN) means never. */
  set(key: string, due: number): void {
    if (!(due < Number.POSITIVE_INFINITY)) {
      this.at.delete(key);
      return;
    }
    if (this.at.get(key) === due) return;
    this.at.set(key, due);
    this.push([due, key]);
    // Stale entries pile up when the same keys are re-timed often: rebuild once they dominate.
    if (this.heap.length > 4 * this.at.size + 64) this.rebuild();
  }

  delete(key: string): void {
    this.at.delete(key);
  }

  clear(): void {
    this.at.clear();
    this.heap = [];
  }

  /** Removes and returns every key due at or before `now`. */
  popUntil(now: number): string[] {
    const out: string[] = [];
    while (this.heap.length && this.heap[0]![0] <= now) {
      const [due, key] = this.pop()!;
      if (this.at.get(key) !== due) continue;
      this.at.delete(key);
      out.push(key);
    }
    return out;
  }

  get size(): number {
    return this.at.size;
  }

  private rebuild(): void {
    this.heap = [];
    for (const [key, due] of this.at) this.push([due, key]);
  }

  private push(entry: [number, string]): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]![0] <= entry[0]) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): [number, string] | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!heap.length || !last) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let mv = last[0];
      if (l < heap.length && heap[l]![0] < mv) {
        m = l;
        mv = heap[l]![0];
      }
      if (r < heap.length && heap[r]![0] < mv) m = r;
      if (m === i) break;
      heap[i] = heap[m]!;
      i = m;
    }
    heap[i] = last;
    return top;
  }
}
