// The queue panel: one <reply-radar> host per page, fixed in a corner, carrying the page contract's
// data-rr-unanswered and data-rr-health from the first classification on. What draws in it (the panel's view and
// its docking: ./actions/panel-view.ts) is deferred code (issue #10: about 5 KB gzip of each content script), loaded
// as soon as the first panel is wanted; until it is in, the host is there with its contract and draws nothing. A
// failed load is said in the panel (our words) and tried again, at the next draw and on a timer.
import type { HandledKind } from '../../components/overlay/HandledLists';
import type { LabelFilter } from '../../components/overlay/QueuePanel';
import type { Author, Platform } from '../core/model';
import type { Settings } from '../core/settings';
import { t } from '../i18n';
import type { PanelView } from './actions/panel-view';
import { loadActions } from './actions-loader';
import { createPanelHost, ensureOutlineStyle } from './hosts';
import { OUTLINE_CSS, PANEL_CSS } from './overlay-css';
import type { DockSources } from './panel-dock';
import type { PageView } from './view-model';

export interface PanelActions {
  toggleCollapsed(): void;
  select(key: string): void;
  reply(key: string): void;
  trackAll(): void;
  /** Adds the post's author to this site's brand identities. */
  adoptBrand(author: Author): void;
  labelFilter(filter: LabelFilter): void;
  ignore(key: string): void;
  /** Back to the queue from the done / snoozed / ignored lists. */
  restore(key: string): void;
  undo(): void;
}

export interface PanelUi {
  currentKey: string | null;
  labelFilter: LabelFilter;
  theme: 'light' | 'dark';
  fontSize: number;
  settings: Settings;
  /** The last done/snooze/ignore while it can be undone. */
  undo: { key: string; to: HandledKind } | null;
}

/** The first retry of a failed load after this long, each next one twice as late (at most RETRY_MAX_MS). */
const RETRY_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export class PanelLayer {
  private panel: {
    host: HTMLElement;
    mount: HTMLElement;
    placed: AbortController;
    view?: PanelView;
    /** What the view draws once it is in (the latest draw's). */
    last?: [PageView, PanelUi];
  } | null = null;
  private loading = false;
  private retryMs = RETRY_MS;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly actions: PanelActions,
    private readonly signal: AbortSignal,
    /** What the panel keeps clear of (the reply box being typed in, the comments); see panel-dock.ts. */
    private readonly dock?: DockSources,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.retry));
  }

  /** Draws the panel for `view`; with no view (not a post page, or the site is switched off) removes it. */
  draw(view: PageView | null, ui: PanelUi): void {
    if (!view) {
      this.remove();
      return;
    }
    if (!this.panel) {
      const placed = new AbortController();
      this.signal.addEventListener('abort', () => placed.abort(), { signal: placed.signal });
      this.panel = { ...createPanelHost(document, PANEL_CSS, this.signal), placed };
      ensureOutlineStyle(document, OUTLINE_CSS, this.signal);
    }
    const { host } = this.panel;
    setIfChanged(host, 'data-rr-unanswered', String(view.tracked ? view.queue.length : 0));
    setIfChanged(host, 'data-rr-health', view.health);
    this.panel.last = [view, ui];
    if (this.panel.view) this.panel.view.draw(view, ui);
    else this.load();
  }

  /** Loads the deferred code and draws the panel's view with the latest draw (once; again after a failure). */
  private load(): void {
    if (this.loading || this.signal.aborted) return;
    this.loading = true;
    clearTimeout(this.retry);
    loadActions().then(
      (actions) => {
        this.loading = false;
        this.retryMs = RETRY_MS;
        const panel = this.panel;
        if (!panel?.last || panel.view || panel.placed.signal.aborted) return;
        const { host, mount, placed } = panel;
        mount.replaceChildren();
        panel.view = actions.panelView(host, mount, this.platform, this.actions, placed.signal, this.dock);
        panel.view.draw(...panel.last);
      },
      (error: unknown) => {
        this.loading = false;
        console.warn('[reply-radar] could not load the panel', error);
        const panel = this.panel;
        if (!panel || this.signal.aborted) return;
        // Never an empty corner: the panel says it could not be drawn (the host keeps the counts) until a retry works.
        const note = document.createElement('div');
        note.className = 'rr-panel';
        note.textContent = t('problem_drawing_failed');
        panel.mount.replaceChildren(note);
        this.retry = setTimeout(() => this.load(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      },
    );
  }

  /** Unmounts the panel's UI (the host goes with the page's signal or with `remove`). */
  unmount(): void {
    this.panel?.view?.clear();
  }

  remove(): void {
    if (!this.panel) return;
    this.panel.view?.clear();
    this.panel.placed.abort();
    this.panel.host.remove();
    this.panel = null;
  }
}

function setIfChanged(host: HTMLElement, name: string, value: string): void {
  if (host.getAttribute(name) !== value) host.setAttribute(name, value);
}
