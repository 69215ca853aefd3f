// The comment rows of one Instagram post, each found from its timestamp, kept as running totals per element: which
// row each timestamp has, which row shows each comment id (the first in document order; the others are duplicates),
// the timestamps in document order, and what could not be read. A batch updates them by the timestamps it read
// again, never by walking the page. Where each row sits in its thread is kept beside them (reply-threads.ts).
import type { ReadComment } from '../types';
import { type Entry, type Parsed, parseRow, type ReasonKey, toComment } from './conversation-parts';
import { ReadingOrder } from './doc-order';
import { addTo, removeFrom } from './hidden-parts';
import { ReplyThreads } from './reply-threads';
import { avatarLinks, precedes } from './rows';
import { parseCommentHref, SEL } from './selectors';

export class CommentRows {
  /** The timestamps in document order. */
  readonly order: ReadingOrder;
  /** Where each readable row sits in its thread. */
  readonly threads: ReplyThreads;
  /** Rows beyond the first showing one id. */
  duplicates = 0;
  /** Unreadable rows, by reason. */
  readonly problems = new Map<ReasonKey, number>();
  /** Elements whose comment may have changed in this batch. */
  readonly dirty = new Set<HTMLElement>();
  /** What the last read reported each element shows (the baseline of the next delta). */
  readonly shown = new Map<HTMLElement, ReadComment>();
  /** Threads whose rows changed in this batch (ids and thread keys). */
  readonly touchedThreads = new Set<string>();
  /** This post's comment timestamps, and what each one's row says. */
  readonly #recs = new Map<Element, Parsed>();
  /** Row element → its timestamp (readable, unreadable and duplicate rows). */
  readonly #timeOfRow = new Map<Element, Element>();
  /**
   * Readable rows by comment id, in document order: the first shows the comment, the others are duplicates. A list
   * only for an id read in more than one row (rare): a list for every id held 10,000 of them at 10,000 comments.
   */
  readonly #byId = new Map<string, Element | Element[]>();
  /** Rows kept from growing by a block holding other comments (see `rowOf`): a change inside it reads them again. */
  readonly #rowsBoundBy = new Map<Element, Set<Element>>();
  /**
   * Elements that became or stopped being comment rows in this batch: the profile pictures inside them change sides
   * (a row that grew around a row without a timestamp swallows it; a row that went leaves its pictures outside).
   */
  readonly #rowsMoved = new Set<Element>();

  /** `touch` counts one element looked at (the reader's work). */
  constructor(
    readonly scope: Element,
    readonly code: string,
    readonly base: URL,
    readonly touch: () => void,
  ) {
    this.order = new ReadingOrder(scope, touch);
    this.threads = new ReplyThreads(this);
  }

  /** Timestamps read. */
  get size(): number {
    return this.#recs.size;
  }

  /** Comment ids shown. */
  get readable(): number {
    return this.#byId.size;
  }

  has(time: Element): boolean {
    return this.#recs.has(time);
  }

  /** Reads one timestamp's row (again); returns it when it is a readable comment that needs placing in a thread. */
  parse(time: Element): Entry | null {
    const old = this.#recs.get(time);
    const link = time.closest('a');
    const target = link ? parseCommentHref(link.getAttribute('href'), this.base) : null;
    if (!link || !target || target.code !== this.code || !time.matches(SEL.time)) {
      // Another post's comment (a feed behind a dialog), or no longer a comment (a time that lost its datetime is
      // none, as for a fresh read).
      if (old) this.drop(time);
      return null;
    }
    if (old) this.#unindex(time, old);
    this.order.insert(time);
    const parsed = parseRow(time, link, target.id, target.parentId, this.scope);
    this.#recs.set(time, parsed);
    this.#index(time, parsed);
    return 'problem' in parsed ? null : parsed;
  }

