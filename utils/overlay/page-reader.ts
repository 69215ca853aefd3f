// Reads one page through its site adapter, batch by batch, into what the view is built from (PageFacts). Keeps
// every comment seen so far (KnownComments) and tells the session whether anything the view depends on changed.
// The first read of a page is a full one; after it an adapter may answer with deltas (only the rows that changed),
// and then the work here follows the delta: no loop over every comment, no signature over every comment.
import type { Post } from '../core/model';
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

/** What of a read the view depends on besides the comments: compared field by field, batch to batch. */
interface Health {
  post: Post | null;
  actingHandle: string | null;
  readable: number;
  candidates: number;
  collapsed: CollapsedPart[];
  problems: string[];
  moreBelow: boolean | undefined;
  loading: boolean;
}

export class PageReader {
  readonly known = new KnownComments();
  private last: Health | null = null;
  /** The adapter's next read is the page's first: ask for a full one (the baseline of later deltas). */
  private first = true;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly url: URL,
    private readonly startedAt: number,
  ) {}

  /** `changed`: where the page changed since the last batch; without it, the adapter reads every row. Throws what the adapter throws. */
  read(doc: Document, now: number, scrollY: number, changed?: ReadonlySet<Node>): ReadResult {
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
      ? this.known.mergeDelta(read.comments, read.delta.released, scrollY, released)
      : this.known.merge(read.comments, scrollY, released);
    const health: Health = {
      post: read.post,
      actingHandle: read.actingHandle,
      readable: read.delta ? read.delta.readable : read.comments.length,
      candidates: read.candidates,
      collapsed: read.collapsed,
      problems: read.problems,
      moreBelow: read.moreBelow,
      loading: !read.post && now - this.startedAt < LOADING_GRACE_MS,
    };
    const changedView = merged || !this.last || !sameHealth(this.last, health);
    this.last = health;
    const facts: PageFacts = {
      isPostPage: true,
      post: read.post,
      actingHandle: read.actingHandle,
      comments: { [Symbol.iterator]: () => this.known.eachComment() },
      collapsed: read.collapsed,
      candidates: read.candidates,
      readable: health.readable,
      problems: read.problems,
      loading: health.loading,
      moreBelow: read.moreBelow,
    };
    return { facts, changed: changedView, released, added: this.known.takeNewKeys() };
  }
}

function sameHealth(a: Health, b: Health): boolean {
  return (
    a.post?.id === b.post?.id &&
    a.post?.author.handle === b.post?.author.handle &&
    a.actingHandle === b.actingHandle &&
    a.readable === b.readable &&
    a.candidates === b.candidates &&
    a.moreBelow === b.moreBelow &&
    a.loading === b.loading &&
    sameList(a.problems, b.problems, (x, y) => x === y) &&
    sameList(a.collapsed, b.collapsed, sameCollapsed)
  );
}

/** Identity first: an adapter that keeps its lists between reads makes this O(1). */
function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

function sameCollapsed(a: CollapsedPart, b: CollapsedPart): boolean {
  return (
    a.label === b.label &&
    a.parentId === b.parentId &&
    a.kind === b.kind &&
    sameList(a.repliers ?? [], b.repliers ?? [], (x, y) => x === y)
  );
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
