// One page's overlay: from a navigation to the next. It coordinates the parts: the reader (the page through the
// site adapter, in batches), the view (classification), the badges and stamps, the queue panel, and the actions
// (selection, reply, templates, done/snooze). Everything it starts is torn down with `signal` (the next
// navigation, or the extension going away).

import { commentKey } from '../core/keys';
import type { ManualState } from '../core/model';
import type { LabelKind, ShortcutAction } from '../core/settings';
import { tabReportOf } from '../core/tab-report';
import type { Template } from '../core/template';
import { t } from '../i18n';
import type { SiteAdapter } from '../sites/types';
import type { ActingSession, MarkTo } from './acting-session';
import type { OverlayActions } from './actions';
import { loadActions, loadedActions } from './actions-loader';
import { BadgeLayer } from './badge-layer';
import { DeferredRecorder } from './deferred-recorder';
import { watchDom } from './dom-watcher';
import { watchTypeToExpand } from './expand';
import { findBadgeHost } from './hosts';
import { Judgments } from './judgments';
import { templateKeysText } from './keyboard';
import { ManualStates } from './manual-states';
import { LAYER_CSS } from './overlay-css';
import { brokenFacts, LOADING_GRACE_MS, PageReader } from './page-reader';
import { PanelLayer } from './panel-layer';
import type { PopupLayer } from './popup-layer';
import { commentForHandle, liveTemplates } from './reply-text';
import { type RowPositions, rowPositions } from './row-positions';
import type { InsertStatus, SessionServices } from './session-services';
import { ViewBuilder } from './view-builder';
import type { PageFacts, PageView } from './view-model';

export type { InsertStatus, SessionServices } from './session-services';

/**
 * The members public for the deferred actions (ActingSession) are theirs to use, never the rest of the content
 * script's.
 */
export class PageSession implements ActingSession {
  private readonly reader: PageReader;
  private readonly manual: ManualStates;
  private readonly badges: BadgeLayer;
  private readonly panel: PanelLayer;
  private readonly statuses = new Map<string, InsertStatus>();
  view: PageView | null = null;
  /** Builds the view batch by batch (only what changed is worked out again). */
  private readonly builder: ViewBuilder;
  /** Waiting comments' labels, spam marks and languages, from the background. */
  private readonly judgments: Judgments;
  facts: PageFacts | null = null;
  currentKey: string | null = null;
  /** The reply box Reply Radar opened last and for which comment: Alt+1…9 fill templates for it while focused. */
  replying: { key: string; editor: HTMLElement } | null = null;
  /** Bumped by every selection, so a slow earlier one does not scroll to a comment the user has moved past. */
  selection = 0;
  /** Set when the site's theme and font size may have changed (clock, settings): they are read again. */
  private viewDirty = true;
  pickerKey: string | null = null;
  /** The last done/snooze/ignore, undoable for a while: the state it replaced. */
  undo: { key: string; to: MarkTo; before: ManualState | undefined } | null = null;
  undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The layer the template picker opens in, above the page (deferred code: made when the picker first opens). */
  layer: PopupLayer | null = null;
  /** The reply box each "Inserted" status is about: the status follows the box and clears when it is gone. */
  readonly filledBoxes = new Map<string, HTMLElement>();
  private labelFilter: LabelKind | 'all' = 'all';
  /** The site's theme, read once per render (it costs a style recalculation). */
  theme: 'light' | 'dark' = 'light';
  /** The site's base font size (X lets users pick one): our text follows it. */
  fontSize = 14;
  private readonly scheduleRead: () => void;
  private readonly flushRead: () => void;
  private readonly recorder: DeferredRecorder;
  /** Rows' page positions, measured after the frame (for scrolling back to an unmounted row). */
  private readonly positions: RowPositions;

