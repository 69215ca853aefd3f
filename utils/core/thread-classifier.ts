// The unanswered rule (unanswered.ts), kept up to date batch by batch: a comment's state depends only on its own
// thread (the latest brand comment, the newest customer comment, collapsed parts credited to the brand), its manual
// state and the clock for snoozes. So a batch recomputes only the threads it touched; what applies to every thread
// (the post, the brand identities, the account acted as) recomputes everything when it changes.
// Pure: no DOM. Must always equal classifyThreads over the same comments (a property test holds it to that).
import { commentKey } from './keys';
import type { BrandIdentity, Comment, CommentState, ManualState, Post } from './model';
import {
  addName,
  applyManual,
  brandHandles,
  brandPageNames,
  type CollapsedHint,
  cameAfter,
  handleOf,
  nameKey,
  readCollapsed,
} from './unanswered';

/**
 * A thread's comment keys, in the order indexed: the key itself for a thread of one comment (most are: an array
 * each held 0.28 MB at 10,000 comments, issue #10), else an array.
 */
export type ThreadMembers = string | string[];

/** The keys of a thread as a list. */
export const membersOf = (members: ThreadMembers | undefined): readonly string[] =>
  members === undefined ? [] : typeof members === 'string' ? [members] : members;

export interface ClassifierContext {
  post: Post;
  brand: BrandIdentity;
  trackAllPosts: boolean;
  actingHandle?: string | null;
  collapsed?: CollapsedHint[];
}

export interface ClassifierChanges {
  /** Comments new or changed since the last update (keyed by commentKey; a later copy replaces an earlier one). */
  upserted: Iterable<Comment>;
  /** Keys of comments gone for good. */
  removed?: Iterable<string>;
}

export interface ClassifierUpdate {
  /** Keys whose state changed, appeared or went (state undefined now). */
  changed: Set<string>;
  /** Everything was recomputed (the post, the brand or the tracking changed). */
  full: boolean;
}

export class ThreadClassifier {
  /** Current state of every comment, by key (empty while the post is not tracked). */
  readonly states = new Map<string, CommentState>();
  tracked = false;
  postIsBrand = false;
  /** Hidden parts may hold answers or comments we cannot see. */
  incomplete = false;

  private contextKey: string | null = null;
  private handles = new Set<string>();
  private pageNames = new Set<string>();
  /**
   * Every comment by key; also by id, as a key is the post's platform and the id (no second map, issue #10). The
   * view builder builds from this store too (it kept a copy of the map, 0.22 MB at 10,000 comments).
   */
  private readonly byKey = new Map<string, Comment>();
  /** `reset` kept the comments but not their threads: the next update indexes them again. */
  private reindex = false;
  /**
   * The keys of each thread's comments, in the order indexed (the response recorder reads the threads a batch
   * changed). No sets: most threads hold one comment, and a set per thread held 0.7 MB at 10,000 comments (issue
   * #10); a change walks its thread anyway (classifyThread).
   */
  readonly threads = new Map<string, ThreadMembers>();
  /** Display names of brand comments with how many comments carry each (collapsed parts name repliers by name). */
  private readonly brandNameCount = new Map<string, number>();
  private postName = '';
  private answeredUpTo = new Map<string, number>();
  /** The manual state each key was last classified with, and the snoozes still running at the last update. */
  private readonly manualSeen = new Map<string, ManualState>();
  private readonly snoozing = new Map<string, true>();

  /**
   * `keyOf`: a comment's key (commentKey's value); a page's overlay hands the string it already keeps, so every stage
   * holds one copy of each key, not one per stage (issue #10, heap at 10,000).
   */
  constructor(private readonly keyOf: (comment: Comment) => string = commentKey) {}

