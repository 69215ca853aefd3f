// What the Facebook reader keeps of one conversation between batches: every row and control seen (per element),
// which element shows each comment, and the running totals the page's health is made of, so a batch updates them
// by what it touched and never walks the page. Used by ./reader.ts.
import type { Author, Comment } from '../../core/model';
import { ElementOrder } from '../element-order';
import type { CollapsedPart } from '../types';
import { oneLine, readText } from '../visible-text';
import { ARTICLE } from './comment';
import { classifyButton, type Memory, pageFigures, precedingComment, SEL } from './page';
import { repliersIn } from './words';

export interface Row {
  candidate: boolean;
  /** A candidate, and not hidden. */
  ok: boolean;
  /** A candidate's `rendered()` when it was read (null: not a candidate). */
  rendered: boolean | null;
  problem: string | null;
  /** The comment read (its id and parentId are the reading's); null: none (not a candidate, or a problem). */
  comment: Comment | null;
  /**
   * What else the row's reading said (comment.ts): the post as its links name it and the post's path, read again
   * when the row is. The rest of the reading is in `comment`: not kept twice (issue #10, heap at 10,000).
   */
  postKeys: string[];
  path: string;
}

interface Control {
  kind: CollapsedPart['kind'] | 'order';
  label: string;
  part: CollapsedPart | null;
  /** The comment row it follows (a more-replies control's thread). */
  after: Element | null;
}

/** One conversation's index: every row and control seen, and the running totals the health is made of. */
export class Index {
  readonly rows = new Map<Element, Row>();
  /**
   * The row of each readable id; a list only for an id read in more than one row (copies, rare: the first in
   * document order shows the comment). A list for every id held 10,000 of them at 10,000 comments.
   */
  private readonly byId = new Map<string, Element | Element[]>();
  /** The element showing each id, and the comment it shows (as last reported). */
  private readonly shownById = new Map<string, Element>();
  /** The row each element shows now (its comment and path as they were when shown; rows are never changed). */
  private readonly shownAt = new Map<Element, Row>();
  private readonly controls = new Map<HTMLElement, Control>();
  /** The controls in document order, kept as they come and go (the hidden parts are listed in that order). */
  readonly controlOrder = new ElementOrder<HTMLElement>();
  /** The controls that follow each row (recomputed when the row changes or goes). */
  private readonly followers = new Map<Element, Set<HTMLElement>>();
  private controlsVersion = 0;
  readonly editors = new Set<Element>();
  private okRows = 0;
  private duplicates = 0;
  unreadable = 0;
  readonly reasons = new Map<string, number>();
  staleIds = 0;
  private readonly staleOf = new Set<string>();
  private readonly paths = new Map<string, number>();
  author: Author | null = null;
  private authorEl: Element | null = null;
  count: { el: HTMLElement; value: number; label: string } | null = null;
  filtered: string | null = null;

  constructor(
    readonly scope: Element,
    readonly postId: string,
    readonly href: string,
    private readonly memory: Memory,
  ) {}

  candidates(): number {
    return this.okRows - this.duplicates;
  }

  shownCount(): number {
    return this.shownAt.size;
  }

  /** Ids read, and the rows and lists held for them (for tests: one row per id, no list, without copies). */
  heldById(): { ids: number; rows: number; lists: number } {
    let lists = 0;
    for (const had of this.byId.values()) if (Array.isArray(had)) lists++;
    return { ids: this.byId.size, rows: this.byId.size + this.duplicates, lists };
  }

  commentAt(el: Element): Comment | undefined {
    return this.shownAt.get(el)?.comment ?? undefined;
  }

  holdsAny(): boolean {
    return this.rows.size > 0 || this.controls.size > 0;
  }

  /** True when `el` is, holds or sits in an element the post's header or count was read from. */
  touchesPage(el: Element): boolean {
    for (const mine of [this.authorEl, this.count?.el]) {
      if (mine && (mine === el || mine.contains(el) || el.contains(mine))) return true;
    }
    return false;
  }

  /** Replaces a row's reading; returns the id it had before. */
  set(el: Element, row: Row): string | null {
    const before = this.rows.get(el);
    const oldId = before ? this.unindex(el, before) : null;
    this.rows.set(el, row);
    if (row.ok) this.okRows++;
    if (row.problem) {
      this.unreadable++;
      this.reasons.set(row.problem, (this.reasons.get(row.problem) ?? 0) + 1);
    }
    if (row.comment) {
      const id = row.comment.id;
      const had = this.byId.get(id);
      if (!had) this.byId.set(id, el);
      else {
        this.duplicates++;
        if (Array.isArray(had)) had.push(el);
        else this.byId.set(id, [had, el]);
      }
    }
    return oldId;
  }

  /** Forgets a removed row; returns the id it had. */
  drop(el: Element): string | null {
    const row = this.rows.get(el);
    if (!row) return null;
    this.rows.delete(el);
    return this.unindex(el, row);
  }

