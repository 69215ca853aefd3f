// The controls of one Instagram post that hold part of its conversation back ("View all N replies", "Load more
// comments"), kept up to date batch by batch: a control is decided again when a change lands in the block its thread
// was decided in, when that thread's rows change, or every batch when it sits outside any thread.
// The controls holding something back are kept in document order as they are decided (placed by binary search,
// taken out by identity): a batch never sorts them all.
import type { CollapsedPart } from '../types';
import { type ControlReading, readControl, type ThreadFacts } from './conversation-parts';
import { precedes } from './rows';
import { SEL } from './selectors';

export interface PartsHost {
  scope: Element;
  facts: ThreadFacts;
  /** Inside a comment row, or a row without a readable timestamp (its controls are the row's own). */
  inRow(el: Element): boolean;
  /** Counts one element looked at (the reader's work). */
  touch(): void;
}

export class HiddenParts {
  readonly #controls = new Map<Element, ControlReading>();
  /** Controls by the block their thread was decided in. */
  readonly #ofBlock = new Map<Element, Set<Element>>();
  /** Controls by the thread they looked at. */
  readonly #ofThread = new Map<string, Set<Element>>();
  /** Controls decided outside any thread: they depend on the first comment and the reply box. */
  readonly #loose = new Set<Element>();
  /** The controls whose part is not null, in document order. */
  readonly #order: Element[] = [];
  #editor: Element | null = null;
  /** The reply box must be looked for again (first read, or a change brought one). */
  #editorStale = true;
  #list: CollapsedPart[] = [];
  #changed = true;
  #hadFirst = false;

  constructor(private readonly host: PartsHost) {}

  /** Adds the controls decided in block `at`: a change inside it decides them again. */
  decidedIn(at: Element, into: Set<Element>): void {
    for (const control of this.#ofBlock.get(at) ?? []) into.add(control);
  }

  /** A subtree that appeared: it may hold the reply box. */
  noteAdded(el: Element): void {
    if (el.matches(SEL.editor) || el.querySelector(SEL.editor)) this.#editorStale = true;
  }

  /** Decides `controls` again, with those of the threads whose rows changed and those outside any thread. */
  place(controls: Set<Element>, touchedThreads: ReadonlySet<string>): void {
    const { scope, facts } = this.host;
    for (const control of this.#loose) controls.add(control);
    for (const key of touchedThreads) for (const control of this.#ofThread.get(key) ?? []) controls.add(control);
    // Looked for again only when a change brought or took a reply box: a post without one is not searched per batch.
    if (this.#editorStale || (this.#editor && !(this.#editor.isConnected && scope.contains(this.#editor)))) {
      this.#editor = scope.querySelector(SEL.editor);
      this.#editorStale = false;
    }
    facts.editor = this.#editor;
    // All out of the order before any goes back in: a control is placed among controls still on the page.
    const olds = [...controls].map((control) => [control, this.forget(control, true)] as const);
    for (const [control, old] of olds) {
      this.host.touch();
      const decided =
        control.isConnected &&
        scope.contains(control) &&
        !this.host.inRow(control) &&
        !control.closest(SEL.notConversation)
          ? readControl(control as HTMLElement, scope, facts)
          : null;
      // The same part keeps its object: the overlay compares the list by identity first.
      if (decided?.part && old && samePart(old, decided.part)) decided.part = old;
      if ((decided?.part ?? null) !== old) this.#changed = true;
      if (!decided) continue;
      this.#controls.set(control, decided);
      if (decided.part) {
        const order = this.#order;
        let lo = 0;
        let hi = order.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          this.host.touch();
          if (precedes(order[mid] as Element, control)) lo = mid + 1;
          else hi = mid;
        }
        order.splice(lo, 0, control);
      }
      if (decided.loose) this.#loose.add(control);
      if (decided.threadKey) addTo(this.#ofThread, decided.threadKey, control);
      if (decided.block) addTo(this.#ofBlock, decided.block, control);
    }
  }

  /** `quiet`: decided again at once (the caller tells whether its part changed). Returns the part it held. */
  forget(control: Element, quiet = false): CollapsedPart | null {
    const known = this.#controls.get(control);
    if (!known) return null;
    if (known.part) {
      this.#order.splice(this.#order.indexOf(control), 1);
      if (!quiet) this.#changed = true;
    }
    this.#controls.delete(control);
    this.#loose.delete(control);
    if (known.threadKey) removeFrom(this.#ofThread, known.threadKey, control);
    if (known.block) removeFrom(this.#ofBlock, known.block, control);
    return known.part;
  }

  /** The hidden parts in document order; the same array while nothing changed. None without any comment. */
  list(hasFirst: boolean): CollapsedPart[] {
    if (this.#changed || hasFirst !== this.#hadFirst) {
      this.#hadFirst = hasFirst;
      this.#list = hasFirst ? this.#order.map((control) => this.#controls.get(control)?.part as CollapsedPart) : [];
      this.#changed = false;
    }
    return this.#list;
  }
}

export function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

export function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  set?.delete(value);
  if (set && !set.size) map.delete(key);
}

function samePart(a: CollapsedPart, b: CollapsedPart): boolean {
  return a.element === b.element && a.kind === b.kind && a.label === b.label && a.parentId === b.parentId;
}
