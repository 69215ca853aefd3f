// Turns an adapter's full reads into delta reads (PageRead.delta): the comments whose element is new or whose data
// changed since the last read, and the elements that showed a comment and show none now. For an adapter that still
// walks every row (its own cost stays O(page)); what the overlay does with the read then follows the change.
import type { Comment } from '../core/model';
import type { PageRead } from './types';

export class ReadDeltas {
  /** What the last read reported: each element and the comment it showed. Null: the next read must be full. */
  private shown: Map<HTMLElement, Comment> | null = null;

  /**
   * `read` is a full read whose unchanged comments are the same objects as last time (compared by identity). With `asDelta` false (no change set: the overlay asks for a baseline) it is returned
   * as it is; else only what changed since the last read, as a delta. A read without a post is always full, and
   * so is the read after it.
   */
  report(read: PageRead, asDelta: boolean): PageRead {
    const before = this.shown;
    const now = new Map<HTMLElement, Comment>();
    for (const { comment, element } of read.comments) now.set(element, comment);
    this.shown = read.post ? now : null;
    if (!asDelta || !before || !read.post) return read;
    const comments: PageRead['comments'] = [];
    for (const entry of read.comments) {
      const was = before.get(entry.element);
      if (was !== entry.comment) comments.push(entry);
    }
    const released: HTMLElement[] = [];
    for (const element of before.keys()) if (!now.has(element)) released.push(element);
    return { ...read, comments, delta: { released, readable: read.comments.length } };
  }
}
