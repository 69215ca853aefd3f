// The queue panel: one <reply-radar> host per page, fixed in a corner, carrying the page contract's
// data-rr-unanswered and data-rr-health. Drawn without Preact's runtime (QueuePanel.tsx, dom-patch.ts).
import type { HandledItem, HandledKind } from '../../components/overlay/HandledLists';
import { type LabelFilter, type QueueItemView, QueuePanel } from '../../components/overlay/QueuePanel';
import type { Author, Platform } from '../core/model';
import type { Settings } from '../core/settings';
import { currentLocale } from '../i18n';
import { loadedActions } from './actions-loader';
import { createPanelHost, ensureOutlineStyle } from './hosts';
import { OUTLINE_CSS, PANEL_CSS } from './overlay-css';
import { type DockSources, dockPanel } from './panel-dock';
import { type CommentView, moreBelowText, type PageView } from './view-model';

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

const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' } as const;

export class PanelLayer {
  private panel: { host: HTMLElement; mount: HTMLElement; placed: AbortController } | null = null;
  /** The panel's view in the mount, kept across draws (its list's window, what it scrolled to). */
  private view: QueuePanel | null = null;
  /** What the panel was last drawn from (see panelInputs). */
  private drawn: unknown[] | null = null;
  /** Each queue item made once per comment view: an unchanged comment keeps its item, so its row is not redrawn. */
  private readonly items = new WeakMap<CommentView, QueueItemView>();
  private queueItems: { queue: CommentView[]; items: QueueItemView[] } | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly actions: PanelActions,
    private readonly signal: AbortSignal,
    /** What the panel keeps clear of (the reply box being typed in, the comments); see panel-dock.ts. */
    private readonly dock?: DockSources,
  ) {}

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
      if (this.dock) dockPanel(this.panel.host, this.dock, placed.signal);
    }
    const { host, mount } = this.panel;
    const inputs = panelInputs(view, ui, currentLocale());
    if (this.drawn && inputs.length === this.drawn.length && inputs.every((x, i) => x === this.drawn![i])) return;
    this.drawn = inputs;
    host.setAttribute('data-rr-unanswered', String(view.tracked ? view.queue.length : 0));
    host.setAttribute('data-rr-health', view.health);
    host.setAttribute('data-theme', ui.theme);
    // Fonts and Khmer line breaking follow the interface language.
    host.setAttribute('lang', currentLocale());
    host.style.setProperty('--rr-font-size', `${ui.fontSize}px`);
    const { actions } = this;
    const { adoptable } = view;
    this.view ??= new QueuePanel(mount);
    this.view.draw({
      items: this.itemsOf(view.queue),
      labelCounts: view.queueLabels,
      onIgnore: actions.ignore,
      handled: handledLists(view),
      onRestore: actions.restore,
      moreBelow: view.problems.includes(moreBelowText()),
      // Only the deferred code marks comments (and sets `undo`): it is loaded, and draws its toast.
      toast: ui.undo
        ? loadedActions()?.undoToast({
            kind: ui.undo.to,
            name: view.comments.get(ui.undo.key)?.comment.author.displayName ?? '',
            onUndo: actions.undo,
          })
        : null,
      health: view.health,
      problems: view.problems,
      collapsedHints: view.collapsedHints,
      tracked: view.tracked,
      notTrackedReason: view.notTrackedReason,
      collapsed: ui.settings.panelCollapsed,
      onToggleCollapsed: actions.toggleCollapsed,
      onSelect: actions.select,
      onReply: actions.reply,
      onTrackAll: actions.trackAll,
      adoptBrand: adoptable ? { name: adoptable.displayName, onAdopt: () => actions.adoptBrand(adoptable) } : undefined,
      currentKey: ui.currentKey,
      labelFilter: ui.labelFilter,
      onLabelFilter: actions.labelFilter,
      theme: ui.theme,
      platformName: PLATFORM_NAMES[this.platform],
    });
  }

  /** The queue's items, made again only when the queue changed (the view builder hands the same array otherwise). */
  private itemsOf(queue: CommentView[]): QueueItemView[] {
    if (this.queueItems?.queue !== queue) this.queueItems = { queue, items: queue.map((c) => this.itemOf(c)) };
    return this.queueItems.items;
  }

  private itemOf(c: CommentView): QueueItemView {
    let item = this.items.get(c);
    if (!item) {
      item = {
        key: c.key,
        authorName: c.comment.author.displayName,
        handle: c.comment.author.handle,
        snippet: c.comment.text,
        ageText: c.ageText,
        level: c.level,
        labels: c.labels,
        spam: c.spam,
      };
      this.items.set(c, item);
    }
    return item;
  }

  /** Unmounts the panel's UI (the host goes with the page's signal or with `remove`). */
  unmount(): void {
    this.drawn = null;
    this.view?.clear();
    this.view = null;
  }

  remove(): void {
    if (!this.panel) return;
    this.view?.clear();
    this.view = null;
    this.panel.placed.abort();
    this.panel.host.remove();
    this.panel = null;
    this.drawn = null;
  }
}

/** The comments that left the queue on this page, by where they went, in page order. */
function handledLists(view: PageView): Record<HandledKind, HandledItem[]> {
  const lists: Record<HandledKind, HandledItem[]> = { done: [], snoozed: [], ignored: [] };
  for (const c of view.handled ?? []) {
    if (c.state !== 'done' && c.state !== 'snoozed' && c.state !== 'ignored') continue;
    lists[c.state].push({ key: c.key, authorName: c.comment.author.displayName, snippet: c.comment.text });
  }
  return lists;
}

/** What the panel shows, compared by identity: an unchanged panel is not drawn again on every batch. */
function panelInputs(view: PageView, ui: PanelUi, locale: string): unknown[] {
  return [
    view.queue,
    view.health,
    view.problems.join('\u0001'),
    view.collapsedHints.join('\u0001'),
    view.tracked,
    view.notTrackedReason,
    view.adoptable?.handle,
    view.adoptable?.displayName,
    (view.handled ?? []).map((c) => `${c.key}/${c.state}`).join(','),
    ui.currentKey,
    ui.labelFilter,
    ui.theme,
    ui.fontSize,
    ui.settings.panelCollapsed,
    ui.undo,
    ui.undo && view.comments.get(ui.undo.key)?.comment.author.displayName,
    locale,
  ];
}
