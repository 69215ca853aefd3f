// Reads the comments of one Instagram post incrementally. Instagram keeps every loaded comment in the DOM and appends
// 12–24 at a time, so the reader keeps what it found (each comment row by its timestamp, rows without a readable
// timestamp, the controls that hold part of the conversation back) and the page-wide counts up to date from the
// nodes that changed: a batch costs what it touched, not the size of the page. The first read is one pass over the
// post (the whole post is "what changed").
import { t, tn } from '../../i18n';
import type { CollapsedPart, ReadComment, ReadDelta } from '../types';
import {
  type Entry,
  linkOf,
  type Parsed,
  parseRow,
  type ReasonKey,
  rowCandidateOf,
  type ThreadFacts,
  toComment,
} from './conversation-parts';
import { DocOrder } from './doc-order';
import { addTo, HiddenParts, removeFrom } from './hidden-parts';
import { avatarLinks, precedes, profileLinkHandle } from './rows';
import { parseCommentHref, SEL } from './selectors';

export interface ConversationRead {
  /** Every comment (a full read), or with `delta` only those whose row is new or changed since the last read. */
  comments: ReadComment[];
  delta?: ReadDelta;
  collapsed: CollapsedPart[];
  candidates: number;
  problems: string[];
}

/** What one read did: elements it looked at. Follows the change, never the page (a unit test holds it to that). */
export interface ReadWork {
  /** Elements visited: comment timestamps and controls found, ancestors walked, rows parsed. */
  touched: number;
  /** Rows parsed (new or changed). */
  parsed: number;
}

/** One comment timestamp of this post and what its row says. */
interface Rec {
  time: Element;
  parsed: Parsed;
  /** Built once per parse: what the read hands out (`order` refreshed when the list is put together). */
  out?: ReadComment;
}

/** Reasons in a fixed order, so the sentence does not depend on which row was seen first. */
const REASON_KEYS: readonly ReasonKey[] = [
  'problem_reason_no_row',
  'problem_reason_no_author',
  'problem_reason_bad_time',
  'problem_reason_duplicate_comment',
  'problem_reason_no_time',
];
/** Rows checked per batch for having left the page unseen (a safety net; removals are normally named). */
const SWEEP = 8;

export class ConversationReader {
  /** What the last read did. */
  work: ReadWork = { touched: 0, parsed: 0 };
  #scope: Element | null = null;
  #code = '';
  #base: URL = new URL('https://www.instagram.com/');
  #owner: Element | null = null;