  constructor(
    readonly adapter: SiteAdapter,
    private readonly url: URL,
    readonly services: SessionServices,
    readonly signal: AbortSignal,
    /**
     * With an adapter that has `shownPostId`: the post a dialog showed when the session started (null: none), and
     * what to do when that changes while the URL names no post (a new session takes over).
     */
    private readonly shown: { postId: string | null; changed: () => void } | null = null,
  ) {
    this.reader = new PageReader(adapter, url, services.now());
    this.judgments = new Judgments(
      (items) => services.judgeComments(items),
      signal,
      () => this.render(),
    );
    this.builder = new ViewBuilder(
      (comment) => this.judgments.get(comment),
      (comment) => this.reader.known.keyOf(comment),
    );
    this.positions = rowPositions((element, y) => this.reader.known.notePosition(element, y));
    this.recorder = new DeferredRecorder({ record: services.recordResponses, permalink: adapter.permalink }, signal);
    this.manual = new ManualStates(
      (keys) => services.loadManualStates(keys),
      signal,
      () => {
        this.viewDirty = true;
        this.render();
      },
    );
    this.badges = new BadgeLayer(adapter, {
      reply: (key) => void this.act((a) => a.reply(this, key, null), key),
      togglePicker: (key) => void this.act((a) => a.togglePicker(this, key)),
      done: (key) => void this.act((a) => a.mark(this, key, 'done'), key),
      snooze: (key) => void this.act((a) => a.mark(this, key, 'snoozed'), key),
      templates: () => this.liveTemplates(),
      templateKeys: (n) => templateKeysText(this.services.settings().shortcuts[`template${n}` as ShortcutAction], n),
    });
    this.panel = new PanelLayer(
      adapter.platform,
      {
        toggleCollapsed: () =>
          void this.services.saveSettings({ panelCollapsed: !this.services.settings().panelCollapsed }),
        select: (key) => void this.act((a) => a.select(this, key)),
        reply: (key) => void this.act((a) => a.reply(this, key, null), key),
        trackAll: () => void this.services.saveSettings({ trackAllPosts: true }),
        adoptBrand: (author) => void this.act((a) => a.adoptBrand(this, author)),
        ignore: (key) => void this.act((a) => a.mark(this, key, 'ignored'), key),
        restore: (key) => void this.act((a) => a.restore(this, key, undefined), key),
        undo: () => void this.act((a) => a.undoLast(this)),
        labelFilter: (filter) => {
          this.labelFilter = filter;
          this.render();
        },
      },
      signal,
      { comments: () => this.shownElements() },
    );
    watchTypeToExpand(
      {
        adapter,
        trigger: () => this.services.settings().expandTrigger,
        templates: () => this.liveTemplates(),
        // Called by the deferred actions, so they are loaded.
        render: (_editor, template, boxText) => loadedActions()?.expansionText(this, template, boxText) ?? null,
        expanded: (_editor, template, result) => {
          if (result.ok) void this.services.markTemplateUsed(template.id).catch(() => undefined);
          else console.warn('[reply-radar] could not expand the shortcut:', result.reason);
        },
      },
      signal,
    );
    const watcher = watchDom(
      document.documentElement,
      (changed, stripped) => {
        // The site re-rendered part of a comment: its badge may have gone with it, so look at it again.
        for (const element of stripped) {
          const key = element.getAttribute('data-rr-id');
          if (key) this.badges.forgetKey(key, element);
        }
        this.readAndRender(changed);
      },
      signal,
    );
    this.scheduleRead = () => watcher.schedule();
    this.flushRead = () => watcher.flush();
    adapter.watch?.(signal, () => watcher.schedule());
    // One shared clock for every badge: ages move by the minute, and the loading grace must end on time.
    const clock = setInterval(() => {
      this.viewDirty = true;
      // An empty change set: rows come from what was read (scrolling alone can reveal the end of a conversation).
      this.readAndRender(new Set());
    }, 20_000);
    // An empty change set, as the clock: a full read here cost a whole-page pass mid-stream (2,000 comments: ~0.8 s).
    const graceTimer = setTimeout(() => this.readAndRender(new Set()), LOADING_GRACE_MS + 50);
    signal.addEventListener('abort', () => {
      clearTimeout(this.undoTimer);
      clearInterval(clock);
      clearTimeout(graceTimer);
      this.teardown();
    });
    this.scheduleRead();
  }