  update(
    context: ClassifierContext,
    changes: ClassifierChanges,
    manual: ReadonlyMap<string, ManualState>,
    now: number,
  ): ClassifierUpdate {
    const dirty = new Set<string>();
    const changed = new Set<string>();
    if (this.reindex) {
      this.reindex = false;
      for (const [key, comment] of this.byKey) this.index(key, comment);
    }
    const full = this.setContext(context);

    for (const comment of changes.upserted) {
      const key = this.keyOf(comment);
      const old = this.byKey.get(key);
      if (old) {
        this.unindex(key, old);
        dirty.add(old.threadKey);
      }
      this.index(key, comment);
      dirty.add(comment.threadKey);
      if (!old) changed.add(key);
    }
    for (const key of changes.removed ?? []) {
      const old = this.byKey.get(key);
      if (!old) continue;
      this.unindex(key, old);
      dirty.add(old.threadKey);
      if (this.states.delete(key)) changed.add(key);
    }

    this.diffManual(manual, now, dirty);

    if (!this.tracked) {
      for (const key of this.states.keys()) changed.add(key);
      this.states.clear();
      this.answeredUpTo = new Map();
      this.incomplete = false;
      return { changed, full };
    }

    // Collapsed parts are few: read them again every time, and recompute the threads whose credit moved.
    const { platform } = context.post;
    const byId = (id: string) => this.byKey.get(commentKey({ platform, id }));
    const collapsed = readCollapsed(context.collapsed, byId, this.handles, {
      has: (name) => name === this.postName || this.brandNameCount.has(name),
    });
    for (const [thread, upTo] of collapsed.answeredUpTo) if (this.answeredUpTo.get(thread) !== upTo) dirty.add(thread);
    for (const thread of this.answeredUpTo.keys()) if (!collapsed.answeredUpTo.has(thread)) dirty.add(thread);
    this.answeredUpTo = collapsed.answeredUpTo;
    this.incomplete = collapsed.incomplete;

    const threads = full ? this.threads.keys() : dirty;
    for (const thread of threads) this.classifyThread(thread, manual, now, changed);
    return { changed, full };
  }

  /** The comment kept under `key`. */
  comment(key: string): Comment | undefined {
    return this.byKey.get(key);
  }

  /** Every comment kept, by key (read it, never change it). */
  get comments(): ReadonlyMap<string, Comment> {
    return this.byKey;
  }

  /**
   * Forgets everything worked out (threads, states, the context) but keeps the comments, with `changes` applied:
   * the next update works it all out again, as a new classifier given every comment would.
   */
  reset(changes?: ClassifierChanges): void {
    for (const comment of changes?.upserted ?? []) this.byKey.set(this.keyOf(comment), comment);
    for (const key of changes?.removed ?? []) this.byKey.delete(key);
    this.states.clear();
    this.threads.clear();
    this.brandNameCount.clear();
    this.answeredUpTo = new Map();
    this.manualSeen.clear();
    this.snoozing.clear();
    this.contextKey = null;
    this.tracked = false;
    this.postIsBrand = false;
    this.incomplete = false;
    this.reindex = true;
  }

  /** True when the context differs from the last update's (then every thread is recomputed). */
  private setContext(context: ClassifierContext): boolean {
    const { post, brand, trackAllPosts, actingHandle } = context;
    const key = JSON.stringify([
      post.platform,
      post.author.handle,
      post.author.displayName,
      brand[post.platform],
      trackAllPosts,
      actingHandle ?? null,
    ]);
    if (key === this.contextKey) return false;
    this.contextKey = key;
    this.handles = brandHandles(brand, post.platform, actingHandle);
    this.pageNames = post.platform === 'facebook' ? brandPageNames(brand.facebook) : new Set();
    this.postIsBrand = this.isBrandAuthor(post.author);
    this.tracked = this.postIsBrand || trackAllPosts === true;
    const names = new Set<string>();
    if (this.postIsBrand) addName(names, post.author.displayName);
    this.postName = names.values().next().value ?? '';
    // Who counts as the brand changed: count the brand's display names again.
    this.brandNameCount.clear();
    for (const comment of this.byKey.values()) this.countName(comment, 1);
    return true;
  }

