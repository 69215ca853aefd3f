// What every site adapter offers. An adapter holds all of one site's selectors and quirks; nothing
// outside utils/sites/<site>.ts may know how the site builds its page.
import type { Comment, Platform, Post } from '../core/model';

export type EditorKind = 'draft' | 'lexical' | 'textarea' | 'contenteditable';

/** A part of the conversation the page keeps hidden; while one is present the view is incomplete. */
export interface CollapsedPart {
  kind: 'more-replies' | 'more-comments' | 'spam' | 'offensive' | 'replies-hidden';
  /** The page's own words, shown to the user ("Show more replies", "View all 5 replies"). */
  label: string;
  /** The comment whose replies are hidden, when the page says so. */
  parentId?: string;
  /** Names the page gives for who replied in the hidden part (Facebook "Acme replied · 2 Replies"). */
  repliers?: string[];
  element: HTMLElement;
}

export interface ReadComment {
  comment: Comment;
  /** The element that gets the data-rr-* attributes, the outline and the badge. */
  element: HTMLElement;
}

/**
 * What makes a read a delta: it names only what changed since the adapter's previous read of the same page, so the
 * overlay's work follows the change, not the size of the page.
 */
export interface ReadDelta {
  /**
   * Elements that showed a comment in an earlier read and show none now (removed, hidden, no longer readable, or
   * recycled for a row that is not a comment): the overlay forgets which comment they showed.
   */
  released: HTMLElement[];
  /** How many comments the page shows readable now, all of them (a running total: `comments` holds the changed). */
  readable: number;
}

export interface PageRead {
  /** Null when this is not a post page, or its post could not be read (see `problems`). */
  post: Post | null;
  /** The account the user is acting as, when the page shows it (X: the side-nav account switcher). */
  actingHandle: string | null;
  /**
   * A full read (no `delta`): every comment readable now, in document order (`order` counts from 0 in this read).
   * A delta read: only the comments whose rows were added or changed since the previous read; each element named
   * shows that comment now, whatever it showed before. Their `order` is not used (the overlay keeps the order
   * comments were first seen in).
   */
  comments: ReadComment[];
  /**
   * Present when this read is a delta from the adapter's previous read (see `SiteAdapter.read`); absent on a full
   * read. Health stays whole-page either way: `candidates`, `collapsed`, `problems` and `moreBelow` describe the
   * whole page as it is now (running totals kept by the adapter), never only the changed rows.
   */
  delta?: ReadDelta;
  /**
   * The hidden parts of the whole page. An adapter that keeps them between reads returns the same array while they
   * do not change: the overlay compares by identity before it compares their contents.
   */
  collapsed: CollapsedPart[];
  /** How many elements looked like comments; more candidates than comments means some could not be read. */
  candidates: number;
  /** Human-readable reasons why something could not be read, for the panel. */
  problems: string[];
  /**
   * The page says the post has comments and not one element looked like one: what the adapter looks for is gone.
   * After the loading grace the overlay calls this broken, never a conversation with nothing waiting.
   */
  unfound?: boolean;
  /**
   * True while the page has not shown the end of the conversation yet: the site loads more replies as you scroll,
   * so what was read so far is not all there is.
   */
  moreBelow?: boolean;
}

/**
 * Where the page changed since the last read (see `read`). The watcher also says which nodes were added (their
 * subtrees are new) and which only had something taken out (nothing new inside: such a node may be a whole list, never
 * to be searched); without those, assume either.
 */
export type PageChanges = ReadonlySet<Node> & {
  readonly added?: ReadonlySet<Node>;
  readonly removedFrom?: ReadonlySet<Node>;
};

export interface SiteAdapter {
  platform: Platform;
  /** The post id when `url` is a page whose comments Reply Radar reads, else null. */
  matchPostPage(url: URL): { postId: string } | null;
  /**
   * The post a dialog open over a page that is not a post page shows (Facebook opens a post's dialog over the feed,
   * a Page or a group without changing the address), else null. Asked at every batch while the URL names no post:
   * the session starts when it appears and ends when it closes or shows another post. `read` reads that post.
   * `changed`: where the page changed since the last call, as `read` gets it (the adapter may follow the dialog
   * from it instead of looking at the whole page); without it, look at the page.
   */
  shownPostId?(doc: Document, changed?: PageChanges): string | null;
  /**
   * Reads the page. `changed` holds where the DOM observer saw the page change since the last read: the node whose
   * text or attribute changed, the node something was removed from, and each node added (not the list it joined,
   * so a row added to a list of 2,000 names only itself). Rows outside these may be served from what was read
   * before (each row is read once until it changes); a change to the list itself touches no other row. Without
   * `changed`, read everything. Health must stay true whatever is cached: `candidates`, `collapsed` and `moreBelow`
   * describe the whole page as it is now, never an "all answered" from a partial read. What the overlay does with
   * the result is proportional to what changed: KnownComments hands the comments that changed to the view builder.
   *
   * Full and delta reads: without `changed` the adapter returns a full read (every comment), which is also the
   * baseline of the deltas that follow; the overlay asks for one at the start of each page. With `changed` it may
   * return a delta (`PageRead.delta`) relative to the read it returned last, or a full read whenever it prefers
   * (X does: it recycles ~30 rows). The read an adapter returns when the post cannot be read (no post, stale rows
   * of the previous post) is a full one, and so is the read after it. `changed` also names nodes removed from the
   * page (no longer connected) so an adapter can release the rows they held without looking at the others.
   */
  read(doc: Document, url: URL, changed?: PageChanges): PageRead;
  /** The comment's own link, for a reader that keeps only the post's in `Comment.permalink` (see there). */
  permalink?(comment: Comment): string;
  /**
   * What the adapter measures after the browser's own layout, never in the middle of a batch (issue #10): called once
   * per page session; `reread()` asks for another read when a measurement changes what a read says. Stops with
   * `signal`.
   */
  watch?(signal: AbortSignal, reread: () => void): void;
  /** Opens the site's reply box for the comment and resolves to its editable element, or null. */
  openReply(commentElement: HTMLElement): Promise<HTMLElement | null>;
  /** The reply box that currently has focus, if it is one of the site's comment editors. */
  focusedEditor(doc: Document): HTMLElement | null;
  editorKind(editor: HTMLElement): EditorKind;
  /**
   * Whose comment a reply box answers, when the site names it (X's "Replying to @handle"): lets Alt+1…9 fill a box
   * the user opened with the site's own Reply button. Null for the box that answers the post itself.
   */
  replyTargetHandle?(editor: HTMLElement): string | null;
  /**
   * The comment a reply box answers, when the site's box is shared by every comment (Instagram: the one composer
   * its own Reply fills with "@user "). Wins over the comment Reply Radar last opened the box for.
   */
  replyTargetId?(editor: HTMLElement): string | null;
  /** True when the site's send button for this editor is enabled (used to verify an insertion took). */
  sendEnabled(editor: HTMLElement): boolean | null;
  theme(doc: Document): 'light' | 'dark';
  /** A URL the site shows for a dialog over the current post (X's /compose/post): the page stays the same. */
  isOverlayRoute?(url: URL): boolean;
  /** Where the badge of a comment goes; by default at the end of the comment element. */
  badgeSlot?(commentElement: HTMLElement): { parent: Element; before: Node | null };
}
