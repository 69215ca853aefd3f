// The queue panel's drawing, in the overlay's deferred code (issue #10: each content script under 30 KB gzip; this
// was about 5 KB of each): the panel's view (components/overlay/QueuePanel.tsx and its parts, dom-patch.ts) and its
// docking (../panel-dock.ts). The content script keeps the <reply-radar> host and its page contract
// (data-rr-unanswered, data-rr-health: right from the first classification, before this draws) and loads this code
// right after its first panel (../panel-layer.ts).
import type { HandledItem, HandledKind } from '../../../components/overlay/HandledLists';
import { QueuePanel } from '../../../components/overlay/QueuePanel';
import type { Platform } from '../../core/model';
import { currentLocale } from '../../i18n';
import { type DockSources, dockPanel } from '../panel-dock';
import type { PanelActions, PanelUi } from '../panel-layer';
import { moreBelowText, type PageView } from '../view-model';
import { undoToast } from './session-actions';

const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' } as const;

export interface PanelView {
  draw(view: PageView, ui: PanelUi): void;
  clear(): void;
}

/** The panel's UI in `mount` (the shadow root's mount of `host`), docked until `signal` (the host's placement). */
export function panelView(
  host: HTMLElement,
  mount: HTMLElement,
  platform: Platform,
  actions: PanelActions,
  signal: AbortSignal,
  dock?: DockSources,
): PanelView {
  if (dock) dockPanel(host, dock, signal);
  const panel = new QueuePanel(mount);
  /** What the panel was last drawn from (see panelInputs). */
  let drawn: unknown[] | null = null;
  return {
    draw(view, ui) {
      const inputs = panelInputs(view, ui, currentLocale());
      if (drawn && inputs.length === drawn.length && inputs.every((x, i) => x === drawn![i])) return;
      drawn = inputs;
      host.setAttribute('data-theme', ui.theme);
      // Fonts and Khmer line breaking follow the interface language.
      host.setAttribute('lang', currentLocale());
      host.style.setProperty('--rr-font-size', `${ui.fontSize}px`);
      const { adoptable } = view;
      panel.draw({
        // The queue's rows are its comment views: an unchanged comment keeps its view, so its row is not redrawn.
        items: view.queue,
        labelCounts: view.queueLabels,
        onIgnore: actions.ignore,
        handled: handledLists(view),
        onRestore: actions.restore,
        moreBelow: view.problems.includes(moreBelowText()),
        toast: ui.undo
          ? undoToast({
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
        adoptBrand: adoptable
          ? { name: adoptable.displayName, onAdopt: () => actions.adoptBrand(adoptable) }
          : undefined,
        currentKey: ui.currentKey,
        labelFilter: ui.labelFilter,
        onLabelFilter: actions.labelFilter,
        theme: ui.theme,
        platformName: PLATFORM_NAMES[platform],
      });
    },
    clear() {
      drawn = null;
      panel.clear();
    },
  };
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