  private isBrandAuthor(author: Comment['author'] | undefined): boolean {
    return (
      this.handles.has(handleOf(author?.handle)) ||
      (typeof author?.displayName === 'string' && this.pageNames.has(nameKey(author.displayName)))
    );
  }

  private index(key: string, comment: Comment): void {
    this.byKey.set(key, comment);
    const members = this.threads.get(comment.threadKey);
    // A key is indexed once (a copy is unindexed first), so it is never in the list already.
    if (typeof members === 'object') members.push(key);
    else this.threads.set(comment.threadKey, members === undefined ? key : [members, key]);
    this.countName(comment, 1);
  }

  private unindex(key: string, comment: Comment): void {
    this.byKey.delete(key);
    const members = this.threads.get(comment.threadKey);
    if (members === key) this.threads.delete(comment.threadKey);
    else if (typeof members === 'object') {
      const at = members.indexOf(key);
      if (at >= 0) members.splice(at, 1);
      if (members.length === 1) this.threads.set(comment.threadKey, members[0]!);
    }
    this.countName(comment, -1);
  }

  private countName(comment: Comment, delta: 1 | -1): void {
    if (!this.isBrandAuthor(comment.author)) return;
    const names = new Set<string>();
    addName(names, comment.author?.displayName);
    for (const name of names) {
      const count = (this.brandNameCount.get(name) ?? 0) + delta;
      if (count > 0) this.brandNameCount.set(name, count);
      else this.brandNameCount.delete(name);
    }
  }

  /** Threads whose manual states changed, or whose snooze ran out since the last update. */
  private diffManual(manual: ReadonlyMap<string, ManualState>, now: number, dirty: Set<string>): void {
    const touch = (key: string) => {
      const comment = this.byKey.get(key);
      if (comment) dirty.add(comment.threadKey);
    };
    for (const [key, state] of manual) {
      if (this.manualSeen.get(key) === state) continue;
      this.manualSeen.set(key, state);
      touch(key);
    }
    for (const key of this.manualSeen.keys()) {
      if (manual.has(key)) continue;
      this.manualSeen.delete(key);
      touch(key);
    }
    // A snooze decides only while it runs: a thread whose snooze started or ended since the last update changes.
    for (const [key, state] of manual) {
      const running = state?.state === 'snoozed' && now < state.until;
      if (running === this.snoozing.has(key)) continue;
      if (running) this.snoozing.set(key, true);
      else this.snoozing.delete(key);
      touch(key);
    }
    for (const key of this.snoozing.keys()) {
      if (manual.has(key)) continue;
      this.snoozing.delete(key);
      touch(key);
    }
  }

  private classifyThread(
    thread: string,
    manual: ReadonlyMap<string, ManualState>,
    now: number,
    changed: Set<string>,
  ): void {
    const members = membersOf(this.threads.get(thread));
    let latestBrand: Comment | undefined;
    let latestCustomerAt: number | undefined;
    for (const key of members) {
      const c = this.byKey.get(key)!;
      if (!Number.isFinite(c.postedAt)) continue;
      if (this.isBrandAuthor(c.author)) {
        if (!latestBrand || cameAfter(c, latestBrand)) latestBrand = c;
      } else if (latestCustomerAt === undefined || c.postedAt > latestCustomerAt) {
        latestCustomerAt = c.postedAt;
      }
    }
    const upTo = this.answeredUpTo.get(thread);
    for (const key of members) {
      const c = this.byKey.get(key)!;
      let state: CommentState;
      if (this.isBrandAuthor(c.author)) {
        state = 'brand';
      } else {
        const answered =
          (latestBrand !== undefined && cameAfter(latestBrand, c)) || (upTo !== undefined && c.postedAt <= upTo);
        const m = manual.get(key);
        state = applyManual(
          answered ? 'answered' : 'unanswered',
          m && typeof m === 'object' ? m : undefined,
          now,
          latestCustomerAt,
        );
      }
      if (this.states.get(key) !== state) {
        this.states.set(key, state);
        changed.add(key);
      }
    }
  }
}