  /** Settings, templates or manual states changed elsewhere: read the page again (a site may have been turned on). */
  refresh(): void {
    this.viewDirty = true;
    this.scheduleRead();
  }

  /** Manual states changed in another tab: ask again for every comment of this page. */
  reloadManualStates(): void {
    this.manual.reload(this.reader.known.all().map((k) => k.key));
  }

  /** The post this session reads, for deciding whether a URL change is a new page. */
  get postId(): string | null {
    return this.adapter.matchPostPage(this.url)?.postId ?? null;
  }

  get isPostPage(): boolean {
    return this.adapter.matchPostPage(this.url) !== null || (this.shown?.postId ?? null) !== null;
  }

  /** The URL names no post and a dialog over the page opened, closed or swapped its post: hand over, read nothing. */
  private shownPostChanged(changed?: ReadonlySet<Node>): boolean {
    if (!this.shown || !this.adapter.shownPostId || this.adapter.matchPostPage(this.url)) return false;
    if (this.adapter.shownPostId(document, changed) === this.shown.postId) return false;
    this.shown.changed();
    return true;
  }

  /** The elements showing comments now, in the order they were first read. */
  private *shownElements(): Iterable<HTMLElement> {
    for (const known of this.reader.known.all()) if (known.element) yield known.element;
  }

  // ---- reading ---------------------------------------------------------------------------------------------

  /** `changed`: where the page changed since the last batch; without it (clock, user actions) read every row. */
  private readAndRender(changed?: ReadonlySet<Node>): void {
    if (this.signal.aborted) return;
    if (!this.services.alive()) return;
    // The session starts when the site announces a navigation, before the address and the page have changed:
    // reading the old page under the new address would mix two posts.
    if (location.pathname !== this.url.pathname) {
      setTimeout(() => this.readAndRender(), 50);
      return;
    }
    if (this.shownPostChanged(changed)) return;
    if (!this.isPostPage || !this.services.settings().sites[this.adapter.platform]) {
      if (this.facts) this.teardownMarks();
      this.facts = null;
      this.render();
      return;
    }
    let result: ReturnType<PageReader['read']>;
    try {
      result = this.reader.read(document, this.services.now(), changed);
    } catch (error) {
      // The error may quote the page (a bad link, a bad date): the console gets it, the panel our own words.
      console.warn('[reply-radar] reading the page failed', error);
      this.showBroken(t('problem_reading_failed'));
      return;
    }
    for (const element of result.released) this.badges.clear(element);
    this.positions.measure(this.reader.known.takeShown());
    this.facts = result.facts;
    this.manual.fetchNew(result.added);
    this.forgetEmptiedBoxes();
    this.render();
  }

  /** "Inserted — check it and send" only while the box still holds the text (closed or emptied: cleared). */
  private forgetEmptiedBoxes(): void {
    // Boxes are filled only by the deferred actions: with any box here, they are loaded.
    const actions = loadedActions();
    if (!actions) return;
    for (const [key, editor] of this.filledBoxes) {
      if (actions.stillHoldsTemplate(editor, this.adapter.editorKind(editor))) continue;
      this.filledBoxes.delete(key);
      if (this.statuses.get(key)?.kind === 'inserted') this.statuses.delete(key);
      this.forgetBadge(key);
    }
  }

  /** Something failed while reading or drawing: say the page could not be read, never keep an old "all answered". */
  private showBroken(problem: string): void {
    console.warn('[reply-radar]', problem);
    this.facts = brokenFacts(problem);
    this.viewDirty = true;
    try {
      this.render();
    } catch (error) {
      console.warn('[reply-radar] could not draw the panel', error);
    }
  }

