// Feeds the response log from one page's overlay: after the view is rebuilt, it works out (at most every couple of
// seconds) each customer comment's waiting/answered status and sends only what changed to the background, which
// keeps the log. The rules are in utils/core/first-response.ts and utils/core/response-log.ts.
import { agentFromText, observeComments, signatureShapes } from '../core/first-response';
import { labelsFor } from '../core/label-match';
import type { Comment } from '../core/model';
import type { ResponseObservation } from '../core/response-log';
import type { Settings } from '../core/settings';
import type { Template } from '../core/template';
import type { PageView } from './view-model';

const SETTLE_MS = 2_000;
const BATCH = 200;

export interface RecorderServices {
  settings(): Settings;
  templates(): Template[];
  now(): number;
  record(observations: ResponseObservation[]): Promise<void>;
}

export class ResponseRecorder {
  /** What was last sent per comment, so an unchanged page sends nothing. */
  private readonly sent = new Map<string, string>();
  private readonly answerSeen = new Map<string, number>();
  private readonly labels = new Map<string, { text: string; labels: ReturnType<typeof labelsFor> }>();
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
    const settings = this.services.settings();
    const shapes = signatureShapes(this.services.templates().map((t) => t.body));
    const now = this.services.now();
    const observations = observeComments([...view.comments.values()], {
      labelsOf: (c) => this.labelsOf(c, settings),
      agentOf: (text) => agentFromText(text, shapes, settings.agentName),
      answerSeenAt: (key) => {
        const at = this.answerSeen.get(key) ?? now;
        this.answerSeen.set(key, at);
        return at;
      },
    });
    const changed = observations.filter((obs) => {
      const signature = JSON.stringify([obs.status, obs.answer?.at, obs.answer?.agent, obs.labels]);
      if (this.sent.get(obs.key) === signature) return false;
      this.sent.set(obs.key, signature);
      return true;
    });
    for (let i = 0; i < changed.length; i += BATCH) {
      const batch = changed.slice(i, i + BATCH);
      this.services.record(batch).catch((error) => {
        // Not kept: send these again with the next change rather than never.
        for (const obs of batch) this.sent.delete(obs.key);
        if (!this.signal.aborted) console.warn('[reply-radar] could not record response times', error);
      });
    }
  }

  private labelsOf(comment: Comment, settings: Settings) {
    const key = `${comment.platform}:${comment.id}`;
    const cached = this.labels.get(key);
    if (cached?.text === comment.text) return cached.labels;
    const labels = labelsFor(comment.text, comment.lang, settings.labelWords);
    this.labels.set(key, { text: comment.text, labels });
    return labels;
  }
}