  #index(time: Element, parsed: Parsed): void {
    if (parsed.row) {
      if (this.#timeOfRow.get(parsed.row) !== time) this.#rowsMoved.add(parsed.row);
      this.#timeOfRow.set(parsed.row, time);
      this.dirty.add(parsed.row);
    }
    if (parsed.bound) addTo(this.#rowsBoundBy, parsed.bound, time);
    if ('problem' in parsed) {
      this.#count(parsed.problem, 1);
      return;
    }
    this.touchedThreads.add(parsed.id);
    const had = this.#byId.get(parsed.id);
    if (!had) this.#byId.set(parsed.id, time);
    else {
      const list = Array.isArray(had) ? had : [had];
      if (list !== had) this.#byId.set(parsed.id, list);
      this.duplicates++;
      let i = list.length;
      while (i > 0 && precedes(time, list[i - 1] as Element)) i--;
      list.splice(i, 0, time);
      if (i === 0) this.#markRow(list[1]);
      if (i === 0) this.threads.relinkChildrenOf(parsed.id);
    }
  }

  #unindex(time: Element, parsed: Parsed): void {
    if (parsed.row) this.dirty.add(parsed.row);
    if (parsed.row && this.#timeOfRow.get(parsed.row) === time) {
      this.#timeOfRow.delete(parsed.row);
      this.#rowsMoved.add(parsed.row);
    }
    if (parsed.bound) removeFrom(this.#rowsBoundBy, parsed.bound, time);
    if ('problem' in parsed) {
      this.#count(parsed.problem, -1);
      return;
    }
    this.touchedThreads.add(parsed.id);
    if (parsed.link) this.touchedThreads.add(parsed.link.threadKey);
    const had = this.#byId.get(parsed.id);
    let i = -1;
    if (had === time) {
      i = 0;
      this.#byId.delete(parsed.id);
    } else if (Array.isArray(had)) {
      i = had.indexOf(time);
      if (i >= 0) {
        had.splice(i, 1);
        this.duplicates--;
        if (had.length === 1) this.#byId.set(parsed.id, had[0]!);
        if (i === 0) this.#markRow(had[0]);
      }
    }
    this.threads.unlink(parsed);
    if (i === 0) this.threads.relinkChildrenOf(parsed.id);
  }

  /** Forgets a timestamp. */
  drop(time: Element): boolean {
    const parsed = this.#recs.get(time);
    if (!parsed) return false;
    this.#unindex(time, parsed);
    this.#recs.delete(time);
    this.order.remove(time);
    this.threads.unblock(time);
    return true;
  }

  #count(key: ReasonKey, by: number): void {
    const n = (this.problems.get(key) ?? 0) + by;
    if (n > 0) this.problems.set(key, n);
    else this.problems.delete(key);
  }

  #markRow(time: Element | undefined): void {
    const parsed = time && this.#recs.get(time);
    if (parsed?.row) this.dirty.add(parsed.row);
  }

  /** The readable comment a timestamp's row shows, first row of its id or not. */
  entryOf(time: Element): Entry | undefined {
    const parsed = this.#recs.get(time);
    return parsed && !('problem' in parsed) ? parsed : undefined;
  }

  /** The readable comment a timestamp shows, when it is the first row showing that id. */
  primary(time: Element): Entry | undefined {
    const entry = this.entryOf(time);
    return entry && this.#firstOf(entry.id) === time ? entry : undefined;
  }

  /** The comment `id` shows: its first row's. */
  primaryOf(id: string): Entry | undefined {
    const time = this.#firstOf(id);
    return time ? this.primary(time) : undefined;
  }

  /** The first row (in document order) showing `id`. */
  #firstOf(id: string): Element | undefined {
    const had = this.#byId.get(id);
    return Array.isArray(had) ? had[0] : had;
  }

  /** The comment the element shows now, built once per change of its row. */
  commentOf(element: HTMLElement): ReadComment | null {
    const time = this.#timeOfRow.get(element);
    const entry = time && this.primary(time);
    if (!entry) return null;
    entry.out ??= { comment: toComment(entry, this.code), element: entry.row };
    return entry.out;
  }

  /** Inside a comment row read from its timestamp. */
  holds(el: Element): boolean {
    for (let at = el.parentElement; at && at !== this.scope; at = at.parentElement) {
      this.touch();
      if (this.#timeOfRow.has(at)) return true;
    }
    return false;
  }

  /**
   * What a change inside `at` reads again: the row `at` is (its timestamp, and its pictures and controls, which may
   * have changed sides), and the rows `at` kept from growing.
   */
  around(at: Element, times: Set<Element>, avatars: Set<Element>, controls: Set<Element>): void {
    const time = this.#timeOfRow.get(at);
    if (time) {
      times.add(time);
      for (const avatar of avatarLinks(at)) avatars.add(avatar);
      for (const control of at.querySelectorAll(SEL.control)) controls.add(control);
    }
    const bound = this.#rowsBoundBy.get(at);
    if (bound) for (const time of bound) times.add(time);
  }

  /** The pictures and controls inside the elements that became or stopped being rows in this batch. */
  takeMoved(avatars: Set<Element>, controls: Set<Element>): void {
    for (const row of this.#rowsMoved) {
      if (!row.isConnected || !this.scope.contains(row)) continue;
      for (const avatar of avatarLinks(row)) {
        this.touch();
        avatars.add(avatar);
      }
      for (const control of row.querySelectorAll(SEL.control)) controls.add(control);
    }
    this.#rowsMoved.clear();
  }
}
