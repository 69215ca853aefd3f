// One page's overlay: from a navigation to the next. It coordinates the parts: the reader (the page through the
// site adapter, in batches), the view (classification), the badges and stamps, the queue panel, and the actions
// (selection, reply, templates, done/snooze). Everything it starts is torn down with `signal` (the next
// navigation, or the extension going away).

import { commentKey, normalizeHandle } from '../core/keys';
import type { Author, ManualState } from '../core/model';
import type { LabelKind, ShortcutAction } from '../core/settings';
import { tabReportOf } from '../core/tab-report';
import type { Template } from '../core/template';
import { t } from '../i18n';
import { errorText, renderText } from '../i18n/user-text';
import type { SiteAdapter } from '../sites/types';
import type { OverlayActions } from './actions';
import { loadActions, loadedActions } from './actions-loader';
import { BadgeLayer } from './badge-layer';
import { watchDom } from './dom-watcher';
import { watchTypeToExpand } from './expand';
import { findBadgeHost } from './hosts';
import { ManualStates } from './manual-states';
import { LAYER_CSS } from './overlay-css';
import { brokenFacts, LOADING_GRACE_MS, PageReader } from './page-reader';
import { PanelLayer } from './panel-layer';
import type { PopupLayer } from './popup-layer';
import { commentForHandle, liveTemplates } from './reply-text';
import { ResponseRecorder } from './response-recorder';
import type { InsertStatus, SessionServices } from './session-services';
import { ViewBuilder } from './view-builder';
import type { PageFacts, PageView } from './view-model';

export type { InsertStatus, SessionServices } from './session-services';

const SNOOZE_MS = 60 * 60 * 1000;
/** How long the Undo toast stays after done, snooze or ignore. */
const UNDO_MS = 8_000;

