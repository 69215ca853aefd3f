// Feeds the response log from one page's overlay: after the view is rebuilt, it sends (at most every couple of
// seconds) the comments of each thread whose reading changed to the background, which works out first answers,
// labels and agents (utils/core/first-response.ts) and keeps the log (utils/core/response-log.ts). A whole thread
// goes at once: its customer comments' first answers are in it.
import type { ClassifiedComment } from '../core/first-response';
import type { PageView } from './view-model';

const SETTLE_MS = 2_000;
/** Comments per message (whole threads; a thread longer than the message's limit is cut). */
const BATCH = 200;
const MAX_PER_MESSAGE = 2000;
/** As MAX_OBSERVED_TEXT (utils/messaging/protocol.ts): longer texts keep their end, where a signature is. */
export const MAX_TEXT = 50_000;

export interface RecorderServices {
  record(comments: ClassifiedComment[]): Promise<void>;
}

export class ResponseRecorder {
  /** What was last sent per thread, so an unchanged thread sends nothing. */
  private readonly sent = new Map<string, string>();
  private latest: PageView | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly services: RecorderServices,
    private readonly signal: AbortSignal,
  ) {
    // What the page showed last is still worth keeping when the user navigates away before the timer fires.
    signal.addEventListener('abort', () => this.flush(), { once: true });
  }

  /** The overlay rebuilt its view of the page. Cheap: the work happens once the page settles. */
  observe(view: PageView | null): void {
    if (!view?.tracked || view.health === 'broken' || view.comments.size === 0) return;
    this.latest = view;
    if (this.timer === null && !this.signal.aborted) this.timer = setTimeout(() => this.flush(), SETTLE_MS);
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const view = this.latest;
    this.latest = null;
    if (!view) return;
    const threads = new Map<string, ClassifiedComment[]>();
    for (const { key, state, comment: c } of view.comments.values()) {
      // Without a time a comment is no observation, nor anyone's answer.
      if (!Number.isFinite(c.postedAt)) continue;
      const comment = {
        platform: c.platform,
        postId: c.postId,
        threadKey: c.threadKey,
        author: { handle: c.author.handle, displayName: c.author.displayName },
        text: c.text.length > MAX_TEXT ? c.text.slice(-MAX_TEXT) : c.text,
        ...(c.lang === undefined ? {} : { lang: c.lang }),
        postedAt: c.postedAt,
        postedAtPrecision: c.postedAtPrecision,
        permalink: c.permalink,
        order: c.order,
      };
      const list = threads.get(c.threadKey) ?? [];
      list.push({ key, state, comment });
      threads.set(c.threadKey, list);
    }
    let batch: ClassifiedComment[] = [];
    let batchThreads: string[] = [];
    const send = () => {
      const [comments, sentThreads] = [batch, batchThreads];
      batch = [];
      batchThreads = [];
      if (!comments.length) return;
      this.services.record(comments).catch((error) => {
        // Not kept: send these threads again with the next change rather than never.
        for (const thread of sentThreads) this.sent.delete(thread);
        if (!this.signal.aborted) console.warn('[reply-radar] could not record response times', error);
      });
    };
    for (const [thread, list] of threads) {
      const signature = JSON.stringify(list);
      if (this.sent.get(thread) === signature) continue;
      this.sent.set(thread, signature);
      if (batch.length + list.length > BATCH) send();
      batch.push(...list.slice(0, MAX_PER_MESSAGE));
      batchThreads.push(thread);
    }
    send();
  }
}