  // ---- drawing ---------------------------------------------------------------------------------------------

  render(): void {
    if (this.signal.aborted) return;
    if (!this.facts) {
      this.view = null;
      this.panel.draw(null, this.panelUi());
      this.reportTab();
      return;
    }
    try {
      const settings = this.services.settings();
      const delta = this.reader.known.takeDelta();
      this.judgments.follow(settings.labelWords);
      const asked = this.judgments.asked;
      const update = this.builder.build(
        this.facts,
        settings,
        this.manual.map,
        this.services.now(),
        this.services.locale,
        {
          upserted: delta.upserted.values(),
        },
      );
      this.view = update.view;
      if (this.viewDirty || update.changed.size > 0 || update.queueChanged)
        this.recorder.observe(this.view, update.full ? null : update.changed);
      if (this.viewDirty) {
        // Each costs a style recalculation: read on the clock and when settings change, not on every batch.
        this.theme = this.adapter.theme(document);
        this.fontSize = siteFontSize();
        this.viewDirty = false;
      }
      if (this.currentKey && this.view.comments.get(this.currentKey)?.state !== 'unanswered') this.currentKey = null;
      const keys = update.full ? null : new Set([...update.changed, ...delta.moved]);
      this.badges.draw(this.reader.known, this.view, keys, {
        currentKey: this.currentKey,
        pickerKey: this.pickerKey,
        theme: this.theme,
        fontSize: this.fontSize,
        statuses: this.statuses,
      });
      this.renderPicker();
      // Until the waiting comments' judgments come, an empty queue is no news: never "all answered" too early. A
      // render that asked for some leaves the panel and the tab's report to the render their answers bring: a
      // batch updates them once, not once without its new comments and again with them.
      if (update.judging && (this.view.queue.length === 0 || this.judgments.asked !== asked)) return;
      this.panel.draw(this.view, this.panelUi());
      this.reportTab();
    } catch (error) {
      if (this.facts.post) {
        console.warn('[reply-radar] drawing the overlay failed', error);
        this.showBroken(t('problem_drawing_failed'));
      }
    }
  }

  /** What this tab shows, for the toolbar badge and the popup: counts and enums only. */
  private reportTab(): void {
    const platform = this.adapter.platform;
    const siteOn = this.services.settings().sites[platform];
    // A post page not read yet is loading, not "no post here".
    const loading = { tracked: true, health: 'incomplete' as const, queue: [] };
    const view = this.view ?? (siteOn && this.isPostPage ? loading : null);
    this.services.reportTab(tabReportOf(platform, view, siteOn));
  }

  private panelUi() {
    return {
      currentKey: this.currentKey,
      labelFilter: this.labelFilter,
      theme: this.theme,
      fontSize: this.fontSize,
      settings: this.services.settings(),
      undo: this.undo,
    };
  }

  private teardown(): void {
    this.panel.unmount();
    this.teardownMarks();
    this.badges.dispose();
    this.positions.dispose();
  }

  private teardownMarks(): void {
    for (const known of this.reader.known.all()) if (known.element) this.badges.clear(known.element);
  }

  /** The open picker, drawn by the deferred code (loaded before a picker opens). */
  private renderPicker(): void {
    const actions = loadedActions();
    if (actions) actions.renderPicker(this);
    else this.pickerKey = null;
  }

  layerCss(): string {
    return LAYER_CSS;
  }

  templatesButton(key: string): HTMLElement | null {
    const element = this.reader.known.get(key)?.element;
    const badge = element ? findBadgeHost(element) : null;
    return badge?.host.shadowRoot?.querySelector<HTMLElement>('[data-rr-action="templates"]') ?? null;
  }

  /** The badge of `key` must be drawn again at the next render (its picker opened or closed). */
  forgetBadge(key: string | null): void {
    if (key) this.badges.forgetKey(key, this.reader.known.get(key)?.element);
  }

