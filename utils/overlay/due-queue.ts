// When each comment's badge next needs a new age text or level: a min-heap of due times with one live entry per
// key, so the clock finds the few comments whose text changed without looking at the others. Pure.
export class DueQueue {
  private readonly at = new Map<string, number>();
  /**
   * The heap as two parallel arrays, `dues[i]` for `keys[i]` (unboxed doubles, no [due, key] pair per entry: at
   * 10,000 comments the pairs and their boxed times held 0.4 MB, issue #10). Entries whose due time no longer
   * matches `at` are stale and skipped when they surface.
   */
  private dues: number[] = [];
  private keys: string[] = [];

  /** Sets when `key` is next due; Infinity (or NaN) means never. */
  set(key: string, due: number): void {
    if (!(due < Number.POSITIVE_INFINITY)) {
      this.at.delete(key);
      return;
    }
    if (this.at.get(key) === due) return;
    this.at.set(key, due);
    this.push(due, key);
    // Stale entries pile up when the same keys are re-timed often: rebuild once they dominate.
    if (this.dues.length > 4 * this.at.size + 64) this.rebuild();
  }

  delete(key: string): void {
    this.at.delete(key);
  }

  clear(): void {
    this.at.clear();
    this.dues = [];
    this.keys = [];
  }

  /** Removes and returns every key due at or before `now`. */
  popUntil(now: number): string[] {
    const out: string[] = [];
    while (this.dues.length && this.dues[0]! <= now) {
      const due = this.dues[0]!;
      const key = this.pop();
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
    this.dues = [];
    this.keys = [];
    for (const [key, due] of this.at) this.push(due, key);
  }

  private push(due: number, key: string): void {
    const { dues, keys } = this;
    let i = dues.length;
    // Room at the end (the double array stays unboxed: it only ever holds numbers).
    dues.push(due);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (dues[parent]! <= due) break;
      dues[i] = dues[parent]!;
      keys[i] = keys[parent]!;
      i = parent;
    }
    dues[i] = due;
    keys[i] = key;
  }

  /** Removes the top entry (the heap is not empty); returns its key. */
  private pop(): string {
    const { dues, keys } = this;
    const topKey = keys[0]!;
    const lastDue = dues.pop()!;
    const lastKey = keys.pop()!;
    if (!dues.length) return topKey;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let mv = lastDue;
      if (l < dues.length && dues[l]! < mv) {
        m = l;
        mv = dues[l]!;
      }
      if (r < dues.length && dues[r]! < mv) m = r;
      if (m === i) break;
      dues[i] = dues[m]!;
      keys[i] = keys[m]!;
      i = m;
    }
    dues[i] = lastDue;
    keys[i] = lastKey;
    return topKey;
  }
}