  private unindex(el: Element, row: Row): string | null {
    if (row.ok) this.okRows--;
    if (row.problem) {
      this.unreadable--;
      this.reasons.set(row.problem, (this.reasons.get(row.problem) ?? 1) - 1);
    }
    if (!row.comment) return null;
    const id = row.comment.id;
    const had = this.byId.get(id);
    if (!Array.isArray(had)) {
      if (had === el) this.byId.delete(id);
      return id;
    }
    const i = had.indexOf(el);
    if (i >= 0) had.splice(i, 1);
    this.duplicates--;
    if (had.length === 1) this.byId.set(id, had[0]!);
    return id;
  }

  /** Which element shows each id touched, now: the elements shown anew or with new data, and those released. */
  settle(ids: Set<string>, stale: (keys: string[]) => boolean): { shown: Element[]; released: Element[] } {
    const shown: Element[] = [];
    const released: Element[] = [];
    for (const id of ids) {
      let first = this.byId.get(id);
      if (Array.isArray(first)) {
        first.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
        first = first[0];
      }
      const row = first ? this.rows.get(first) : undefined;
      const isStale = !!row?.comment && stale(row.postKeys);
      if (isStale !== this.staleOf.has(id)) {
        if (isStale) this.staleOf.add(id);
        else this.staleOf.delete(id);
        this.staleIds += isStale ? 1 : -1;
      }
      const next = first && row?.comment && !isStale ? first : undefined;
      const before = this.shownById.get(id);
      if (before && before !== next) {
        // Still showing another id (a recycled row) is settled with that id.
        if (this.shownAt.get(before)?.comment?.id === id) this.unshow(before);
        this.shownById.delete(id);
        released.push(before);
      }
      if (!next || !row?.comment) continue;
      this.shownById.set(id, next);
      const was = this.shownAt.get(next);
      if (was?.comment === row.comment) continue;
      if (was) this.unshow(next);
      const { path } = row;
      this.shownAt.set(next, row);
      this.paths.set(path, (this.paths.get(path) ?? 0) + 1);
      for (const k of row.postKeys) this.memory.keys.add(k);
      shown.push(next);
    }
    return { shown, released: released.filter((el) => !this.shownAt.has(el)) };
  }

  private unshow(el: Element): void {
    const at = this.shownAt.get(el);
    if (!at) return;
    this.shownAt.delete(el);
    this.paths.set(at.path, (this.paths.get(at.path) ?? 1) - 1);
  }

  /** Every comment shown, in document order (a full read). */
  inDocumentOrder(): Array<[Element, Comment]> {
    return [...this.shownAt].map(([el, at]): [Element, Comment] => [el, at.comment!]); // a row shown has a comment
  }

  /** The post's address as most of its comments' time links give it (ties: the first in alphabetical order). */
  permalinkPath(): string | null {
    let best: string | null = null;
    let most = 0;
    for (const [path, n] of this.paths) {
      if (!path || n <= 0) continue;
      if (n > most || (n === most && best !== null && path < best)) {
        best = path;
        most = n;
      }
    }
    return best;
  }

  /**
   * The controls that followed a row that changed or went: their thread may be another now. A copy: each stays
   * listed under the row until read again (an unchanged control still follows it, and must be found next time).
   */
  controlsAfter(row: Element): HTMLElement[] {
    const set = this.followers.get(row);
    return set ? [...set] : [];
  }

  private unfollow(row: Element, control: HTMLElement): void {
    const set = this.followers.get(row);
    if (!set) return;
    set.delete(control);
    if (set.size === 0) this.followers.delete(row);
  }

  /**
   * The known controls a new or changed row may now precede: in the next few siblings of the row and of its
   * ancestors (the same walk `precedingComment` makes, backwards), so the work stays within the row's thread.
   */
  controlsNear(row: Element, scope: Element, query: (root: Element, selector: string) => NodeListOf<HTMLElement>) {
    const found: HTMLElement[] = [];
    if (this.controls.size === 0) return found;
    let node: Element | null = row;
    for (let depth = 0; node && node !== scope && depth < 12; depth++, node = node.parentElement) {
      let sib = node.nextElementSibling;
      for (let hops = 0; sib && hops < 4; hops++, sib = sib.nextElementSibling) {
        if (this.controls.has(sib as HTMLElement)) found.push(sib as HTMLElement);
        for (const b of query(sib, SEL.button)) if (this.controls.has(b)) found.push(b);
      }
    }
    return found;
  }

  dropControl(el: Element): void {
    const control = this.controls.get(el as HTMLElement);
    if (!control) return;
    this.controls.delete(el as HTMLElement);
    this.controlOrder.delete(el as HTMLElement);
    if (control.after) this.unfollow(control.after, el as HTMLElement);
    this.controlsVersion++;
  }

