// One page's overlay: from a navigation to the next. It reads the page through the site adapter in batches,
// keeps what it has seen, classifies, stamps the page contract, and draws the badges and the queue panel.
// Everything it starts is torn down with `signal` (the next navigation, or the extension going away).
import { render } from 'preact';
import { Badge } from '../../components/overlay/Badge';
import { QueuePanel } from '../../components/overlay/QueuePanel';
import { BADGE_CSS, PANEL_CSS } from '../../components/overlay/styles';
import { TemplatePicker } from '../../components/overlay/TemplatePicker';
import { type ManualState, normalizeHandle } from '../core/model';
import { buildTemplateVars, renderTemplate } from '../core/render-template';
import type { LabelKind, Settings, ShortcutAction } from '../core/settings';
import { suggestTemplates } from '../core/suggest';
import type { Template } from '../core/template';
import { copyToClipboard, insertIntoEditor } from '../insert';
import type { SiteAdapter } from '../sites/types';
import { watchDom } from './dom-watcher';
import { createPanelHost, ensureBadgeHost, ensureOutlineStyle, findBadgeHost } from './hosts';
import { KnownComments } from './known-comments';
import { stampComment, unstamp } from './stamp';
import { buildPageView, type CommentView, type PageView } from './view-model';

/** What the session needs from the rest of the content script (storage goes through the background). */
export interface SessionServices {
  settings(): Settings;
  templates(): Template[];
  locale: string;
  loadManualStates(keys: string[]): Promise<ManualState[]>;
  setManualState(state: ManualState): Promise<void>;
  markTemplateUsed(id: string): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  now(): number;
  /** False once the extension was updated or reloaded under the page: the session then stops. */
  alive(): boolean;
}

export type InsertStatus =
  | null
  | { kind: 'working' }
  | { kind: 'inserted' }
  | { kind: 'failed'; message: string; copied: boolean };

/** How long a post page may take to render its conversation before an empty read counts as broken. */
const LOADING_GRACE_MS = 5_000;
const SNOOZE_MS = 60 * 60 * 1000;

