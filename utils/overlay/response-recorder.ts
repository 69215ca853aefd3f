// Feeds the response log from one page's overlay: after the view is rebuilt, it sends (at most every couple of
// seconds) the comments of each thread whose reading changed to the background, which works out first answers,
// labels and agents (utils/core/first-response.ts) and keeps the log (utils/core/response-log.ts). A whole thread
// goes at once: its customer comments' first answers are in it.
import type { ClassifiedComment } from '../core/first-response';
import { fnv1a } from '../core/fnv1a';
import type { Comment } from '../core/model';
import { membersOf } from '../core/thread-classifier';
import type { PageView } from './view-model';

const SETTLE_MS = 2_000;
/** Comments per message (whole threads; a thread longer than the message's limit is cut). */
const BATCH = 200;
/** Comments a task of a flush looks at, about (whole threads): the first flush of a long page takes many tasks. */
const SLICE = 200;
const MAX_PER_MESSAGE = 2000;
/** As MAX_OBSERVED_TEXT (utils/messaging/protocol.ts): longer texts keep their end, where a signature is. */
export const MAX_TEXT = 50_000;

export interface RecorderServices {
  record(comments: ClassifiedComment[]): Promise<void>;
  /** The comment's own link (the site adapter's `permalink`); without it, `Comment.permalink` is that link. */
  permalink?(comment: Comment): string;
}

export class ResponseRecorder {
  /**
   * What was last sent per thread, so an unchanged thread sends nothing: a 32-bit hash of its JSON text and the
   * text's length, not the text (about 5 MB kept at 10,000 comments).
   */
  private readonly sent = new Map<string, number>();
  /** The newest view worth recording (a later batch's view replaces it, also while a flush is in slices). */
  private latest: PageView | null = null;
  /** The flush due: once the page settles, or the next slice (which takes what changed meanwhile with it). */
  private timer?: ReturnType<typeof setTimeout>;
  /** Threads with a comment changed since the last flush; `all`: every thread (a full rebuild of the view). */
  private readonly dirty = new Set<string>();
  private all = true;
  /**
   * Threads a flush has still to look at, in order. The first flush (the whole page) goes in slices of about
   * SLICE comments, one per task: in one task it took 40–43 ms CPU on the Facebook 2,000-comment bench page.
   * A thread a later batch changes while it waits is looked at once, with its newest comments.
   */
  private readonly queue = new Set<string>();
  /**
   * Comments looked at since the queue was last empty, all slices (for tests: on a batch it follows the threads
   * changed; per task, it grows by about SLICE at most).
   */
  looked = 0;

  constructor(
    private readonly services: RecorderServices,
    private readonly signal: AbortSignal,
  ) {
    // What the page showed last is still worth keeping when the user navigates away before the timer fires, or
    // while a flush is in slices: the rest goes at once.
    signal.addEventListener('abort', () => this.flush(Number.POSITIVE_INFINITY), { once: true });
  }

  /**
   * The overlay rebuilt its view of the page; `changed`: the keys whose comment view changed (null: every one).
   * Cheap: the work happens once the page settles, on the threads of the changed comments.
   */
  observe(view: PageView | null, changed: Iterable<string> | null): void {
    if (changed === null) this.all = true;
    else if (!this.all) {
      for (const key of changed) {
        const thread = view?.comments.get(key)?.comment.threadKey;
        if (thread !== undefined) this.dirty.add(thread);
      }
    }
    if (!view?.tracked || view.health === 'broken' || view.comments.size === 0) return;
    this.latest = view;
    if (this.timer === undefined && !this.signal.aborted) this.timer = setTimeout(() => this.flush(SLICE), SETTLE_MS);
  }

  /**
   * The page settled, or the next slice is due: what changed joins the queue, and the queue's next threads, about
   * `limit` comments of them, are sent; the rest is left to another task (one chain of slices).
   */
  private flush(limit: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const view = this.latest;
    if (!view) return;
    if (!this.queue.size) this.looked = 0;
    for (const thread of this.all ? (view.threads?.keys() ?? []) : this.dirty) this.queue.add(thread);
    this.all = false;
    this.dirty.clear();
    let batch: ClassifiedComment[] = [];
    let batchThreads: string[] = [];
    const send = () => {
      const [comments, sentThreads] = [batch, batchThreads];
      batch = [];
      batchThreads = [];
      if (!comments.length) return;
      this.services.record(comments).catch((error) => {
        // Not kept: send these threads again with the next change rather than never.
        for (const thread of sentThreads) {
          this.sent.delete(thread);
          this.dirty.add(thread);
        }
        if (!this.signal.aborted) console.warn('[reply-radar] could not record response times', error);
      });
    };
    const end = this.looked + limit;
    for (const thread of this.queue) {
      if (this.looked >= end) break;
      this.queue.delete(thread);
      const list = this.threadList(view, thread);
      if (!list.length) continue;
      const signature = fingerprint(JSON.stringify(list));
      if (this.sent.get(thread) === signature) continue;
      this.sent.set(thread, signature);
      if (batch.length + list.length > BATCH) send();
      batch.push(...list.slice(0, MAX_PER_MESSAGE));
      batchThreads.push(thread);
    }
    send();
    // Once the page is gone (abort) the flush had no limit: nothing is left.
    if (this.queue.size) this.timer = setTimeout(() => this.flush(SLICE), 0);
  }

  /** A thread's comments as the log takes them, in the order first seen. */
  private threadList(view: PageView, thread: string): ClassifiedComment[] {
    const list: ClassifiedComment[] = [];
    for (const key of membersOf(view.threads?.get(thread))) {
      const cv = view.comments.get(key);
      this.looked++;
      const c = cv?.comment;
      // Without a time a comment is no observation, nor anyone's answer.
      if (!c || !Number.isFinite(c.postedAt)) continue;
      const comment = {
        platform: c.platform,
        postId: c.postId,
        threadKey: c.threadKey,
        author: { handle: c.author.handle, displayName: c.author.displayName },
        text: c.text.length > MAX_TEXT ? c.text.slice(-MAX_TEXT) : c.text,
        ...(c.lang === undefined ? {} : { lang: c.lang }),
        postedAt: c.postedAt,
        postedAtPrecision: c.postedAtPrecision,
        permalink: this.services.permalink?.(c) ?? c.permalink,
        order: c.order,
      };
      list.push({ key, state: cv.state, comment });
    }
    return list;
  }
}

/**
 * A thread's JSON text as one number: its 32-bit FNV-1a hash and its length (exact below 2^21 characters), so a
 * change the hash misses must also keep the length to go unsent.
 */
export const fingerprint = (text: string): number => text.length * 2 ** 32 + fnv1a(text);
