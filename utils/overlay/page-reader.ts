// Reads one page through its site adapter, batch by batch, into what the view is built from (PageFacts). Keeps
// every comment seen so far (KnownComments) and tells the session whether anything the view depends on changed.
// The first read of a page is a full one; after it an adapter may answer with deltas (only the rows that changed),
// and then the work here follows the delta: no loop over every comment, no signature over every comment (the
// signature holds a few figures; the collapsed parts are compared only when the adapter hands a new list).
import type { CollapsedPart, PageRead, SiteAdapter } from '../sites/types';
import { KnownComments } from './known-comments';
import type { PageFacts } from './view-model';

/** How long a post page may take to render its conversation before an empty read counts as broken. */
export const LOADING_GRACE_MS = 5_000;

export interface ReadResult {
  facts: PageFacts;
  /** Something the view is built from changed (a comment, which element shows it, the post, health inputs). */
  changed: boolean;
  /** Elements that showed a known comment and show none now: their stamps and badges must go. */
  released: HTMLElement[];
  /** Keys of the comments seen for the first time in this read. */
  added: string[];
}

export class PageReader {
  readonly known = new KnownComments();
  /** What the view depended on last time besides the comments: few scalars, and the collapsed parts. */
  private signature = '';
  private collapsed: CollapsedPart[] | null = null;
  private collapsedKey = '';
  /** The adapter's next read is the page's first: ask for a full one (the baseline of later deltas). */
  private first = true;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly url: URL,
    private readonly startedAt: number,
  ) {}

  /** `changed`: where the page changed since the last batch; without it, the adapter reads every row. Throws what the adapter throws. */
  read(doc: Document, now: number, changed?: ReadonlySet<Node>): ReadResult {
    let read: PageRead;
    try {
      read = this.adapter.read(doc, this.url, this.first ? undefined : changed);
    } catch (error) {
      // Whatever the adapter kept may be half updated: start again from a full read.
      this.first = true;
      throw error;
    }
    this.first = false;
    const released: HTMLElement[] = [];
    const merged = read.delta
      ? this.known.mergeDelta(read.comments, read.delta.released, released)
      : this.known.merge(read.comments, released);
    const readable = read.delta ? read.delta.readable : read.comments.length;
    const young = now - this.startedAt < LOADING_GRACE_MS;
    // A post counted comments and none is shown yet: still rendering during the grace, broken after it.
    const loading = (!read.post || !!read.unfound) && young;
    const unfound = !!read.unfound && !young;
    const signature = [
      read.post?.id,
      read.post?.author.handle,
      read.actingHandle,
      readable,
      read.candidates,
      read.problems.join('|'),
      read.moreBelow,
      loading,
      unfound,
    ].join('\u0001');
    let changedView = merged || signature !== this.signature;
    this.signature = signature;
    // An adapter that keeps its collapsed parts between reads hands the same array: nothing to compare.
    if (read.collapsed !== this.collapsed) {
      const key = read.collapsed.map((c) => `${c.label}/${c.parentId}/${c.repliers?.join(',')}`).join('|');
      if (key !== this.collapsedKey || !this.collapsed) changedView = true;
      this.collapsed = read.collapsed;
      this.collapsedKey = key;
    }
    const facts: PageFacts = {
      isPostPage: true,
      post: read.post,
      actingHandle: read.actingHandle,
      comments: { [Symbol.iterator]: () => this.known.eachComment() },
      collapsed: read.collapsed,
      candidates: read.candidates,
      readable,
      problems: read.problems,
      loading,
      moreBelow: read.moreBelow,
      ...(unfound && { unfound }),
    };
    return { facts, changed: changedView, released, added: this.known.takeNewKeys() };
  }
}

/** What to show when reading or drawing failed: the page could not be read, never an old "all answered". */
export function brokenFacts(problem: string): PageFacts {
  return {
    isPostPage: true,
    post: null,
    actingHandle: null,
    comments: [],
    collapsed: [],
    candidates: 1,
    readable: 0,
    problems: [problem],
    loading: false,
  };
}