export class PageSession {
  private readonly reader: PageReader;
  private readonly manual: ManualStates;
  private readonly badges: BadgeLayer;
  private readonly panel: PanelLayer;
  private readonly statuses = new Map<string, InsertStatus>();
  private view: PageView | null = null;
  /** Builds the view batch by batch (only what changed is worked out again). */
  private readonly builder = new ViewBuilder();
  private facts: PageFacts | null = null;
  private currentKey: string | null = null;
  /** The reply box Reply Radar opened last and for which comment: Alt+1…9 fill templates for it while focused. */
  private replying: { key: string; editor: HTMLElement } | null = null;
  /** Bumped by every selection, so a slow earlier one does not scroll to a comment the user has moved past. */
  private selection = 0;
  /** Set when the site's theme and font size may have changed (clock, settings): they are read again. */
  private viewDirty = true;
  private pickerKey: string | null = null;
  /** The last done/snooze/ignore, undoable for UNDO_MS: the state it replaced. */
  private undo: { key: string; to: 'done' | 'snoozed' | 'ignored'; before: ManualState | undefined } | null = null;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The layer the template picker opens in, above the page (deferred code: made when the picker first opens). */
  private layer: PopupLayer | null = null;
  /** The reply box each "Inserted" status is about: the status follows the box and clears when it is gone. */
  private readonly filledBoxes = new Map<string, HTMLElement>();
  private labelFilter: LabelKind | 'all' = 'all';
  /** The site's theme, read once per render (it costs a style recalculation). */
  private theme: 'light' | 'dark' = 'light';
  /** The site's base font size (X lets users pick one): our text follows it. */
  private fontSize = 14;
  private readonly scheduleRead: () => void;
  private readonly recorder: ResponseRecorder;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly url: URL,
    private readonly services: SessionServices,
    private readonly signal: AbortSignal,
    /**
     * With an adapter that has `shownPostId`: the post a dialog showed when the session started (null: none), and
     * what to do when that changes while the URL names no post (a new session takes over).
     */
    private readonly shown: { postId: string | null; changed: () => void } | null = null,
  ) {
    this.reader = new PageReader(adapter, url, services.now());
    this.recorder = new ResponseRecorder({ ...services, record: services.recordResponses }, signal);
    this.manual = new ManualStates(
      (keys) => services.loadManualStates(keys),
      signal,
      () => {
        this.viewDirty = true;
        this.render();
      },
    );
    this.badges = new BadgeLayer(adapter, {
      reply: (key) => void this.reply(key, null),
      togglePicker: (key) => {
        if (this.pickerKey === key) this.closePicker(true);
        else this.openPicker(key);
      },
      done: (key) => void this.mark(key, 'done'),
      snooze: (key) => void this.mark(key, 'snoozed'),
      templates: () => this.liveTemplates(),
    });
    this.panel = new PanelLayer(
      adapter.platform,
      {
        toggleCollapsed: () =>
          void this.services.saveSettings({ panelCollapsed: !this.services.settings().panelCollapsed }),
        select: (key) => void this.select(key),
        reply: (key) => void this.reply(key, null),
        trackAll: () => void this.services.saveSettings({ trackAllPosts: true }),
        adoptBrand: (author) => this.adoptBrand(author),
        ignore: (key) => void this.mark(key, 'ignored'),
        restore: (key) => void this.restore(key, undefined),
        undo: () => void this.undoLast(),
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
        render: (_editor, template, boxText) => {
          const actions = loadedActions();
          return actions ? this.expansionText(actions, template, boxText) : null;
        },
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
    // One shared clock for every badge: ages move by the minute, and the loading grace must end on time.
    const clock = setInterval(() => {
      this.viewDirty = true;
      // An empty change set: rows come from what was read (scrolling alone can reveal the end of a conversation).
      this.readAndRender(new Set());
    }, 20_000);
    const graceTimer = setTimeout(() => this.readAndRender(), LOADING_GRACE_MS + 50);
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
  private shownPostChanged(): boolean {
    if (!this.shown || !this.adapter.shownPostId || this.adapter.matchPostPage(this.url)) return false;
    if (this.adapter.shownPostId(document) === this.shown.postId) return false;
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
    if (this.shownPostChanged()) return;
    if (!this.isPostPage || !this.services.settings().sites[this.adapter.platform]) {
      if (this.facts) this.teardownMarks();
      this.facts = null;
      this.render();
      return;
    }
    let result: ReturnType<PageReader['read']>;
    try {
      result = this.reader.read(document, this.services.now(), window.scrollY, changed);
    } catch (error) {
      // The error may quote the page (a bad link, a bad date): the console gets it, the panel our own words.
      console.warn('[reply-radar] reading the page failed', error);
      this.showBroken(t('problem_reading_failed'));
      return;
    }
    for (const element of result.released) this.badges.clear(element);
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

  private render(): void {
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
      if (this.viewDirty || update.changed.size > 0 || update.queueChanged) this.recorder.observe(this.view);
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
  }

  private teardownMarks(): void {
    for (const known of this.reader.known.all()) if (known.element) this.badges.clear(known.element);
  }

  private openPicker(key: string): void {
    // The picker is deferred code: open once it is in (the first time, a message to the background away).
    if (!loadedActions()) {
      void loadActions().then(
        () => {
          if (!this.signal.aborted) this.openPicker(key);
        },
        (error: unknown) => console.warn('[reply-radar] could not load the template picker', error),
      );
      return;
    }
    const closing = this.pickerKey;
    if (closing) this.layer?.close(false);
    this.pickerKey = key;
    this.forgetBadge(closing);
    this.forgetBadge(key);
    this.render();
  }

  /** `restoreFocus`: back to the Templates button (Escape, Close); not after a pick or a click elsewhere. */
  private closePicker(restoreFocus: boolean): void {
    const key = this.pickerKey;
    this.pickerKey = null;
    this.layer?.close(restoreFocus);
    this.forgetBadge(key);
    this.render();
  }

  /** The open picker, drawn in the layer above the page next to its badge's Templates button. */
  private renderPicker(): void {
    const key = this.pickerKey;
    const cv = key ? this.view?.comments.get(key) : undefined;
    const actions = loadedActions();
    if (!key || !cv || cv.state !== 'unanswered' || !actions) {
      if (this.layer?.isOpen) this.layer.close(false);
      if (key) this.pickerKey = null;
      return;
    }
    const live = this.liveTemplates();
    const { TemplatePicker, bestTemplateFor, suggestTemplates } = actions;
    const picker = (
      <TemplatePicker
        templates={live}
        suggestedIds={suggestTemplates(live, { lang: cv.comment.lang, text: cv.comment.text, labels: cv.labels })}
        replyId={bestTemplateFor(live, cv)?.id ?? null}
        previewFor={(t) => this.replyText(actions, key, t)?.text ?? t.body}
        onPick={(t) => {
          this.closePicker(false);
          void this.reply(key, t);
        }}
        onClose={() => this.closePicker(true)}
      />
    );
    this.layer ??= new actions.PopupLayer(document, LAYER_CSS, this.signal);
    this.layer.show(
      picker,
      {
        anchor: () => {
          const element = this.reader.known.get(key)?.element;
          const badge = element ? findBadgeHost(element) : null;
          return badge?.host.shadowRoot?.querySelector<HTMLElement>('[data-rr-action="templates"]') ?? null;
        },
        onDismiss: (reason) => this.closePicker(reason === 'escape'),
      },
      { theme: this.theme, fontSize: this.fontSize },
    );
  }

  /** The badge of `key` must be drawn again at the next render (its picker opened or closed). */
  private forgetBadge(key: string | null): void {
    if (key) this.badges.forgetKey(key, this.reader.known.get(key)?.element);
  }

  // ---- actions ---------------------------------------------------------------------------------------------

  /** The post's author speaks for the brand from now on, on this site: the page is tracked at once. */
  private adoptBrand(author: Author): void {
    const settings = this.services.settings();
    const platform = this.adapter.platform;
    const list = settings.brand[platform];
    if (list.some((h) => normalizeHandle(h) === normalizeHandle(author.handle))) return;
    const brand = { ...settings.brand, [platform]: [...list, author.handle] };
    this.services
      .saveSettings({ brand })
      .catch((error) => console.warn('[reply-radar] could not save the brand', error));
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
    switch (action) {
      case 'togglePanel': {
        const settings = this.services.settings();
        await this.services.saveSettings({ panelCollapsed: !settings.panelCollapsed });
        return;
      }
      case 'next':
      case 'previous':
        this.move(action === 'next' ? 1 : -1);
        return;
      case 'reply':
        if (!this.currentKey) this.move(1);
        else await this.reply(this.currentKey, null, { withTemplate: false });
        return;
      case 'done':
      case 'snooze':
        if (this.currentKey) await this.mark(this.currentKey, action === 'done' ? 'done' : 'snoozed');
        return;
      default: {
        const template = this.liveTemplates()[Number(action.replace('template', '')) - 1];
        if (template) await this.insertTemplateIntoFocused(template);
      }
    }
  }

  /**
   * Done, snoozed (an hour) or ignored, from the badge, the queue or the keys: out of the queue at once, saved
   * through the background, put back if saving fails. The current comment moves on to the next.
   */
  private async mark(key: string, to: 'done' | 'snoozed' | 'ignored'): Promise<void> {
    const at = this.services.now();
    const state: ManualState =
      to === 'snoozed' ? { key, state: to, at, until: at + SNOOZE_MS } : { key, state: to, at };
    const before = this.manual.map.get(key);
    const wasCurrent = this.currentKey === key;
    if (this.pickerKey === key) this.closePicker(false);
    this.manual.map.set(key, state);
    this.viewDirty = true;
    this.render();
    if (wasCurrent) this.move(1);
    this.offerUndo(key, to, before);
    try {
      await this.services.setManualState(state);
    } catch (error) {
      // Not saved: put the comment back in the queue rather than pretend.
      if (before) this.manual.map.set(key, before);
      else this.manual.map.delete(key);
      this.viewDirty = true;
      this.setStatus(key, {
        kind: 'failed',
        message: t('overlay_could_not_save', { reason: errorText(error) }),
        copied: false,
      });
    }
  }

  private offerUndo(key: string, to: 'done' | 'snoozed' | 'ignored', before: ManualState | undefined): void {
    clearTimeout(this.undoTimer);
    this.undo = { key, to, before };
    this.undoTimer = setTimeout(() => {
      this.undo = null;
      this.render();
    }, UNDO_MS);
    this.render();
  }

  private async undoLast(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    clearTimeout(this.undoTimer);
    this.undo = null;
    await this.restore(undo.key, undo.before);
  }

  /** Back to what it was before (Undo), or to no mark at all ("Back to queue"): the page judges it again. */
  private async restore(key: string, before: ManualState | undefined): Promise<void> {
    const replaced = this.manual.map.get(key);
    // Its Undo would now undo nothing.
    if (this.undo?.key === key) {
      clearTimeout(this.undoTimer);
      this.undo = null;
    }
    if (before) this.manual.map.set(key, before);
    else this.manual.map.delete(key);
    this.viewDirty = true;
    this.render();
    try {
      if (before) await this.services.setManualState(before);
      else await this.services.clearManualStates([key]);
    } catch (error) {
      if (replaced) this.manual.map.set(key, replaced);
      this.viewDirty = true;
      this.setStatus(key, {
        kind: 'failed',
        message: t('overlay_could_not_save', { reason: errorText(error) }),
        copied: false,
      });
    }
  }

  private move(step: 1 | -1): void {
    const queue = this.view?.queue ?? [];
    if (!queue.length) return;
    const index = queue.findIndex((c) => c.key === this.currentKey);
    const next = index === -1 ? (step === 1 ? 0 : queue.length - 1) : (index + step + queue.length) % queue.length;
    const target = queue[next];
    if (target) void this.select(target.key);
  }

  /** Scrolls to a comment (bringing back a row the site has unmounted) and makes it current. */
  private async select(key: string): Promise<HTMLElement | null> {
    const ticket = ++this.selection;
    this.currentKey = key;
    this.render();
    const element = await this.elementOf(key);
    // The user moved on while this row was being brought back: leave the page where they are now.
    if (ticket !== this.selection || this.signal.aborted) return null;
    if (element) {
      element.scrollIntoView({ block: 'center', behavior: 'auto' });
      // Focus only what the site made focusable (X articles are); never add attributes to the site's nodes.
      if (element.tabIndex >= 0) element.focus({ preventScroll: true });
    }
    this.render();
    return element;
  }

  private async elementOf(key: string): Promise<HTMLElement | null> {
    // Read first: the site may have recycled the row for another comment since the last batch.
    this.readAndRender();
    const known = this.reader.known.get(key);
    if (!known) return null;
    if (known.element?.isConnected) return known.element;
    window.scrollTo({ top: Math.max(0, known.lastY - window.innerHeight / 2) });
    for (let i = 0; i < 20 && !this.signal.aborted; i++) {
      await new Promise((r) => setTimeout(r, 50));
      this.readAndRender();
      const again = this.reader.known.get(key)?.element;
      if (again?.isConnected) return again;
    }
    return null;
  }

  private liveTemplates(): Template[] {
    return liveTemplates(this.services.templates());
  }

  /**
   * The comment a template is for. A focused reply box decides: the one Reply Radar opened answers its comment;
   * one the user opened with the site's own button answers the customer the site names (the current comment when
   * it is theirs, else their latest). With no box focused, the current comment. Never a guess.
   */
  private answeringKey(): string | null {
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

  /** `boxText`: what the reply box holds already; a greeting does not repeat the "@handle" the site wrote there. */
  private replyText(actions: OverlayActions, key: string, template: Template, boxText = '') {
    const { settings, locale } = this.services;
    return actions.replyTextFor(key, template, this.view, this.facts, settings(), locale, boxText);
  }

  /** Type-to-expand in the focused box: for the comment it answers (as Alt+1…9), else for the post. */
  private expansionText(actions: OverlayActions, template: Template, boxText: string) {
    const key = this.answeringKey();
    if (key) return this.replyText(actions, key, template, boxText);
    const { settings, locale } = this.services;
    return actions.replyTextForPost(template, this.view, this.facts, settings(), locale, boxText);
  }

  /** One click: open the site's reply box for the comment and fill it with a template (never sends). */
  async reply(key: string, chosen: Template | null, opts: { withTemplate?: boolean } = {}): Promise<void> {
    const cv = this.view?.comments.get(key);
    if (!cv) return;
    this.currentKey = key;
    this.setStatus(key, { kind: 'working' });
    try {
      const element = await this.elementOf(key);
      const editor = element && !this.signal.aborted ? await this.adapter.openReply(element) : null;
      if (this.signal.aborted) return;
      if (!editor) {
        this.setStatus(key, { kind: 'failed', message: t('overlay_could_not_open_reply'), copied: false });
        return;
      }
      this.replying = { key, editor };
      const withTemplate = opts.withTemplate !== false && (chosen !== null || this.liveTemplates().length > 0);
      const actions = withTemplate ? await loadActions() : null;
      if (this.signal.aborted) return;
      const template = actions ? (chosen ?? actions.bestTemplateFor(this.liveTemplates(), cv)) : null;
      if (!actions || !template) {
        this.setStatus(key, null);
        return;
      }
      await this.insert(actions, key, editor, template);
    } catch (error) {
      // Our own words only: an error thrown while working on the page may quote the page.
      console.warn('[reply-radar] reply failed', error);
      this.setStatus(key, {
        kind: 'failed',
        message: t('overlay_reply_open_failed'),
        copied: false,
      });
    }
  }

  private async insertTemplateIntoFocused(template: Template): Promise<void> {
    const key = this.answeringKey();
    if (!key) return;
    const focused = this.adapter.focusedEditor(document);
    if (focused) {
      this.replying = { key, editor: focused };
      const actions = await loadActions().catch((error: unknown) => {
        console.warn('[reply-radar] could not load the text insertion', error);
        this.setStatus(key, { kind: 'failed', message: t('overlay_reply_open_failed'), copied: false });
        return null;
      });
      if (actions && !this.signal.aborted) await this.insert(actions, key, focused, template);
      return;
    }
    // No reply box has focus: open the current comment's box and fill that.
    await this.reply(key, template);
  }

  private async insert(actions: OverlayActions, key: string, editor: HTMLElement, template: Template): Promise<void> {
    const { copyToClipboard, editorPlainText, fillTemplate } = actions;
    const rendered = this.replyText(actions, key, template, editorPlainText(editor, this.adapter.editorKind(editor)));
    if (!rendered) return;
    this.setStatus(key, { kind: 'working' });
    const result = await fillTemplate(editor, this.adapter.editorKind(editor), rendered.text, rendered.cursor);
    if (this.signal.aborted) return;
    const sendOk = this.adapter.sendEnabled(editor);
    if (result.ok && sendOk !== false) {
      this.filledBoxes.set(key, editor);
      this.setStatus(key, { kind: 'inserted' });
      if (!result.unchanged) void this.services.markTemplateUsed(template.id).catch(() => undefined);
      return;
    }
    // Never retry blindly: leave the text where the user can paste it, and say so.
    const copied = await copyToClipboard(rendered.text).catch(() => false);
    // In the user's language; the clipboard note is the badge's to add (`copied`).
    const reason = renderText(result.ok ? { key: 'insert_site_refused' } : result.say);
    this.setStatus(key, {
      kind: 'failed',
      message: t('overlay_insert_failed', { reason }),
      copied,
    });
  }

  private setStatus(key: string, status: InsertStatus): void {
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
