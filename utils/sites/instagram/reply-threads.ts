// Where each readable comment row of an Instagram post sits in its thread, kept as rows come, go and change: a row is
// placed by its `/c/<parent>/r/<id>/` link or by the first comment of the blocks around it (see `linkOf`), and placed
// again when the row it names as parent changes or goes, or when a change lands in the block it was placed in. It
// answers the thread questions the hidden parts ask (ThreadFacts) from what it keeps.
import type { CommentRows } from './comment-rows';
import { type Entry, linkOf, type ThreadFacts } from './conversation-parts';
import type { ReadingOrder } from './doc-order';
import { addTo, removeFrom } from './hidden-parts';

export class ReplyThreads implements ThreadFacts {
  /** The reply box (the hidden parts set it before they ask). */
  editor: Element | null = null;
  /** Rows by the block their thread was decided in (a change inside it decides again), and back. */
  readonly #rowsOfBlock = new Map<Element, Set<Element>>();
  readonly #blockOf = new Map<Element, Element>();
  /** Rows whose parent link names this id (to place them again when their parent changes or goes). */
  readonly #childrenOf = new Map<string, Set<Element>>();
  /** Rows to place in their thread again, because the row they named as parent changed. */
  readonly #pendingRelink = new Set<Element>();
  /** The comment a timestamp shows (the first row of its id). */
  readonly primary = (time: Element): Entry | undefined => this.rows.primary(time);

  /** The comment timestamps' reading order. */
  readonly order: ReadingOrder;

  constructor(private readonly rows: CommentRows) {
    this.order = rows.order;
  }

  /** The id's first row changed: the rows placed under the one it replaced look again. */
  relinkChildrenOf(id: string): void {
    for (const child of this.#childrenOf.get(id) ?? []) this.#pendingRelink.add(child);
  }

  /** The row is read again or goes: its parent no longer counts it among its replies. */
  unlink(entry: Entry): void {
    if (entry.link?.parentId) this.#childrenOf.get(entry.link.parentId)?.delete(entry.time);
  }

  /** The row's thread is no longer decided by the block it was decided in. */
  unblock(time: Element): void {
    const block = this.#blockOf.get(time);
    if (block) {
      removeFrom(this.#rowsOfBlock, block, time);
      this.#blockOf.delete(time);
    }
  }

  /**
   * Rows came, went or moved inside `el`: those placed in a block around it look again, and so do those that passed
   * a block around it whose first comment may now be another. A block holding a comment before `el` keeps its first
   * comment, so only the rows inside the highest block around `el` holding none are concerned, all at or after `el`:
   * replies expanding mid-page re-thread their own thread, never the rows below it.
   */
  restructured(el: Element): void {
    const { order } = this;
    const times = order.items;
    // The first timestamp at or after `el` (inside it included).
    let i = order.above(order.keyBefore(el));
    const before = times[i - 1];
    let top = el;
    for (let at: Element | null = el; at && at !== this.rows.scope.parentElement; at = at.parentElement) {
      // Blocks nest: once one holds `before`, every block around it does.
      if (!before || !at.contains(before)) top = at;
      for (const time of this.#rowsOfBlock.get(at) ?? []) this.#pendingRelink.add(time);
    }
    for (; i < times.length && top.contains(times[i] as Element); i++) this.#pendingRelink.add(times[i] as Element);
  }

  /** Places new rows, and rows whose parent changed, in their threads (parents first: document order); how many. */
  relink(fresh: Entry[]): number {
    const rows = this.rows;
    const todo = new Set<Entry>(fresh);
    for (const time of this.#pendingRelink) {
      const entry = rows.entryOf(time);
      if (entry) todo.add(entry);
    }
    this.#pendingRelink.clear();
    const { order } = this;
    const queue = [...todo].sort((a, b) => order.keyOf(a.time) - order.keyOf(b.time));
    let placed = 0;
    for (let i = 0; i < queue.length; i++) {
      const entry = queue[i] as Entry;
      if (rows.entryOf(entry.time) !== entry) continue;
      placed++;
      const before = entry.link;
      this.unlink(entry);
      this.unblock(entry.time);
      const { link, block } = linkOf(entry, rows.scope, this.primary);
      entry.link = link;
      if (block) {
        addTo(this.#rowsOfBlock, block, entry.time);
        this.#blockOf.set(entry.time, block);
      }
      rows.touchedThreads.add(link.threadKey);
      if (before) rows.touchedThreads.add(before.threadKey);
      if (link.parentId) addTo(this.#childrenOf, link.parentId, entry.time);
      if (!before || before.parentId !== link.parentId || before.threadKey !== link.threadKey) {
        entry.out = undefined;
        rows.dirty.add(entry.row);
      }
      // Its own replies follow its thread.
      if (before && before.threadKey !== link.threadKey) {
        for (const child of this.#childrenOf.get(entry.id) ?? []) {
          const reply = rows.entryOf(child);
          if (reply && !queue.includes(reply)) queue.push(reply);
        }
      }
    }
    return placed;
  }

  // ---- what the hidden parts ask (ThreadFacts) --------------------------------------------------------------

  top(threadKey: string): Entry | undefined {
    const entry = this.rows.primaryOf(threadKey);
    return entry && !entry.link?.parentId ? entry : undefined;
  }

  /** The next top-level comment after `top` in document order. */
  nextTop(top: Entry): Entry | undefined {
    const { order } = this;
    const times = order.items;
    for (let i = order.above(order.keyOf(top.time)); i < times.length; i++) {
      this.rows.touch();
      const entry = this.primary(times[i] as Element);
      if (entry && !entry.link?.parentId) return entry;
    }
    return undefined;
  }

  /** The last reply shown in a thread, in document order. */
  lastReply(threadKey: string): Element | undefined {
    let last: Element | undefined;
    const walk = (id: string, seen: Set<string>) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const child of this.#childrenOf.get(id) ?? []) {
        const entry = this.primary(child);
        if (!entry || entry.link?.threadKey !== threadKey) continue;
        if (!last || this.order.keyOf(last) < this.order.keyOf(child)) last = child;
        walk(entry.id, seen);
      }
    };
    walk(threadKey, new Set());
    return last;
  }

  /** The first comment shown. */
  first(): Entry | undefined {
    for (const time of this.order.items) {
      const entry = this.primary(time);
      if (entry) return entry;
    }
    return undefined;
  }
}
