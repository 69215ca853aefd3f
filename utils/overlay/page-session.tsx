// One page's overlay: from a navigation to the next. It reads the page through the site adapter in batches,
// keeps what it has seen, classifies, stamps the page contract, and draws the badges and the queue panel.
// Everything it starts is torn down with `signal` (the next navigation, or the extension going away).
import { render } from 'preact';
import { Badge } from '../../components/overlay/Badge';
import { QueuePanel } from '../../components/overlay/QueuePanel';
import { BADGE_CSS, PANEL_CSS } from '../../components/overlay/styles';
import { TemplatePicker } from '../../components/overlay/TemplatePicker';
import type { ManualState } from '../core/model';
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
  /** The comment whose reply box was opened last: Alt+1…9 fill templates for it. */
  private replyingKey: string | null = null;
  private pickerKey: string | null = null;
  private labelFilter: LabelKind | 'all' = 'all';
  /** The site's theme, read once per render (it costs a style recalculation). */
  private theme: 'light' | 'dark' = 'light';
  private panel: { host: HTMLElement; mount: HTMLElement } | null = null;
  private readonly scheduleRead: () => void;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly url: URL,
    private readonly services: SessionServices,
    private readonly signal: AbortSignal,
  ) {
    this.startedAt = services.now();
    const watcher = watchDom(document.documentElement, () => this.readAndRender(), signal);
    this.scheduleRead = () => watcher.schedule();
    // One shared clock for every badge: ages move by the minute, and the loading grace must end on time.
    const clock = setInterval(() => this.readAndRender(), 20_000);
    const graceTimer = setTimeout(() => this.readAndRender(), LOADING_GRACE_MS + 50);
    signal.addEventListener('abort', () => {
      clearInterval(clock);
      clearTimeout(graceTimer);
      this.teardown();
    });
    this.scheduleRead();
  }

  /** Settings, templates or manual states changed elsewhere. */
  refresh(): void {
    this.render();
  }

  /** Manual states changed in another tab: ask again for every comment of this page. */
  reloadManualStates(): void {
    this.askedManual.clear();
    this.manual.clear();
    this.fetchManualStates();
  }

  get isPostPage(): boolean {
    return this.adapter.matchPostPage(this.url) !== null;
  }

  // ---- reading ---------------------------------------------------------------------------------------------

  private readAndRender(): void {
    if (this.signal.aborted) return;
    const now = this.services.now();
    const isPostPage = this.isPostPage;
    if (!isPostPage || !this.services.settings().sites[this.adapter.platform]) {
      this.facts = null;
      this.render();
      return;
    }
    let read: ReturnType<SiteAdapter['read']>;
    try {
      read = this.adapter.read(document, this.url);
    } catch (error) {
      // A site change that breaks the adapter must show as broken, never as "all answered".
      console.warn('[reply-radar] could not read the page', error);
      this.facts = {
        isPostPage: true,
        post: null,
        actingHandle: null,
        comments: this.known.comments(),
        collapsed: [],
        candidates: 1,
        readable: 0,
        problems: [`Reading the page failed: ${String(error)}`],
        loading: false,
      };
      this.render();
      return;
    }
    const released: HTMLElement[] = [];
    this.known.merge(read.comments, window.scrollY, released);
    for (const element of released) this.clearElement(element);
    this.facts = {
      isPostPage: true,
      post: read.post,
      actingHandle: read.actingHandle,
      comments: this.known.comments(),
      collapsed: read.collapsed,
      candidates: read.candidates,
      readable: read.comments.length + (read.post ? 1 : 0),
      problems: read.problems,
      loading: !read.post && now - this.startedAt < LOADING_GRACE_MS,
      moreBelow: read.moreBelow,
    };
    this.fetchManualStates();
    this.render();
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
        for (const s of states) this.manual.set(s.key, s);
        this.render();
      })
      .catch((error) => console.warn('[reply-radar] could not load comment states', error));
  }

  // ---- drawing ---------------------------------------------------------------------------------------------

  private render(): void {
    if (this.signal.aborted) return;
    const settings = this.services.settings();
    if (!this.facts) {
      this.view = null;
      this.renderPanel();
      return;
    }
    this.view = buildPageView(this.facts, settings, this.manual, this.services.now(), this.services.locale);
    this.theme = this.adapter.theme(document);
    if (this.currentKey && !this.view.queue.some((c) => c.key === this.currentKey)) this.currentKey = null;
    this.renderBadges();
    this.renderPanel();
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
      const { mount } = ensureBadgeHost(element, this.adapter, BADGE_CSS);
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
          this.pickerKey = pickerOpen ? null : cv.key;
          this.render();
        }}
        picker={
          pickerOpen ? (
            <TemplatePicker
              templates={this.liveTemplates()}
              suggestedIds={suggestTemplates(this.liveTemplates(), { lang: cv.comment.lang, labels: cv.labels })}
              previewFor={(t) => this.renderFor(cv.key, t)?.text ?? t.body}
              onPick={(t) => {
                this.pickerKey = null;
                void this.reply(cv.key, t);
              }}
              onClose={() => {
                this.pickerKey = null;
                this.render();
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
          this.render();
        }}
        theme={theme}
        platformName={PLATFORM_NAMES[this.adapter.platform]}
      />,
      mount,
    );
  }

  private teardown(): void {
    if (this.panel) render(null, this.panel.mount);
    for (const known of this.known.all()) if (known.element) this.clearElement(known.element);
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

  async runShortcut(action: ShortcutAction): Promise<boolean> {
    const view = this.view;
    if (action === 'togglePanel') {
      const s = this.services.settings();
      await this.services.saveSettings({ panelCollapsed: !s.panelCollapsed });
      return true;
    }
    if (!view?.tracked) return false;
    switch (action) {
      case 'next':
      case 'previous':
        return this.move(action === 'next' ? 1 : -1);
      case 'reply':
        if (!this.currentKey) return this.move(1);
        await this.reply(this.currentKey, null, { withTemplate: false });
        return true;
      case 'done':
      case 'snooze': {
        const key = this.currentKey ?? this.replyingKey;
        if (!key) return false;
        const at = this.services.now();
        const state: ManualState =
          action === 'done' ? { key, state: 'done', at } : { key, state: 'snoozed', at, until: at + SNOOZE_MS };
        this.manual.set(key, state);
        this.move(1);
        this.render();
        await this.services.setManualState(state);
        return true;
      }
      default: {
        const n = Number(action.replace('template', ''));
        const template = this.liveTemplates()[n - 1];
        if (!template) return false;
        await this.insertTemplateIntoFocused(template);
        return true;
      }
    }
  }

  private move(step: 1 | -1): boolean {
    const queue = this.view?.queue ?? [];
    if (!queue.length) return false;
    const index = queue.findIndex((c) => c.key === this.currentKey);
    const next = index === -1 ? (step === 1 ? 0 : queue.length - 1) : (index + step + queue.length) % queue.length;
    const target = queue[next];
    if (!target) return false;
    void this.select(target.key);
    return true;
  }

  /** Scrolls to a comment (bringing back a row the site has unmounted) and makes it current. */
  private async select(key: string): Promise<HTMLElement | null> {
    this.currentKey = key;
    this.render();
    const element = await this.elementOf(key);
    if (element) {
      element.scrollIntoView({ block: 'center', behavior: 'auto' });
      if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.focus({ preventScroll: true });
    }
    this.render();
    return element;
  }

  private async elementOf(key: string): Promise<HTMLElement | null> {
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

  private renderFor(key: string, template: Template): ReturnType<typeof renderTemplate> | null {
    const cv = this.view?.comments.get(key);
    const post = this.facts?.post;
    if (!cv || !post) return null;
    const settings = this.services.settings();
    const brandName = this.facts?.actingHandle ?? settings.brand[post.platform][0] ?? post.author.displayName;
    return renderTemplate(
      template.body,
      buildTemplateVars({
        comment: cv.comment,
        post,
        brandName: post.author.displayName || brandName,
        agentName: settings.agentName,
        uiLang: this.services.locale,
      }),
    );
  }

  /** One click: open the site's reply box for the comment and fill it with a template (never sends). */
  async reply(key: string, chosen: Template | null, opts: { withTemplate?: boolean } = {}): Promise<void> {
    const cv = this.view?.comments.get(key);
    if (!cv) return;
    this.currentKey = key;
    this.replyingKey = key;
    this.setStatus(key, { kind: 'working' });
    const element = await this.elementOf(key);
    const editor = element ? await this.adapter.openReply(element) : null;
    if (!editor) {
      this.setStatus(key, { kind: 'failed', message: 'Could not open the reply box.', copied: false });
      return;
    }
    if (opts.withTemplate === false) {
      this.setStatus(key, null);
      return;
    }
    const template = chosen ?? this.bestTemplateFor(cv);
    if (!template) {
      this.setStatus(key, null);
      return;
    }
    await this.insert(key, editor, template);
  }

  private bestTemplateFor(cv: CommentView): Template | null {
    const live = this.liveTemplates();
    const [first] = suggestTemplates(live, { lang: cv.comment.lang, labels: cv.labels });
    return live.find((t) => t.id === first) ?? live[0] ?? null;
  }

  private async insertTemplateIntoFocused(template: Template): Promise<void> {
    const key = this.replyingKey ?? this.currentKey;
    if (!key) return;
    let editor = this.adapter.focusedEditor(document);
    if (!editor) {
      const element = await this.elementOf(key);
      editor = element ? await this.adapter.openReply(element) : null;
      this.replyingKey = key;
    }
    if (!editor) {
      this.setStatus(key, { kind: 'failed', message: 'Could not open the reply box.', copied: false });
      return;
    }
    await this.insert(key, editor, template);
  }

  private async insert(key: string, editor: HTMLElement, template: Template): Promise<void> {
    const rendered = this.renderFor(key, template);
    if (!rendered) return;
    this.setStatus(key, { kind: 'working' });
    const result = await insertIntoEditor(editor, this.adapter.editorKind(editor), rendered.text, rendered.cursor);
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
    this.render();
  }
}

const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' } as const;