  /** Reads one button: a control that hides part of the conversation, the comment order menu, or nothing of ours. */
  readControl(button: HTMLElement, scope: Element, moved: boolean): void {
    const before = this.controls.get(button);
    if (!button.isConnected || !scope.contains(button)) {
      if (before) this.dropControl(button);
      return;
    }
    // A comment's own buttons (Like, Reply) are never controls: known rows answer that without a query.
    const article = button.closest(ARTICLE);
    const known = article ? this.rows.get(article) : undefined;
    const kind = known?.candidate ? null : classifyButton(button, scope);
    if (!kind || button.closest(SEL.hidden)) {
      if (before) this.dropControl(button);
      return;
    }
    const label = oneLine(readText(button));
    const control: Control = { kind, label, part: null, after: null };
    if (kind !== 'order') {
      const part: CollapsedPart = { kind, label, element: button };
      if (kind === 'more-replies') {
        control.after = precedingComment(button, scope);
        const parent = control.after ? this.rows.get(control.after)?.comment : undefined;
        // The hidden replies belong to that comment's thread, whose top comment is what the rule needs.
        if (parent) part.parentId = parent.parentId ?? parent.id;
        const repliers = repliersIn(label);
        if (repliers.length) part.repliers = repliers;
      }
      control.part = part;
    }
    // Unchanged, and not moved: a control found in an added subtree may have moved (the list is sorted again).
    if (before && sameControl(before, control) && !moved) return;
    if (before?.after) this.unfollow(before.after, button);
    this.controls.set(button, control);
    // New or moved: placed in the order by a binary search (an unchanged control keeps its place).
    if (!before || moved) this.controlOrder.place(button);
    if (control.after) {
      const set = this.followers.get(control.after) ?? new Set<HTMLElement>();
      this.followers.set(control.after, set);
      set.add(button);
    }
    this.controlsVersion++;
  }

  /**
   * The hidden parts, in document order, then the order menu and the count when they hide comments. The same array
   * while nothing in it changed (the overlay compares by identity first); a batch that changed no control, nor the
   * count, nor whether the count is above the comments shown, costs nothing here.
   */
  collapsed(scope: Element): CollapsedPart[] {
    if (this.builtVersion !== this.controlsVersion) {
      this.filtered = null;
      this.controlList = [];
      for (const el of this.controlOrder.items) {
        const c = this.controls.get(el);
        if (c?.kind === 'order') this.filtered = c.label;
        else if (c?.part) this.controlList.push(c.part);
      }
      this.builtVersion = this.controlsVersion;
    }
    const count = this.count && this.count.value > this.shownCount() ? this.count : null;
    const key = this.listKey;
    if (
      this.lastList &&
      key.version === this.builtVersion &&
      key.scope === scope &&
      key.filtered === this.filtered &&
      key.countEl === (count?.el ?? null) &&
      key.countLabel === (count?.label ?? null)
    ) {
      return this.lastList;
    }
    this.listKey = {
      version: this.builtVersion,
      scope,
      filtered: this.filtered,
      countEl: count?.el ?? null,
      countLabel: count?.label ?? null,
    };
    const list = [...this.controlList];
    if (this.filtered) list.push({ kind: 'more-comments', label: this.filtered, element: scope as HTMLElement });
    if (count) list.push({ kind: 'more-comments', label: count.label, element: count.el });
    if (!this.lastList || !sameParts(this.lastList, list)) this.lastList = list;
    return this.lastList;
  }

  private builtVersion = -1;
  private controlList: CollapsedPart[] = [];
  private lastList: CollapsedPart[] | null = null;
  /** What the last list was made of. */
  private listKey: {
    version: number;
    scope: Element | null;
    filtered: string | null;
    countEl: Element | null;
    countLabel: string | null;
  } = { version: -1, scope: null, filtered: null, countEl: null, countLabel: null };

  /**
   * The post's header and its count, read again only when a change came near them: one walk from the top of the
   * conversation to its first comment shown (further only while no header link was found). Returns the elements
   * walked.
   */
  readPage(scope: Element, url: URL): number {
    const found = pageFigures(scope, url, (el) => this.shownAt.has(el));
    this.author = found.author?.author ?? null;
    this.authorEl = found.author?.el ?? null;
    this.count = found.count;
    return found.visited;
  }
}

function sameControl(a: Control, b: Control): boolean {
  return (
    a.kind === b.kind &&
    a.label === b.label &&
    a.after === b.after &&
    a.part?.parentId === b.part?.parentId &&
    a.part?.repliers?.join() === b.part?.repliers?.join()
  );
}

function sameParts(a: CollapsedPart[], b: CollapsedPart[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.element !== y.element || x.kind !== y.kind || x.label !== y.label || x.parentId !== y.parentId) return false;
    if (x.repliers?.join() !== y.repliers?.join()) return false;
  }
  return true;
}