export class PageSession {
  private readonly known = new KnownComments();
  private readonly manual = new Map<string, ManualState>();
  private readonly askedManual = new Set<string>();
  private readonly statuses = new Map<string, InsertStatus>();
  private readonly startedAt: number;
  private view: PageView | null = null;
  private facts: Parameters<typeof buildPageView>[0] | null = null;
  private currentKey: string | null = null;
  /** The reply box Reply Radar opened last and for which comment: Alt+1…9 fill templates for it while focused. */
  private replying: { key: string; editor: HTMLElement } | null = null;
  /** Bumped by every selection, so a slow earlier one does not scroll to a comment the user has moved past. */
  private selection = 0;
  /** Set when what the view is built from changed (page, clock, states, settings); else only UI state is redrawn. */
  private viewDirty = true;
  private readSignature = '';
  /** What each badge was last drawn with, so unchanged badges are not drawn again on every batch. */
  private readonly badgeDrawn = new WeakMap<HTMLElement, string>();
  private pickerKey: string | null = null;
  private labelFilter: LabelKind | 'all' = 'all';
  /** The site's theme, read once per render (it costs a style recalculation). */
  private theme: 'light' | 'dark' = 'light';
  /** The site's base font size (X lets users pick one): our text follows it. */
  private fontSize = 14;
  private panel: { host: HTMLElement; mount: HTMLElement } | null = null;
  private readonly scheduleRead: () => void;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly url: URL,
    private readonly services: SessionServices,
    private readonly signal: AbortSignal,
  ) {
    this.startedAt = services.now();
    const watcher = watchDom(document.documentElement, (changed) => this.readAndRender(changed), signal);
    this.scheduleRead = () => watcher.schedule();
    // One shared clock for every badge: ages move by the minute, and the loading grace must end on time.
    const clock = setInterval(() => {
      this.viewDirty = true;
      this.readAndRender();
    }, 20_000);
    const graceTimer = setTimeout(() => this.readAndRender(), LOADING_GRACE_MS + 50);
    signal.addEventListener('abort', () => {
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
    const keys = this.known.all().map((k) => k.key);
    if (!keys.length) return;
    // The new answer replaces the old map only when it arrives, so nothing flickers back into the queue meanwhile.
    this.services
      .loadManualStates(keys)
      .then((states) => {
        if (this.signal.aborted) return;
        this.manual.clear();
        for (const st of states) this.manual.set(st.key, st);
        this.viewDirty = true;
        this.render();
      })
      .catch((error) => console.warn('[reply-radar] could not load comment states', error));
  }

  /** The post this session reads, for deciding whether a URL change is a new page. */
  get postId(): string | null {
    return this.adapter.matchPostPage(this.url)?.postId ?? null;
  }

  get isPostPage(): boolean {
    return this.adapter.matchPostPage(this.url) !== null;
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
    const now = this.services.now();
    if (!this.isPostPage || !this.services.settings().sites[this.adapter.platform]) {
      if (this.facts) this.teardownMarks();
      this.facts = null;
      this.render();
      return;
    }
    let read: ReturnType<SiteAdapter['read']>;
    try {
      read = this.adapter.read(document, this.url, changed);
    } catch (error) {
      this.showBroken(`Reading the page failed: ${String(error)}`);
      return;
    }
    const released: HTMLElement[] = [];
    const merged = this.known.merge(read.comments, window.scrollY, released);
    for (const element of released) this.clearElement(element);
    const loading = !read.post && now - this.startedAt < LOADING_GRACE_MS;
    const signature = [
      read.post?.id,
      read.post?.author.handle,
      read.actingHandle,
      read.comments.length,
      read.candidates,
      read.collapsed.map((c) => `${c.label}/${c.parentId}/${c.repliers?.join(',')}`).join('|'),
      read.problems.join('|'),
      read.moreBelow,
      loading,
    ].join('\u0001');
    if (merged || signature !== this.readSignature) this.viewDirty = true;
    this.readSignature = signature;
    this.facts = {
      isPostPage: true,
      post: read.post,
      actingHandle: read.actingHandle,
      comments: this.known.comments(),
      collapsed: read.collapsed,
      candidates: read.candidates,
      readable: read.comments.length,
      problems: read.problems,
      loading,
      moreBelow: read.moreBelow,
    };
    this.fetchManualStates();
    this.render();
  }

  /** Something failed while reading or drawing: say the page could not be read, never keep an old "all answered". */
  private showBroken(problem: string): void {
    console.warn('[reply-radar]', problem);
    this.facts = {
      isPostPage: true,
      post: null,
      actingHandle: null,
      comments: [],
      collapsed: [],
      candidates: 1,
      readable: 0,
      problems: [problem],
      loading: false,
    };
    this.viewDirty = true;
    try {
      this.render();
    } catch (error) {
      console.warn('[reply-radar] could not draw the panel', error);
    }
  }

  private fetchManualStates(): void {
    const keys = this.known
      .all()
      .map((k) => k.key)
      .filter((k) => !this.askedManual.has(k));
    if (!keys.length) return;
    for (const key of keys) this.askedManual.add(key);
    this.services
      .loadManualStates(keys)
      .then((states) => {
        if (this.signal.aborted || !states.length) return;
        for (const st of states) this.manual.set(st.key, st);
        this.viewDirty = true;
        this.render();
      })
      .catch((error) => {
        // Ask again with the next batch rather than never.
        for (const key of keys) this.askedManual.delete(key);
        console.warn('[reply-radar] could not load comment states', error);
      });
  }

  // ---- drawing ---------------------------------------------------------------------------------------------

  private render(): void {
    if (this.signal.aborted) return;
    if (!this.facts) {
      this.view = null;
      this.renderPanel();
      return;
    }
    try {
      if (this.viewDirty || !this.view) {
        const settings = this.services.settings();
        this.view = buildPageView(this.facts, settings, this.manual, this.services.now(), this.services.locale);
        this.theme = this.adapter.theme(document);
        this.fontSize = siteFontSize();
        this.viewDirty = false;
      }
      if (this.currentKey && !this.view.queue.some((c) => c.key === this.currentKey)) this.currentKey = null;
      this.renderBadges();
      this.renderPanel();
    } catch (error) {
      if (this.facts.post) this.showBroken(`Drawing the overlay failed: ${String(error)}`);
    }
  }

  /** A UI-only change (picker, filter, status, current item): redraw without recomputing the view. */
  private redraw(): void {
    this.render();
  }

  private renderBadges(): void {
    const view = this.view;
    if (!view) return;
    for (const known of this.known.all()) {
      const element = known.element;
      if (!element) continue;
      const cv = view.comments.get(known.key);
      if (!cv) {
        // Not classified (untracked post): leave the site's node as it was.
        if (element.hasAttribute('data-rr-id')) this.clearElement(element);
        continue;
      }
      const isCurrent = this.currentKey === cv.key;
      stampComment(element, cv, isCurrent);
      const { host, mount } = ensureBadgeHost(element, this.adapter, BADGE_CSS);
      host.style.setProperty('--rr-font-size', `${this.fontSize}px`);
      const status = this.statuses.get(cv.key) ?? null;
      const drawn = [cv.state, cv.level, cv.ageText, isCurrent, this.theme, JSON.stringify(status)].join('|');
      // An open picker keeps its own state; drawing it again with the same props is cheap and keeps it fresh.
      if (this.pickerKey !== cv.key && this.badgeDrawn.get(mount) === `${cv.key}|${drawn}`) continue;
      this.badgeDrawn.set(mount, `${cv.key}|${drawn}`);
      render(this.badgeFor(cv, isCurrent), mount);
    }
  }

  private badgeFor(cv: CommentView, isCurrent: boolean) {
    const pickerOpen = this.pickerKey === cv.key;
    return (
      <Badge
        state={cv.state}
        level={cv.level}
        ageText={cv.ageText}
        authorName={cv.comment.author.displayName}
        isCurrent={isCurrent}
        theme={this.theme}
        insertStatus={this.statuses.get(cv.key) ?? null}
        pickerOpen={pickerOpen}
        onReply={() => void this.reply(cv.key, null)}
        onOpenPicker={() => {
          const closing = this.pickerKey;
          this.pickerKey = pickerOpen ? null : cv.key;
          this.forgetBadge(closing);
          this.redraw();
        }}
        picker={
          pickerOpen ? (
            <TemplatePicker
              templates={this.liveTemplates()}
              suggestedIds={suggestTemplates(this.liveTemplates(), { lang: cv.comment.lang, labels: cv.labels })}
              previewFor={(t) => this.renderFor(cv.key, t)?.text ?? t.body}
              onPick={(t) => {
                this.pickerKey = null;
                this.forgetBadge(cv.key);
                void this.reply(cv.key, t);
              }}
              onClose={() => {
                this.pickerKey = null;
                this.forgetBadge(cv.key);
                this.redraw();
              }}
            />
          ) : undefined
        }
      />
    );
  }

  private renderPanel(): void {
    const view = this.view;
    if (!view) {
      // Not a post page (or the site is switched off): no panel at all.
      if (this.panel) {
        render(null, this.panel.mount);
        this.panel.host.remove();
        this.panel = null;
      }
      return;
    }
    if (!this.panel) {
      this.panel = createPanelHost(document, PANEL_CSS, this.signal);
      ensureOutlineStyle(document, this.signal);
    }
    const { host, mount } = this.panel;
    const theme = this.theme;
    host.setAttribute('data-rr-unanswered', String(view.tracked ? view.queue.length : 0));
    host.setAttribute('data-rr-health', view.health);
    host.setAttribute('data-theme', theme);
    host.style.setProperty('--rr-font-size', `${this.fontSize}px`);
    const settings = this.services.settings();
    render(
      <QueuePanel
        items={view.queue.map((c) => ({
          key: c.key,
          authorName: c.comment.author.displayName,
          handle: c.comment.author.handle,
          snippet: c.comment.text,
          ageText: c.ageText,
          level: c.level,
          labels: c.labels,
        }))}
        health={view.health}
        problems={view.problems}
        collapsedHints={view.collapsedHints}
        tracked={view.tracked}
        notTrackedReason={view.notTrackedReason}
        collapsed={settings.panelCollapsed}
        onToggleCollapsed={() => void this.services.saveSettings({ panelCollapsed: !settings.panelCollapsed })}
        onSelect={(key) => void this.select(key)}
        onReply={(key) => void this.reply(key, null)}
        onTrackAll={() => void this.services.saveSettings({ trackAllPosts: true })}
        currentKey={this.currentKey}
        labelFilter={this.labelFilter}
        onLabelFilter={(f) => {
          this.labelFilter = f;
          this.redraw();
        }}
        theme={theme}
        platformName={PLATFORM_NAMES[this.adapter.platform]}
      />,
      mount,
    );
  }

  private teardown(): void {
    if (this.panel) render(null, this.panel.mount);
    this.teardownMarks();
  }

  private teardownMarks(): void {
    for (const known of this.known.all()) if (known.element) this.clearElement(known.element);
  }

  /** The badge of `key` must be drawn again at the next render (its picker opened or closed). */
  private forgetBadge(key: string | null): void {
    const element = key ? this.known.get(key)?.element : null;
    const badge = element ? findBadgeHost(element) : null;
    if (badge) this.badgeDrawn.delete(badge.mount);
  }

  /** Gives a site node back as it was: no stamps, no badge. */
  private clearElement(element: HTMLElement): void {
    unstamp(element);
    const badge = findBadgeHost(element);
    if (badge) {
      render(null, badge.mount);
      badge.host.remove();
    }
  }

  // ---- actions ---------------------------------------------------------------------------------------------

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
      case 'snooze': {
        const key = this.currentKey;
        if (!key) return;
        const at = this.services.now();
        const state: ManualState =
          action === 'done' ? { key, state: 'done', at } : { key, state: 'snoozed', at, until: at + SNOOZE_MS };
        const before = this.manual.get(key);
        this.manual.set(key, state);
        this.viewDirty = true;
        this.render();
        this.move(1);
        try {
          await this.services.setManualState(state);
        } catch (error) {
          // Not saved: put the comment back in the queue rather than pretend.
          if (before) this.manual.set(key, before);
          else this.manual.delete(key);
          this.viewDirty = true;
          this.setStatus(key, { kind: 'failed', message: `Could not save: ${String(error)}`, copied: false });
        }
        return;
      }
      default: {
        const template = this.liveTemplates()[Number(action.replace('template', '')) - 1];
        if (template) await this.insertTemplateIntoFocused(template);
      }
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
    this.redraw();
    const element = await this.elementOf(key);
    // The user moved on while this row was being brought back: leave the page where they are now.
    if (ticket !== this.selection || this.signal.aborted) return null;
    if (element) {
      element.scrollIntoView({ block: 'center', behavior: 'auto' });
      // Focus only what the site made focusable (X articles are); never add attributes to the site's nodes.
      if (element.tabIndex >= 0) element.focus({ preventScroll: true });
    }
    this.redraw();
    return element;
  }

  private async elementOf(key: string): Promise<HTMLElement | null> {
    // Read first: the site may have recycled the row for another comment since the last batch.
    this.readAndRender();
    const known = this.known.get(key);
    if (!known) return null;
    if (known.element?.isConnected) return known.element;
    window.scrollTo({ top: Math.max(0, known.lastY - window.innerHeight / 2) });
    for (let i = 0; i < 20 && !this.signal.aborted; i++) {
      await new Promise((r) => setTimeout(r, 50));
      this.readAndRender();
      const again = this.known.get(key)?.element;
      if (again?.isConnected) return again;
    }
    return null;
  }

  private liveTemplates(): Template[] {
    return this.services
      .templates()
      .filter((t) => t.deletedAt === undefined)
      .sort((a, b) => a.order - b.order);
  }

  /**
   * The comment a template is for. A focused reply box decides: the one Reply Radar opened answers its comment;
   * one the user opened with the site's own button answers the customer the site names (the current comment when
   * it is theirs, else their latest). With no box focused, the current comment. Never a guess.
   */
  private answeringKey(): string | null {
    const focused = this.adapter.focusedEditor(document);
    if (!focused) return this.currentKey;
    if (this.replying?.editor === focused) return this.replying.key;
    const handle = this.adapter.replyTargetHandle?.(focused);
    if (!handle || !this.view) return null;
    const theirs = [...this.view.comments.values()].filter(
      (c) => c.state !== 'brand' && normalizeHandle(c.comment.author.handle) === handle,
    );
    if (theirs.some((c) => c.key === this.currentKey)) return this.currentKey;
    theirs.sort((a, b) => b.comment.postedAt - a.comment.postedAt);
    return theirs[0]?.key ?? null;
  }

  private renderFor(key: string, template: Template): ReturnType<typeof renderTemplate> | null {
    const cv = this.view?.comments.get(key);
    const post = this.facts?.post;
    if (!cv || !post) return null;
    const settings = this.services.settings();
    return renderTemplate(
      template.body,
      buildTemplateVars({
        comment: cv.comment,
        post,
        brandName: this.brandName(),
        agentName: settings.agentName,
        uiLang: this.services.locale,
      }),
    );
  }

  /** {brand}: the brand's display name as the page shows it, never a customer's. */
  private brandName(): string {
    const view = this.view;
    const post = this.facts?.post;
    if (!view || !post) return '';
    const brandComment = [...view.comments.values()].find((c) => c.state === 'brand');
    const ownPost = view.tracked && !this.services.settings().trackAllPosts;
    if (ownPost) return post.author.displayName;
    return (
      brandComment?.comment.author.displayName ??
      this.facts?.actingHandle ??
      this.services.settings().brand[post.platform][0] ??
      ''
    );
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
        this.setStatus(key, { kind: 'failed', message: 'Could not open the reply box.', copied: false });
        return;
      }
      this.replying = { key, editor };
      const template = opts.withTemplate === false ? null : (chosen ?? this.bestTemplateFor(cv));
      if (!template) {
        this.setStatus(key, null);
        return;
      }
      await this.insert(key, editor, template);
    } catch (error) {
      this.setStatus(key, { kind: 'failed', message: `Something went wrong: ${String(error)}`, copied: false });
    }
  }

  private bestTemplateFor(cv: CommentView): Template | null {
    const live = this.liveTemplates();
    const [first] = suggestTemplates(live, { lang: cv.comment.lang, labels: cv.labels });
    return live.find((t) => t.id === first) ?? live[0] ?? null;
  }

  private async insertTemplateIntoFocused(template: Template): Promise<void> {
    const key = this.answeringKey();
    if (!key) return;
    const focused = this.adapter.focusedEditor(document);
    if (focused) {
      this.replying = { key, editor: focused };
      await this.insert(key, focused, template);
      return;
    }
    // No reply box has focus: open the current comment's box and fill that.
    await this.reply(key, template);
  }

  private async insert(key: string, editor: HTMLElement, template: Template): Promise<void> {
    const rendered = this.renderFor(key, template);
    if (!rendered) return;
    this.setStatus(key, { kind: 'working' });
    const result = await insertIntoEditor(editor, this.adapter.editorKind(editor), rendered.text, rendered.cursor);
    if (this.signal.aborted) return;
    const sendOk = this.adapter.sendEnabled(editor);
    if (result.ok && sendOk !== false) {
      this.setStatus(key, { kind: 'inserted' });
      void this.services.markTemplateUsed(template.id).catch(() => undefined);
      return;
    }
    // Never retry blindly: leave the text where the user can paste it, and say so.
    const copied = await copyToClipboard(rendered.text).catch(() => false);
    const reason = result.ok ? 'the site did not accept the text' : result.reason;
    this.setStatus(key, {
      kind: 'failed',
      message: copied
        ? `Could not insert the reply (${reason}). The text is on your clipboard: paste it with Ctrl+V.`
        : `Could not insert the reply (${reason}).`,
      copied,
    });
  }

  private setStatus(key: string, status: InsertStatus): void {
    if (status) this.statuses.set(key, status);
    else this.statuses.delete(key);
    this.redraw();
  }
}

/** The page's root font size, kept within what stays readable and fits beside a comment. */
function siteFontSize(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) ? Math.min(20, Math.max(13, Math.round(size * 0.93))) : 14;
}

const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' } as const;