  /** This post's comment timestamps. */
  readonly #recs = new Map<Element, Rec>();
  /** Row element → its timestamp (readable, unreadable and duplicate rows). */
  readonly #timeOfRow = new Map<Element, Element>();
  /** The timestamps in document order. */
  readonly #order = new DocOrder(() => {
    this.work.touched++;
  });
  /** Readable rows by comment id, in document order: the first shows the comment, the others are duplicates. */
  readonly #byId = new Map<string, Element[]>();
  /** Rows beyond the first showing one id. */
  #duplicates = 0;
  /** Rows kept from growing by a block holding other comments (see `rowOf`): a change inside it reads them again. */
  readonly #rowsBoundBy = new Map<Element, Set<Element>>();
  /** Rows by the block their thread was decided in (a change inside it decides again), and back. */
  readonly #rowsOfBlock = new Map<Element, Set<Element>>();
  readonly #blockOf = new Map<Element, Element>();
  /** Rows whose parent link names this id (to place them again when their parent changes or goes). */
  readonly #childrenOf = new Map<string, Set<Element>>();
  readonly #problems = new Map<ReasonKey, number>();
  /** Rows without a readable timestamp, each with the profile pictures that found it. */
  readonly #timeless = new Map<Element, Set<Element>>();
  readonly #timelessOfAvatar = new Map<Element, Element>();
  /**
   * Profile pictures outside comment rows by the block their judgement ("a row without a timestamp", or not) looked
   * at, and back: a change inside that block judges them again (a caption whose link stops naming the post becomes
   * such a row).
   */
  readonly #judgedIn = new Map<Element, Set<Element>>();
  readonly #judgeBlockOf = new Map<Element, Element>();
  /** Rows that became or stopped being rows without a timestamp in this batch: their controls change sides. */
  readonly #timelessMoved = new Set<Element>();
  /**
   * Elements that became or stopped being comment rows in this batch: the profile pictures inside them change sides
   * (a row that grew around a row without a timestamp swallows it; a row that went leaves its pictures outside).
   */
  readonly #rowsMoved = new Set<Element>();
  /** Controls outside comment rows that may hold part of the conversation back (made per post by `#reset`). */
  #parts!: HiddenParts;
  /** Threads whose rows changed in this batch (ids and thread keys). */
  readonly #touchedThreads = new Set<string>();
  readonly #facts: ThreadFacts = {
    primary: (time) => this.#primary(time),
    top: (threadKey) => {
      const time = this.#byId.get(threadKey)?.[0];
      const entry = time ? this.#primary(time) : undefined;
      return entry && !entry.link?.parentId ? entry : undefined;
    },
    nextTop: (top) => this.#nextTop(top),
    lastReply: (threadKey) => this.#lastReply(threadKey),
    first: () => this.#first(),
    editor: null,
  };
  /** Rows to place in their thread again, because the row they named as parent changed. */
  readonly #pendingRelink = new Set<Element>();
  #sweepAt = 0;
  /** What the last read reported each element shows (the baseline of the next delta). */
  #shown = new Map<HTMLElement, ReadComment>();
  /** Elements whose comment may have changed in this batch. */
  readonly #dirty = new Set<HTMLElement>();

  /**
   * Reads the comments of `scope` for post `code`. `changed`: the nodes the page changed since the last read (added
   * subtrees, changed nodes, nodes something was removed from, and removed nodes); without it, or for another
   * scope, post or owner, everything is read again.
   */
  read(
    scope: Element,
    code: string,
    base: URL,
    changed: ReadonlySet<Node> | null,
    owner: Element | null = null,
    asDelta = false,
  ): ConversationRead {
    this.work = { touched: 0, parsed: 0 };
    let full = !asDelta;
    if (!changed || scope !== this.#scope || code !== this.#code || owner !== this.#owner) {
      this.#reset(scope, code, base, owner);
      this.#apply(new Set([scope]));
      full = true;
    } else if (changed.size) {
      this.#apply(changed);
    }
    return full ? this.#fullResult() : this.#deltaResult();
  }

  #reset(scope: Element, code: string, base: URL, owner: Element | null): void {
    this.#scope = scope;
    this.#code = code;
    this.#base = base;
    this.#owner = owner;
    this.#recs.clear();
    this.#timeOfRow.clear();
    this.#order.times = [];
    this.#order.dirty = false;
    this.#byId.clear();
    this.#duplicates = 0;
    this.#pendingRelink.clear();
    this.#childrenOf.clear();
    this.#rowsOfBlock.clear();
    this.#rowsBoundBy.clear();
    this.#blockOf.clear();
    this.#problems.clear();
    this.#timeless.clear();
    this.#timelessOfAvatar.clear();
    this.#judgedIn.clear();
    this.#judgeBlockOf.clear();
    this.#timelessMoved.clear();
    this.#rowsMoved.clear();
    this.#parts = this.#newParts(scope);
    this.#touchedThreads.clear();
    this.#shown.clear();
    this.#dirty.clear();
  }

  // ---- one batch -------------------------------------------------------------------------------------------

  #apply(changed: ReadonlySet<Node>): void {
    const scope = this.#scope as Element;
    const times = new Set<Element>();
    const avatars = new Set<Element>();
    const controls = new Set<Element>();
    let dropped = false;
    /** Changes that brought or moved comment rows, and the other changes inside the post. */
    const structural: Element[] = [];
    const inside: Element[] = [];
    for (const node of changed) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el) continue;
      if (!scope.contains(el)) {
        // Removed: forget what was found inside it (the removed subtree is still whole).
        if (!el.isConnected) dropped = this.#forgetIn(el) || dropped;
        continue;
      }
      // Inside: the subtree may hold new rows, pictures and controls; the rows, timeless rows and controls around
      // the change are read again.
      // Structural when the subtree holds comment rows, even ones already named by another change of the batch.
      if (this.#collectIn(el, times, avatars, controls)) structural.push(el);
      else inside.push(el);
      this.#collectAround(el, times, avatars, controls);
    }
    // A row around a change may have lost its timestamp to a removal named in the same batch.
    for (const time of times) {
      if (time.isConnected && scope.contains(time)) continue;
      times.delete(time);
      dropped = this.#drop(time) || dropped;
    }
    dropped = this.#sweep() || dropped;
    if (dropped) this.#compact();
    const fresh: Entry[] = [];
    for (const time of times) {
      const entry = this.#parse(time);
      if (entry) fresh.push(entry);
    }
    // A timestamp found again may have moved (taken out and put back in one batch): keep the order true.
    if (this.#order.dirty) this.#order.sort(this.#recs.keys());
    else if (this.#order.times.length !== this.#recs.size) this.#compact();
    // Rows came, went or moved: the rows after the change, and those whose thread was decided in a block around
    // it, look at their thread again (a row is placed by the first comment of the blocks around it).
    if (dropped) structural.push(...inside);
    for (const el of structural) this.#restructured(el);
    this.#relink(fresh);
    for (const row of this.#rowsMoved) {
      if (!row.isConnected || !scope.contains(row)) continue;
      for (const avatar of avatarLinks(row)) {
        this.work.touched++;
        avatars.add(avatar);
      }
      for (const control of row.querySelectorAll(SEL.control)) controls.add(control);
    }
    this.#rowsMoved.clear();
    for (const avatar of avatars) this.#placeAvatar(avatar);
    for (const row of this.#timelessMoved)
      for (const control of row.querySelectorAll(SEL.control)) controls.add(control);
    this.#timelessMoved.clear();
    this.#parts.place(controls, this.#touchedThreads);
    this.#touchedThreads.clear();
  }

  /** Timestamps, profile pictures and controls inside `el` (itself included); true when it holds a timestamp. */
  #collectIn(el: Element, times: Set<Element>, avatars: Set<Element>, controls: Set<Element>): boolean {
    const before = times.size + avatars.size + controls.size;
    let found = false;
    // A time read before is read again even when its link no longer makes it a comment's (an href changed).
    const take = (time: Element) => {
      if (!this.#recs.has(time) && !time.matches(SEL.commentTime)) return;
      times.add(time);
      found = true;
    };
    if (el.localName === 'time') take(el);
    for (const time of el.getElementsByTagName('time')) take(time);
    for (const avatar of avatarLinks(el)) avatars.add(avatar);
    if (el.matches(SEL.control)) controls.add(el);
    for (const control of el.querySelectorAll(SEL.control)) controls.add(control);
    this.#parts.noteAdded(el);
    this.work.touched += times.size + avatars.size + controls.size - before;
    return found;
  }

  /** A subtree left the page: its rows, rows without a timestamp and controls go. True when a row went. */
  #forgetIn(el: Element): boolean {
    let dropped = false;
    const each = (selector: string, fn: (found: Element) => void) => {
      if (el.matches(selector)) fn(el);
      for (const found of el.querySelectorAll(selector)) fn(found);
    };
    // Any time element: the link that made it a comment's may have stayed behind.
    each('time', (time) => {
      this.work.touched++;
      if (this.#recs.has(time)) dropped = this.#drop(time) || dropped;
    });
    each(SEL.link, (link) => {
      this.#unplaceAvatar(link);
      this.#unjudge(link);
    });
    each(SEL.control, (control) => this.#parts.forget(control));
    return dropped;
  }

  /** A few rows per batch, in turn, checked for having left the post without the change naming them. */
  #sweep(): boolean {
    let dropped = false;
    const scope = this.#scope as Element;
    const times = this.#order.times;
    for (let i = 0; i < SWEEP && i < times.length; i++) {
      this.#sweepAt = (this.#sweepAt + 1) % times.length;
      const time = times[this.#sweepAt] as Element;
      if (this.#recs.has(time) && !(time.isConnected && scope.contains(time))) dropped = this.#drop(time) || dropped;
    }
    return dropped;
  }

  /** Takes timestamps that were dropped out of the document order. */
  #compact(): void {
    this.#order.keep((time) => this.#recs.has(time));
  }

  /** What sits around a change: the row, timeless row and control it landed in, and controls decided above it. */
  #collectAround(el: Element, times: Set<Element>, avatars: Set<Element>, controls: Set<Element>): void {
    const scope = this.#scope as Element;
    for (let at: Element | null = el; at && at !== scope.parentElement; at = at.parentElement) {
      this.work.touched++;
      const time = this.#timeOfRow.get(at);
      if (time) {
        times.add(time);
        // The row's pictures and controls may have changed sides.
        for (const avatar of avatarLinks(at)) avatars.add(avatar);
        for (const control of at.querySelectorAll(SEL.control)) controls.add(control);
      }
      const found = this.#timeless.get(at);
      if (found) for (const avatar of found) avatars.add(avatar);
      const bound = this.#rowsBoundBy.get(at);
      if (bound) for (const time of bound) times.add(time);
      this.#parts.decidedIn(at, controls);
      if (at.matches(SEL.control)) controls.add(at);
      if (at.localName === 'a' && this.#timelessOfAvatar.has(at)) avatars.add(at);
      const judged = this.#judgedIn.get(at);
      if (judged) for (const avatar of judged) avatars.add(avatar);
    }
  }

  // ---- rows ------------------------------------------------------------------------------------------------

  /** Reads one timestamp's row (again); returns it when it is a readable comment that needs placing in a thread. */
  #parse(time: Element): Entry | null {
    this.work.parsed++;
    const old = this.#recs.get(time);
    const link = time.closest('a');
    const target = link ? parseCommentHref(link.getAttribute('href'), this.#base) : null;
    if (!link || !target || target.code !== this.#code) {
      // Another post's comment (a feed behind a dialog), or no longer a comment: left in the order until compacted.
      if (old) this.#drop(time);
      return null;
    }
    if (old) this.#unindex(old);
    else this.#order.insert(time);
    const parsed = parseRow(time, link, target.id, target.parentId, this.#scope as Element);
    const rec: Rec = { time, parsed };
    this.#recs.set(time, rec);
    if (old) this.#order.check(time);
    this.#index(rec);
    return 'problem' in parsed ? null : parsed;
  }

  #index(rec: Rec): void {
    const { parsed, time } = rec;
    if (parsed.row) {
      if (this.#timeOfRow.get(parsed.row) !== time) this.#rowsMoved.add(parsed.row);
      this.#timeOfRow.set(parsed.row, time);
      this.#dirty.add(parsed.row);
    }
    if (parsed.bound) addTo(this.#rowsBoundBy, parsed.bound, time);
    if ('problem' in parsed) {
      this.#count(parsed.problem, 1);
      return;
    }
    this.#touchedThreads.add(parsed.id);
    const list = this.#byId.get(parsed.id);
    if (!list) this.#byId.set(parsed.id, [time]);
    else {
      this.#duplicates++;
      let i = list.length;
      while (i > 0 && precedes(time, list[i - 1] as Element)) i--;
      list.splice(i, 0, time);
      if (i === 0) this.#markRow(list[1]);
      // The id's first row changed: rows placed under the one it replaced look again.
      if (i === 0) this.#relinkChildrenOf(parsed.id);
    }
  }

  #unindex(rec: Rec): void {
    const { parsed, time } = rec;
    if (parsed.row) this.#dirty.add(parsed.row);
    if (parsed.row && this.#timeOfRow.get(parsed.row) === time) {
      this.#timeOfRow.delete(parsed.row);
      this.#rowsMoved.add(parsed.row);
    }
    if (parsed.bound) removeFrom(this.#rowsBoundBy, parsed.bound, time);
    if ('problem' in parsed) {
      this.#count(parsed.problem, -1);
      return;
    }
    this.#touchedThreads.add(parsed.id);
    if (parsed.link) this.#touchedThreads.add(parsed.link.threadKey);
    const list = this.#byId.get(parsed.id);
    const i = list ? list.indexOf(time) : -1;
    if (list && i >= 0) {
      list.splice(i, 1);
      if (list.length) this.#duplicates--;
      else this.#byId.delete(parsed.id);
      if (i === 0) this.#markRow(list[0]);
    }
    if (parsed.link?.parentId) this.#childrenOf.get(parsed.link.parentId)?.delete(time);
    if (i === 0) this.#relinkChildrenOf(parsed.id);
  }

  /** Forgets a timestamp; the document order keeps it until `compact`. */
  #drop(time: Element): boolean {
    const rec = this.#recs.get(time);
    if (!rec) return false;
    this.#unindex(rec);
    this.#recs.delete(time);
    const block = this.#blockOf.get(time);
    if (block) {
      removeFrom(this.#rowsOfBlock, block, time);
      this.#blockOf.delete(time);
    }
    return true;
  }

  #count(key: ReasonKey, by: number): void {
    const n = (this.#problems.get(key) ?? 0) + by;
    if (n > 0) this.#problems.set(key, n);
    else this.#problems.delete(key);
  }

  #relinkChildrenOf(id: string): void {
    for (const child of this.#childrenOf.get(id) ?? []) this.#pendingRelink.add(child);
  }

  #restructured(el: Element): void {
    const times = this.#order.times;
    for (let i = this.#order.startOf(el); i < times.length; i++) this.#pendingRelink.add(times[i] as Element);
    for (let at: Element | null = el; at && at !== this.#scope?.parentElement; at = at.parentElement) {
      for (const time of this.#rowsOfBlock.get(at) ?? []) this.#pendingRelink.add(time);
    }
  }

  /** Places new rows, and rows whose parent changed, in their threads (parents first: document order). */
  #relink(fresh: Entry[]): void {
    const todo = new Set<Entry>(fresh);
    for (const time of this.#pendingRelink) {
      const rec = this.#recs.get(time);
      if (rec && !('problem' in rec.parsed)) todo.add(rec.parsed);
    }
    this.#pendingRelink.clear();
    const queue = [...todo].sort((a, b) => (a.time === b.time ? 0 : precedes(a.time, b.time) ? -1 : 1));
    for (let i = 0; i < queue.length; i++) {
      const entry = queue[i] as Entry;
      const rec = this.#recs.get(entry.time);
      if (!rec || rec.parsed !== entry) continue;
      const before = entry.link;
      if (before?.parentId) this.#childrenOf.get(before.parentId)?.delete(entry.time);
      if (this.#blockOf.has(entry.time)) {
        removeFrom(this.#rowsOfBlock, this.#blockOf.get(entry.time) as Element, entry.time);
        this.#blockOf.delete(entry.time);
      }
      const { link, block } = linkOf(entry, this.#scope as Element, (time) => this.#primary(time));
      entry.link = link;
      if (block) {
        addTo(this.#rowsOfBlock, block, entry.time);
        this.#blockOf.set(entry.time, block);
      }
      this.#touchedThreads.add(link.threadKey);
      if (before) this.#touchedThreads.add(before.threadKey);
      if (link.parentId) {
        const set = this.#childrenOf.get(link.parentId) ?? new Set<Element>();
        set.add(entry.time);
        this.#childrenOf.set(link.parentId, set);
      }
      if (!before || before.parentId !== link.parentId || before.threadKey !== link.threadKey) {
        rec.out = undefined;
        this.#dirty.add(entry.row);
      }
      // Its own replies follow its thread.
      if (before && before.threadKey !== link.threadKey) {
        for (const child of this.#childrenOf.get(entry.id) ?? []) {
          const r = this.#recs.get(child);
          if (r && !('problem' in r.parsed) && !queue.includes(r.parsed)) queue.push(r.parsed);
        }
      }
    }
  }

  #markRow(time: Element | undefined): void {
    const rec = time && this.#recs.get(time);
    if (rec?.parsed.row) this.#dirty.add(rec.parsed.row);
  }

  /** The readable comment a timestamp shows, when it is the first row showing that id. */
  #primary(time: Element): Entry | undefined {
    const rec = this.#recs.get(time);
    if (!rec || 'problem' in rec.parsed) return undefined;
    return this.#byId.get(rec.parsed.id)?.[0] === time ? rec.parsed : undefined;
  }

  // ---- rows without a timestamp ----------------------------------------------------------------------------

  /** Rows without a readable timestamp still count: more candidates than comments says the view is not whole. */
  #placeAvatar(avatar: Element): void {
    this.work.touched++;
    this.#unplaceAvatar(avatar);
    this.#unjudge(avatar);
    const scope = this.#scope as Element;
    if (!profileLinkHandle(avatar) || !avatar.querySelector('img')) return;
    if (avatar === this.#owner || !avatar.isConnected || !scope.contains(avatar) || this.#insideRow(avatar)) return;
    const { row, block } = rowCandidateOf(avatar, scope, this.#owner, this.#base);
    addTo(this.#judgedIn, block, avatar);
    this.#judgeBlockOf.set(avatar, block);
    if (!row) return;
    this.#timelessOfAvatar.set(avatar, row);
    const found = this.#timeless.get(row);
    if (found) found.add(avatar);
    else {
      this.#timeless.set(row, new Set([avatar]));
      this.#timelessMoved.add(row);
    }
  }

  #unplaceAvatar(avatar: Element): void {
    const row = this.#timelessOfAvatar.get(avatar);
    if (!row) return;
    this.#timelessOfAvatar.delete(avatar);
    const found = this.#timeless.get(row);
    found?.delete(avatar);
    if (found && !found.size) {
      this.#timeless.delete(row);
      this.#timelessMoved.add(row);
    }
  }

  #unjudge(avatar: Element): void {
    const block = this.#judgeBlockOf.get(avatar);
    if (!block) return;
    this.#judgeBlockOf.delete(avatar);
    removeFrom(this.#judgedIn, block, avatar);
  }

  /** Inside a comment row read from its timestamp. */
  #insideRow(el: Element): boolean {
    const scope = this.#scope as Element;
    for (let at = el.parentElement; at && at !== scope; at = at.parentElement) {
      this.work.touched++;
      if (this.#timeOfRow.has(at)) return true;
    }
    return false;
  }

  // ---- hidden parts ----------------------------------------------------------------------------------------

  #insideTimeless(el: Element): boolean {
    if (!this.#timeless.size) return false;
    for (let at = el.parentElement; at && at !== this.#scope; at = at.parentElement)
      if (this.#timeless.has(at)) return true;
    return false;
  }

  #newParts(scope: Element): HiddenParts {
    return new HiddenParts({
      scope,
      facts: this.#facts,
      inRow: (el) => this.#insideRow(el) || this.#insideTimeless(el),
      touch: () => {
        this.work.touched++;
      },
    });
  }

  /** The next top-level comment after `top` in document order. */
  #nextTop(top: Entry): Entry | undefined {
    const times = this.#order.times;
    let i = this.#order.slot(top.time);
    if (times[i] === top.time) i++;
    for (; i < times.length; i++) {
      this.work.touched++;
      const entry = this.#primary(times[i] as Element);
      if (entry && !entry.link?.parentId) return entry;
    }
    return undefined;
  }

  /** The last reply shown in a thread, in document order. */
  #lastReply(threadKey: string): Element | undefined {
    let last: Element | undefined;
    const walk = (id: string, seen: Set<string>) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const child of this.#childrenOf.get(id) ?? []) {
        const entry = this.#primary(child);
        if (!entry || entry.link?.threadKey !== threadKey) continue;
        if (!last || precedes(last, child)) last = child;
        walk(entry.id, seen);
      }
    };
    walk(threadKey, new Set());
    return last;
  }

  #first(): Entry | undefined {
    for (const time of this.#order.times) {
      const entry = this.#primary(time);
      if (entry) return entry;
    }
    return undefined;
  }

  // ---- the result ------------------------------------------------------------------------------------------

  /** The comment the element shows now, built once per change of its row. */
  #commentOf(element: HTMLElement): ReadComment | null {
    const time = this.#timeOfRow.get(element);
    const entry = time && this.#primary(time);
    if (!entry) return null;
    const rec = this.#recs.get(entry.time) as Rec;
    rec.out ??= { comment: toComment(entry, this.#code), element: entry.row };
    return rec.out;
  }

  /** Every comment in document order; the baseline of the deltas that follow. */
  #fullResult(): ConversationRead {
    const comments: ReadComment[] = [];
    this.#shown.clear();
    this.#dirty.clear();
    for (const time of this.#order.times) {
      const entry = this.#primary(time);
      const out = entry && this.#commentOf(entry.row);
      if (!out) continue;
      out.comment.order = comments.length;
      comments.push(out);
      this.#shown.set(out.element, out);
    }
    return { ...this.#health(), comments };
  }

  /** Only the elements whose comment changed since the last read, and those that show none now. */
  #deltaResult(): ConversationRead {
    const comments: ReadComment[] = [];
    const released: HTMLElement[] = [];
    for (const element of this.#dirty) {
      const was = this.#shown.get(element);
      const now = this.#commentOf(element);
      if (!now) {
        if (was) {
          released.push(element);
          this.#shown.delete(element);
        }
        continue;
      }
      this.#shown.set(element, now);
      if (was !== now) comments.push(now); // built again only when its row was read again or re-threaded
    }
    this.#dirty.clear();
    return { ...this.#health(), comments, delta: { released, readable: this.#byId.size } };
  }

  /** Whole-page health from running totals. */
  #health(): Omit<ConversationRead, 'comments'> {
    // No comment at all: no hidden part either (nothing to hang one on).
    const collapsed = this.#parts.list(this.#first() !== undefined);
    const duplicates = this.#duplicates;
    let unreadable = duplicates + this.#timeless.size;
    for (const n of this.#problems.values()) unreadable += n;
    const candidates = this.#recs.size + this.#timeless.size;
    const problems: string[] = [];
    if (unreadable > 0) {
      const reasons = REASON_KEYS.filter(
        (k) =>
          this.#problems.has(k) ||
          (k === 'problem_reason_duplicate_comment' && duplicates > 0) ||
          (k === 'problem_reason_no_time' && this.#timeless.size > 0),
      ).map((k) => t(k));
      problems.push(
        tn('problem_comments_unreadable_count', unreadable, { total: candidates, reasons: reasons.join('; ') }),
      );
    }
    return { collapsed, candidates, problems };
  }
}
