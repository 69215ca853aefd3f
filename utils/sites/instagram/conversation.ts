// Reads the comments of one Instagram post incrementally. Instagram keeps every loaded comment in the DOM and appends
// 12–24 at a time, so the reader keeps what it found (each comment row by its timestamp, rows without a readable
// timestamp, the controls that hold part of the conversation back) and the page-wide counts up to date from the
// nodes that changed: a batch costs what it touched, not the size of the page. The first read is one pass over the
// post (the whole post is "what changed").
import { t, tn } from '../../i18n';
import type { CollapsedPart, ReadComment, ReadDelta } from '../types';
import {
  type ControlReading,
  type Entry,
  linkOf,
  type Parsed,
  parseRow,
  type ReasonKey,
  readControl,
  rowCandidateOf,
  type ThreadFacts,
  toComment,
} from './conversation-parts';
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
  #order: Element[] = [];
  #orderDirty = false;
  /** Readable rows by comment id, in document order: the first shows the comment, the others are duplicates. */
  readonly #byId = new Map<string, Element[]>();
  /** Rows beyond the first showing one id. */
  #duplicates = 0;
  /** Rows by the block their thread was decided in (a change inside it decides again), and back. */
  readonly #rowsOfBlock = new Map<Element, Set<Element>>();
  readonly #blockOf = new Map<Element, Element>();
  /** Rows whose parent link names this id (to place them again when their parent changes or goes). */
  readonly #childrenOf = new Map<string, Set<Element>>();
  readonly #problems = new Map<ReasonKey, number>();
  /** Rows without a readable timestamp, each with the profile pictures that found it. */
  readonly #timeless = new Map<Element, Set<Element>>();
  readonly #timelessOfAvatar = new Map<Element, Element>();
  /** Controls outside comment rows that may hold part of the conversation back, and what they hold. */
  readonly #controls = new Map<Element, ControlReading>();
  /** Controls by the block their thread was decided in: a change inside it decides again. */
  readonly #controlsOfBlock = new Map<Element, Set<Element>>();
  /** Controls by the thread they looked at. */
  readonly #controlsOfThread = new Map<string, Set<Element>>();
  /** Threads whose rows changed in this batch (ids and thread keys). */
  readonly #touchedThreads = new Set<string>();
  /** Controls decided outside any thread. */
  readonly #loose = new Set<Element>();
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
  #editor: Element | null = null;
  /** The reply box must be looked for again (first read, or a change brought or took one). */
  #editorStale = true;
  /** Rows to place in their thread again, because the row they named as parent changed. */
  readonly #pendingRelink = new Set<Element>();
  #sweepAt = 0;
  #collapsed: CollapsedPart[] = [];
  /** A control's part came, went or changed: the list of hidden parts is built again. */
  #partsChanged = false;
  #hadFirst = false;
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
    this.#order = [];
    this.#orderDirty = false;
    this.#byId.clear();
    this.#duplicates = 0;
    this.#pendingRelink.clear();
    this.#childrenOf.clear();
    this.#rowsOfBlock.clear();
    this.#blockOf.clear();
    this.#problems.clear();
    this.#timeless.clear();
    this.#timelessOfAvatar.clear();
    this.#controls.clear();
    this.#controlsOfBlock.clear();
    this.#controlsOfThread.clear();
    this.#touchedThreads.clear();
    this.#loose.clear();
    this.#editor = null;
    this.#editorStale = true;
    this.#collapsed = [];
    this.#partsChanged = true;
    this.#hadFirst = false;
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
      const before = times.size;
      this.#collectIn(el, times, avatars, controls);
      if (times.size > before) structural.push(el);
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
    if (this.#orderDirty) this.#sortOrder();
    else if (this.#order.length !== this.#recs.size) this.#compact();
    // Rows came, went or moved: the rows after the change, and those whose thread was decided in a block around
    // it, look at their thread again (a row is placed by the first comment of the blocks around it).
    if (dropped) structural.push(...inside);
    for (const el of structural) this.#restructured(el);
    this.#relink(fresh);
    for (const avatar of avatars) this.#placeAvatar(avatar);
    this.#placeControls(controls);
  }

  /** Timestamps, profile pictures and controls inside `el` (itself included). */
  #collectIn(el: Element, times: Set<Element>, avatars: Set<Element>, controls: Set<Element>): void {
    const before = times.size + avatars.size + controls.size;
    if (el.matches(SEL.commentTime)) times.add(el);
    for (const time of el.querySelectorAll(SEL.commentTime)) times.add(time);
    for (const avatar of avatarLinks(el)) avatars.add(avatar);
    if (el.matches(SEL.control)) controls.add(el);
    for (const control of el.querySelectorAll(SEL.control)) controls.add(control);
    if (el.matches(SEL.editor) || el.querySelector(SEL.editor)) this.#editorStale = true;
    this.work.touched += times.size + avatars.size + controls.size - before;
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
    each(SEL.link, (link) => this.#unplaceAvatar(link));
    each(SEL.control, (control) => this.#forgetControl(control));
    return dropped;
  }

  /** A few rows per batch, in turn, checked for having left the post without the change naming them. */
  #sweep(): boolean {
    let dropped = false;
    const scope = this.#scope as Element;
    for (let i = 0; i < SWEEP && i < this.#order.length; i++) {
      this.#sweepAt = (this.#sweepAt + 1) % this.#order.length;
      const time = this.#order[this.#sweepAt] as Element;
      if (this.#recs.has(time) && !(time.isConnected && scope.contains(time))) dropped = this.#drop(time) || dropped;
    }
    return dropped;
  }

  /** Takes timestamps that were dropped out of the document order. */
  #compact(): void {
    this.#order = this.#order.filter((time) => this.#recs.has(time));
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
      const decided = this.#controlsOfBlock.get(at);
      if (decided) for (const control of decided) controls.add(control);
      if (at.matches(SEL.control)) controls.add(at);
      if (at.localName === 'a' && this.#timelessOfAvatar.has(at)) avatars.add(at);
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
    else this.#insertOrder(time);
    const parsed = parseRow(time, link, target.id, target.parentId, this.#scope as Element);
    const rec: Rec = { time, parsed };
    this.#recs.set(time, rec);
    if (old) this.#checkPlace(time);
    this.#index(rec);
    return 'problem' in parsed ? null : parsed;
  }

  #index(rec: Rec): void {
    const { parsed, time } = rec;
    if (parsed.row) {
      this.#timeOfRow.set(parsed.row, time);
      this.#dirty.add(parsed.row);
    }
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
    if (parsed.row && this.#timeOfRow.get(parsed.row) === time) this.#timeOfRow.delete(parsed.row);
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
    for (let i = this.#startOf(el); i < this.#order.length; i++) this.#pendingRelink.add(this.#order[i] as Element);
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

  // ---- document order --------------------------------------------------------------------------------------

  /** Where `time` goes in `order`: binary search by document position (appended rows land at the end at once). */
  #slot(time: Element): number {
    const order = this.#order;
    const last = order[order.length - 1];
    if (!last || precedes(last, time)) return order.length;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      this.work.touched++;
      if (precedes(order[mid] as Element, time)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first timestamp at or after `el`: looked for from the end first (changes mostly land there). */
  #startOf(el: Element): number {
    let i = this.#order.length;
    for (let steps = 0; i > 0 && steps < 64; steps++, i--) {
      this.work.touched++;
      if (!precedes(el, this.#order[i - 1] as Element)) return i;
    }
    return i === 0 ? 0 : this.#slot(el);
  }

  #insertOrder(time: Element): void {
    if (this.#orderDirty) this.#order.push(time);
    else this.#order.splice(this.#slot(time), 0, time);
  }

  /** A row read again: if its timestamp moved, the order is sorted again once. */
  #checkPlace(time: Element): void {
    if (this.#orderDirty) return;
    const i = this.#slot(time);
    if (this.#order[i] !== time) this.#orderDirty = true;
  }

  #sortOrder(): void {
    this.#order = [...this.#recs.keys()].sort((a, b) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
    this.#orderDirty = false;
  }

  // ---- rows without a timestamp ----------------------------------------------------------------------------

  /** Rows without a readable timestamp still count: more candidates than comments says the view is not whole. */
  #placeAvatar(avatar: Element): void {
    this.work.touched++;
    this.#unplaceAvatar(avatar);
    const scope = this.#scope as Element;
    if (!profileLinkHandle(avatar) || !avatar.querySelector('img')) return;
    if (avatar === this.#owner || !avatar.isConnected || !scope.contains(avatar) || this.#insideRow(avatar)) return;
    const row = rowCandidateOf(avatar, scope, this.#owner, this.#base);
    if (!row) return;
    this.#timelessOfAvatar.set(avatar, row);
    const found = this.#timeless.get(row) ?? new Set<Element>();
    found.add(avatar);
    this.#timeless.set(row, found);
  }

  #unplaceAvatar(avatar: Element): void {
    const row = this.#timelessOfAvatar.get(avatar);
    if (!row) return;
    this.#timelessOfAvatar.delete(avatar);
    const found = this.#timeless.get(row);
    found?.delete(avatar);
    if (found && !found.size) this.#timeless.delete(row);
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

  #placeControls(controls: Set<Element>): void {
    // Controls outside any thread depend on the first comment and the reply box: decided again every batch.
    for (const control of this.#loose) controls.add(control);
    for (const key of this.#touchedThreads)
      for (const control of this.#controlsOfThread.get(key) ?? []) controls.add(control);
    this.#touchedThreads.clear();
    // Looked for again only when a change brought or took a reply box: a post without one is not searched per batch.
    if (this.#editorStale || (this.#editor && !(this.#editor.isConnected && this.#scope?.contains(this.#editor)))) {
      this.#editor = this.#scope?.querySelector(SEL.editor) ?? null;
      this.#editorStale = false;
    }
    this.#facts.editor = this.#editor;
    for (const control of controls) {
      this.work.touched++;
      const old = this.#controls.get(control)?.part ?? null;
      this.#forgetControl(control, true);
      const scope = this.#scope as Element;
      const outside = () => {
        if (old) this.#partsChanged = true;
      };
      if (!control.isConnected || !scope.contains(control)) {
        outside();
        continue;
      }
      if (this.#insideRow(control) || this.#insideTimeless(control) || control.closest(SEL.notConversation)) {
        outside();
        continue;
      }
      const decided = readControl(control as HTMLElement, scope, this.#facts);
      // The same part keeps its object: the overlay compares the list by identity first.
      if (decided?.part && old && samePart(old, decided.part)) decided.part = old;
      if ((decided?.part ?? null) !== old) this.#partsChanged = true;
      if (!decided) continue;
      this.#controls.set(control, decided);
      if (decided.loose) this.#loose.add(control);
      if (decided.threadKey) addTo(this.#controlsOfThread, decided.threadKey, control);
      if (decided.block) {
        const set = this.#controlsOfBlock.get(decided.block) ?? new Set<Element>();
        set.add(control);
        this.#controlsOfBlock.set(decided.block, set);
      }
    }
  }

  /** `quiet`: decided again at once (the caller tells whether its part changed). */
  #forgetControl(control: Element, quiet = false): void {
    const known = this.#controls.get(control);
    if (!known) return;
    if (known.part && !quiet) this.#partsChanged = true;
    this.#controls.delete(control);
    this.#loose.delete(control);
    if (known.threadKey) removeFrom(this.#controlsOfThread, known.threadKey, control);
    if (known.block) {
      const set = this.#controlsOfBlock.get(known.block);
      set?.delete(control);
      if (set && !set.size) this.#controlsOfBlock.delete(known.block);
    }
  }

  #insideTimeless(el: Element): boolean {
    if (!this.#timeless.size) return false;
    for (let at = el.parentElement; at && at !== this.#scope; at = at.parentElement)
      if (this.#timeless.has(at)) return true;
    return false;
  }

  /** The next top-level comment after `top` in document order. */
  #nextTop(top: Entry): Entry | undefined {
    let i = this.#slot(top.time);
    if (this.#order[i] === top.time) i++;
    for (; i < this.#order.length; i++) {
      this.work.touched++;
      const entry = this.#primary(this.#order[i] as Element);
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
    for (const time of this.#order) {
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
    for (const time of this.#order) {
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
    const hasFirst = this.#first() !== undefined;
    if (this.#partsChanged || hasFirst !== this.#hadFirst) {
      this.#hadFirst = hasFirst;
      const parts: CollapsedPart[] = [];
      if (this.#first()) for (const { part } of this.#controls.values()) if (part) parts.push(part);
      parts.sort((a, b) => (a.element === b.element ? 0 : precedes(a.element, b.element) ? -1 : 1));
      this.#collapsed = parts;
      this.#partsChanged = false;
    }
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
    return { collapsed: this.#collapsed, candidates, problems };
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  set?.delete(value);
  if (set && !set.size) map.delete(key);
}

function samePart(a: CollapsedPart, b: CollapsedPart): boolean {
  return a.element === b.element && a.kind === b.kind && a.label === b.label && a.parentId === b.parentId;
}