  // ---- actions (deferred code: ./actions/session-actions.tsx) -----------------------------------------------

  get manualMap(): Map<string, ManualState> {
    return this.manual.map;
  }

  markDirty(): void {
    this.viewDirty = true;
  }

  /**
   * Runs a deferred action: at once when the deferred code is in, else once it is (the first action of a page, a
   * message to the background away). `key`: the comment to tell when it cannot load.
   */
  private async act(run: (actions: OverlayActions) => unknown, key?: string): Promise<void> {
    let actions = loadedActions();
    if (!actions) {
      try {
        actions = await loadActions();
      } catch (error) {
        console.warn('[reply-radar] could not load the overlay actions', error);
        if (key) this.setStatus(key, { kind: 'failed', message: t('overlay_reply_open_failed'), copied: false });
        return;
      }
      if (this.signal.aborted) return;
    }
    await run(actions);
  }

  /** Whether a shortcut does something here now, so keys that would do nothing are left to the page. */
  canRun(action: ShortcutAction): boolean {
    if (action === 'togglePanel') return this.view !== null;
    if (!this.view?.tracked) return false;
    switch (action) {
      case 'next':
      case 'previous':
        return this.view.queue.length > 0;
      case 'reply':
        return this.view.queue.length > 0 || this.currentKey !== null;
      case 'done':
      case 'snooze':
        return this.currentKey !== null;
      default:
        return this.liveTemplates().length >= Number(action.replace('template', '')) && this.answeringKey() !== null;
    }
  }

  async runShortcut(action: ShortcutAction): Promise<void> {
    if (!this.canRun(action)) return;
    if (action === 'togglePanel') {
      await this.services.saveSettings({ panelCollapsed: !this.services.settings().panelCollapsed });
      return;
    }
    // The comment to tell when the deferred code cannot load (moving through the queue has none).
    const key = action.startsWith('template') ? this.answeringKey() : this.currentKey;
    await this.act(
      (a) => a.runShortcut(this, action),
      action === 'next' || action === 'previous' ? undefined : (key ?? undefined),
    );
  }

  /**
   * Reads now what changed since the last batch (the deferred code, before it looks for a comment's row): a person's
   * click or key must not cost a read of the whole page (seconds at 10,000 comments).
   */
  readNow(): void {
    this.flushRead();
  }

  /** What is known of a comment's row: its element now, where it was last seen. */
  rowOf(key: string): { element: HTMLElement | null; lastY: number } | undefined {
    return this.reader.known.get(key);
  }

  liveTemplates(): Template[] {
    return liveTemplates(this.services.templates());
  }

  /**
   * The comment a template is for. A focused reply box decides: the one Reply Radar opened answers its comment;
   * one the user opened with the site's own button answers the customer the site names (the current comment when
   * it is theirs, else their latest). With no box focused, the current comment. Never a guess.
   */
  answeringKey(): string | null {
    const focused = this.adapter.focusedEditor(document);
    if (!focused) return this.currentKey;
    const targetId = this.adapter.replyTargetId?.(focused);
    const targetKey = targetId ? commentKey({ platform: this.adapter.platform, id: targetId }) : null;
    if (targetKey && this.view?.comments.has(targetKey)) return targetKey;
    if (this.replying?.editor === focused) return this.replying.key;
    const handle = this.adapter.replyTargetHandle?.(focused);
    if (!handle || !this.view) return null;
    return commentForHandle(this.view, handle, this.currentKey);
  }

  setStatus(key: string, status: InsertStatus): void {
    if (status) this.statuses.set(key, status);
    else this.statuses.delete(key);
    this.render();
  }
}

/** The page's root font size, kept within what stays readable and fits beside a comment. */
function siteFontSize(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) ? Math.min(20, Math.max(13, Math.round(size * 0.93))) : 14;
}
