// The response recorder (./response-recorder.ts) feeds the dashboard, not the page: it lives in the overlay's
// deferred code (issue #10: each content script under 30 KB gzip), which a tracked page loads with its first panel.
// Until it is in, only the newest view waits here; the recorder's first look takes the whole page anyway.
import { loadActions } from './actions-loader';
import type { RecorderServices } from './response-recorder';
import type { PageView } from './view-model';

interface Recorder {
  observe(view: PageView | null, changed: Iterable<string> | null): void;
}

export class DeferredRecorder implements Recorder {
  private recorder: Recorder | null = null;
  private latest: PageView | null = null;
  private loading = false;

  constructor(
    private readonly services: RecorderServices,
    private readonly signal: AbortSignal,
  ) {}

  observe(view: PageView | null, changed: Iterable<string> | null): void {
    if (this.recorder) {
      this.recorder.observe(view, changed);
      return;
    }
    this.latest = view;
    // Nothing to record yet (the recorder itself waits for the same): no reason to load its code.
    if (this.loading || this.signal.aborted || !view?.tracked || view.comments.size === 0) return;
    this.loading = true;
    loadActions().then(
      (actions) => {
        if (this.signal.aborted) return;
        this.recorder = actions.responseRecorder(this.services, this.signal);
        this.recorder.observe(this.latest, null);
      },
      // The panel says the deferred code failed and tries again; so does the next view here.
      () => {
        this.loading = false;
      },
    );
  }
}
