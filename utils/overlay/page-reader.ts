// Reads one page through its site adapter, batch by batch, into what the view is built from (PageFacts). Keeps
// every comment seen so far (KnownComments) and tells the session whether anything the view depends on changed.
import type { SiteAdapter } from '../sites/types';
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
}

export class PageReader {
  readonly known = new KnownComments();
  private signature = '';

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly url: URL,
    private readonly startedAt: number,
  ) {}

  /** `changed`: where the page changed since the last batch; without it, the adapter reads every row. Throws what the adapter throws. */
  read(doc: Document, now: number, scrollY: number, changed?: ReadonlySet<Node>): ReadResult {
    const read = this.adapter.read(doc, this.url, changed);
    const released: HTMLElement[] = [];
    const merged = this.known.merge(read.comments, scrollY, released);
    const loading = !read.post && now - this.startedAt < LOADING_GRACE_MS;
    const signature = [
      read.post?.id,
      read.post?.author.handle,
      read.actingHandle,
      read.comments.length,
      read.candidates,
      read.collapsed.map((c) => `${c.label}/${c.parentId}/${c.repliers?.join(',')}`).join('|'),
      read.problems.join('|'),
      read.moreBelow,
      loading,
    ].join('\u0001');
    const changedView = merged || signature !== this.signature;
    this.signature = signature;
    const facts: PageFacts = {
      isPostPage: true,
      post: read.post,
      actingHandle: read.actingHandle,
      comments: { [Symbol.iterator]: () => this.known.eachComment() },
      collapsed: read.collapsed,
      candidates: read.candidates,
      readable: read.comments.length,
      problems: read.problems,
      loading,
      moreBelow: read.moreBelow,
    };
    return { facts, changed: changedView, released };
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
