// Reads the comments of one Instagram post incrementally. Instagram keeps every loaded comment in the DOM and appends
// 12–24 at a time, so the reader keeps what it found (each comment row by its timestamp, rows without a readable
// timestamp, the controls that hold part of the conversation back) and the page-wide counts up to date from the
// nodes that changed: a batch costs what it touched, not the size of the page. The first read is one pass over the
// post (the whole post is "what changed"). This file finds what a batch touched; what is kept lives in
// comment-rows.ts (and reply-threads.ts), timeless-rows.ts and hidden-parts.ts, and read-result.ts hands it out.
import type { PageChanges } from '../types';
import { CommentRows } from './comment-rows';
import type { Entry } from './conversation-parts';
import { HiddenParts } from './hidden-parts';
import { type ConversationRead, deltaRead, fullRead } from './read-result';
import { avatarLinks } from './rows';
import { SEL } from './selectors';
import { TimelessRows } from './timeless-rows';

/** What one read did: elements it looked at. Follows the change, never the page (a unit test holds it to that). */
export interface ReadWork {
  /** Elements visited: comment timestamps and controls found, ancestors walked, rows parsed. */
  touched: number;
  /** Rows parsed (new or changed). */
  parsed: number;
  /** Rows placed in their thread (new, or their thread may have changed). */
  threaded: number;
}

/** Rows checked per batch for having left the page unseen (a safety net; removals are normally named). */
const SWEEP = 8;

export class ConversationReader {
  /** What the last read did. */
  work: ReadWork = { touched: 0, parsed: 0, threaded: 0 };
  #owner: Element | null = null;
  // What is kept of the post (its rows know its scope and code), made anew for each post by `#reset`: unset until
  // the first read.
  #rows!: CommentRows;
  #timeless!: TimelessRows;
  /** Controls outside comment rows that may hold part of the conversation back. */
  #parts!: HiddenParts;
  #sweepAt = 0;

  /**
   * Reads the comments of `scope` for post `code`. `changed`: the nodes the page changed since the last read (added
   * subtrees, changed nodes, nodes something was removed from, and removed nodes); without it, or for another
   * scope, post or owner, everything is read again.
   */
  read(
    scope: Element,
    code: string,
    base: URL,
    changed: PageChanges | null,
    owner: Element | null = null,
    asDelta = false,
  ): ConversationRead {
    this.work = { touched: 0, parsed: 0, threaded: 0 };
    let full = !asDelta;
    if (!changed || scope !== this.#rows?.scope || code !== this.#rows.code || owner !== this.#owner) {
      this.#reset(scope, code, base, owner);
      this.#apply(new Set([scope]));
      full = true;
    } else if (changed.size) {
      this.#apply(changed);
    }
    return (full ? fullRead : deltaRead)(this.#rows, this.#timeless, this.#parts);
  }

  #reset(scope: Element, code: string, base: URL, owner: Element | null): void {
    this.#owner = owner;
    const touch = () => {
      this.work.touched++;
    };
    const rows = new CommentRows(scope, code, base, touch);
    const timeless = new TimelessRows(rows, owner);
    this.#rows = rows;
    this.#timeless = timeless;
    this.#parts = new HiddenParts({
      scope,
      facts: rows.threads,
      inRow: (el) => rows.holds(el) || timeless.holds(el),
      touch,
    });
  }

  #apply(changed: PageChanges): void {
    const rows = this.#rows;
    const { scope } = rows;
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
      // A node something was only taken from holds nothing new (what went is forgotten by its own entry), and it
      // may be the whole list: not searched (a link or time may have changed in place as well: those are small).
      if (onlyTakenFrom(changed, node) && el.localName !== 'a' && el.localName !== 'time') inside.push(el);
      else if (this.#collectIn(el, times, avatars, controls)) structural.push(el);
      else inside.push(el);
      this.#collectAround(el, times, avatars, controls);
    }
    // A row around a change may have lost its timestamp to a removal named in the same batch.
    for (const time of times) {
      if (time.isConnected && scope.contains(time)) continue;
      times.delete(time);
      dropped = rows.drop(time) || dropped;
    }
    dropped = this.#sweep() || dropped;
    // Every timestamp read again is placed again, among timestamps whose order holds (one may have moved).
    for (const time of times) rows.order.remove(time);
    const fresh: Entry[] = [];
    for (const time of times) {
      this.work.parsed++;
      const entry = rows.parse(time);
      if (entry) fresh.push(entry);
    }
    // Rows came, went or moved: the rows after the change, and those whose thread was decided in a block around
    // it, look at their thread again (a row is placed by the first comment of the blocks around it).
    if (dropped) structural.push(...inside);
    for (const el of structural) rows.threads.restructured(el);
    this.work.threaded = rows.threads.relink(fresh);
    rows.takeMoved(avatars, controls);
    for (const avatar of avatars) this.#timeless.place(avatar);
    this.#timeless.takeMoved(controls);
    this.#parts.place(controls, rows.touchedThreads);
    rows.touchedThreads.clear();
  }

  /** Timestamps, profile pictures and controls inside `el` (itself included); true when it holds a timestamp. */
  #collectIn(el: Element, times: Set<Element>, avatars: Set<Element>, controls: Set<Element>): boolean {
    const before = times.size + avatars.size + controls.size;
    let found = false;
    // A time read before is read again even when its link no longer makes it a comment's (an href changed).
    const take = (time: Element) => {
      if (!this.#rows.has(time) && !time.matches(SEL.commentTime)) return;
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
      dropped = this.#rows.drop(time) || dropped;
    });
    each(SEL.link, (link) => this.#timeless.forget(link));
    each(SEL.control, (control) => this.#parts.forget(control));
    return dropped;
  }

  /** A few rows per batch, in turn, checked for having left the post without the change naming them. */
  #sweep(): boolean {
    let dropped = false;
    const { scope } = this.#rows;
    const times = this.#rows.order.items;
    for (let i = 0; i < SWEEP && i < times.length; i++) {
      this.#sweepAt = (this.#sweepAt + 1) % times.length;
      const time = times[this.#sweepAt] as Element;
      if (this.#rows.has(time) && !(time.isConnected && scope.contains(time)))
        dropped = this.#rows.drop(time) || dropped;
    }
    return dropped;
  }

  /** What sits around a change: the row, timeless row and control it landed in, and controls decided above it. */
  #collectAround(el: Element, times: Set<Element>, avatars: Set<Element>, controls: Set<Element>): void {
    const { scope } = this.#rows;
    for (let at: Element | null = el; at && at !== scope.parentElement; at = at.parentElement) {
      this.work.touched++;
      this.#rows.around(at, times, avatars, controls);
      this.#timeless.around(at, avatars);
      this.#parts.decidedIn(at, controls);
      if (at.matches(SEL.control)) controls.add(at);
    }
  }
}

/** `node` only had children taken out in this batch (the watcher names where; without that, assume more). */
function onlyTakenFrom(changed: PageChanges, node: Node): boolean {
  const { added, removedFrom } = changed;
  return !!removedFrom?.has(node) && !added?.has(node);
}
