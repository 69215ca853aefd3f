// What the page has shown so far. Sites recycle rows as you scroll (X) or drop them from the DOM, so the
// overlay keeps every comment it has read for the life of the page, keyed by `platform:id`, and remembers which
// element shows it right now (null once that element was recycled or removed).
import { commentKey } from '../core/keys';
import type { Comment } from '../core/model';
import type { ReadComment } from '../sites/types';

export interface KnownComment {
  key: string;
  comment: Comment;
  element: HTMLElement | null;
  /**
   * Page-relative Y of the element when last seen, to scroll back to a row the site has unmounted. Measured after
   * the frame that showed it (`notePosition`, from row-positions.ts), never during a batch: a read of layout there
   * would force the browser to lay the page out once more per batch.
   */
  lastY: number;
}

/** What merges changed since the last `takeDelta`: the view and the badges work on these only. */
export interface KnownDelta {
  /** Comments new or whose data changed (the merged copies, as `comments()` gives them). */
  upserted: Map<string, Comment>;
  /** Keys whose element changed (a new row shows it, or none does any more). */
  moved: Set<string>;
}

export class KnownComments {
  private readonly byKey = new Map<string, KnownComment>();
  private readonly keyByElement = new WeakMap<HTMLElement, string>();
  private nextOrder = 0;
  private newKeys: string[] = [];
  /** Elements that started showing a comment since the last `takeShown`: their position is to be measured. */
  private shown: HTMLElement[] = [];
  private delta: KnownDelta = { upserted: new Map(), moved: new Set() };

  /** What changed since the last call; starts collecting afresh. */
  takeDelta(): KnownDelta {
    const delta = this.delta;
    this.delta = { upserted: new Map(), moved: new Set() };
    return delta;
  }

  /**
   * Merges a full read of the page (every comment it shows); returns true when anything the overlay draws from
   * changed (a comment's data, or which element shows it). `released` receives the elements that showed a known
   * comment before and show none now (recycled for a row that is not a reply, such as a "Discover more" post):
   * their stamps and badges must go. Looks at every known comment: for a read that names only what changed, use
   * `mergeDelta`.
   */
  merge(read: readonly ReadComment[], released: HTMLElement[] = []): boolean {
    const current = new Set(read.map((r) => r.element));
    const gone: HTMLElement[] = [];
    for (const known of this.byKey.values()) if (known.element && !current.has(known.element)) gone.push(known.element);
    return this.mergeDelta(read, gone, released);
  }

  /**
   * Merges a delta read: `read` holds only the comments whose rows were added or changed, `gone` the elements
   * that stopped showing a comment. The work follows the delta, never the number of comments known.
   */
  mergeDelta(read: readonly ReadComment[], gone: readonly HTMLElement[], released: HTMLElement[] = []): boolean {
    let changed = false;
    for (const element of gone) {
      const key = this.keyByElement.get(element);
      if (key === undefined) continue;
      this.keyByElement.delete(element);
      const known = this.byKey.get(key);
      if (known?.element !== element) continue;
      if (element.isConnected) released.push(element);
      known.element = null;
      this.delta.moved.add(key);
      changed = true;
    }
    for (const entry of read) if (this.mergeOne(entry)) changed = true;
    return changed;
  }

  /** Keys seen for the first time since the last call (their manual states are asked for once). */
  takeNewKeys(): string[] {
    const keys = this.newKeys;
    this.newKeys = [];
    return keys;
  }

  /** Elements that started showing a comment since the last call (new rows, recycled rows). */
  takeShown(): HTMLElement[] {
    const shown = this.shown;
    this.shown = [];
    return shown;
  }

  /** Where `element` was on the page when the browser last laid it out (page-relative Y). */
  notePosition(element: HTMLElement, y: number): void {
    const key = this.keyByElement.get(element);
    const known = key === undefined ? undefined : this.byKey.get(key);
    // Whole pixels, as a small integer: a fraction once made V8 box this field as a number object in every record
    // (0.12 MB at 10,000 comments, issue #10).
    if (known?.element === element) known.lastY = Math.round(y) | 0;
  }

  private mergeOne({ comment, element }: ReadComment): boolean {
    const key = commentKey(comment);
    // An element that showed another comment before was recycled: that comment is no longer on screen.
    const previousKey = this.keyByElement.get(element);
    if (previousKey !== undefined && previousKey !== key) {
      const previous = this.byKey.get(previousKey);
      if (previous && previous.element === element) {
        previous.element = null;
        this.delta.moved.add(previousKey);
      }
    }
    this.keyByElement.set(element, key);
    const known = this.byKey.get(key);
    if (!known) {
      // The adapter's own object when it already carries this order (a full read numbers its comments in document
      // order, as this does on a page's first read): one copy of each comment, not two (issue #10, heap at 10,000).
      const order = this.nextOrder++;
      const merged = comment.order === order ? comment : { ...comment, order };
      this.byKey.set(key, { key, comment: merged, element, lastY: 0 });
      this.shown.push(element);
      this.newKeys.push(key);
      this.delta.upserted.set(key, merged);
      this.delta.moved.add(key);
      return true;
    }
    let changed = false;
    if (known.element !== element) {
      // Its new position is measured after the frame (the last one stays until then).
      known.element = element;
      this.shown.push(element);
      this.delta.moved.add(key);
      changed = true;
    }
    const merged = mergeComment(known.comment, comment);
    if (merged !== known.comment) {
      known.comment = merged;
      this.delta.upserted.set(key, merged);
      changed = true;
    }
    return changed;
  }

  /** The key string kept for a comment (commentKey's value, one copy shared by every stage of the overlay). */
  keyOf(comment: Comment): string {
    const key = commentKey(comment);
    return this.byKey.get(key)?.key ?? key;
  }

  /** The key of the comment `element` shows now (undefined: none). */
  keyAt(element: HTMLElement): string | undefined {
    return this.keyByElement.get(element);
  }

  get(key: string): KnownComment | undefined {
    return this.byKey.get(key);
  }

  all(): KnownComment[] {
    return [...this.byKey.values()];
  }

  comments(): Comment[] {
    return this.all().map((k) => k.comment);
  }

  /** Every comment, lazily (a batch that works on its delta never walks them). */
  *eachComment(): Generator<Comment> {
    for (const known of this.byKey.values()) yield known.comment;
  }

  get size(): number {
    return this.byKey.size;
  }
}

/**
 * A row read again keeps the order it was first seen in. Thread links survive a read that cannot see them: when
 * the first row of a chain is scrolled away, the next row looks like a top-level reply, but it is not.
 */
function mergeComment(old: Comment, next: Comment): Comment {
  const parentId = next.parentId ?? old.parentId;
  const threadKey = next.parentId ? next.threadKey : old.threadKey;
  // Most rows read again are unchanged: compare before building a copy (no garbage per row and batch).
  if (sameComment(old, next, parentId, threadKey)) return old;
  const candidate: Comment = { ...next, order: old.order, parentId, threadKey };
  if (parentId === undefined) delete candidate.parentId;
  return candidate;
}

function sameComment(a: Comment, b: Comment, parentId: string | undefined, threadKey: string): boolean {
  return (
    a.text === b.text &&
    a.parentId === parentId &&
    a.threadKey === threadKey &&
    a.postedAt === b.postedAt &&
    a.editedAt === b.editedAt &&
    a.author.handle === b.author.handle &&
    a.author.displayName === b.author.displayName
  );
}
