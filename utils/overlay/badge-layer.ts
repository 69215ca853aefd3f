// The badges: one <rr-badge> per classified comment, in the slot the site adapter chooses, and the page-contract
// stamps on the comment element. Stamps are written at once (cheap, and the page contract); a badge is drawn again
// only when what it shows changed. A draw of a few badges (a batch of new comments, a click) happens at once;
// beyond that (a first read of a long page, a change every badge shares) badges are drawn near the screen first
// and the rest in idle slices (badge-queue.ts), and a badge whose age alone moved waits until it is near.
// Badges are plain DOM (badge-dom.ts), with one click listener function shared by all.
import { type BadgeContent, badgeActionOf, drawBadge } from '../../components/overlay/badge-dom';
import type { Template } from '../core/template';
import { currentLocale } from '../i18n';
import type { SiteAdapter } from '../sites/types';
import { BadgeQueue, type BadgeSignature, redrawFor } from './badge-queue';
import { ensureBadgeHost, findBadgeHost, findPlacedHost, placeBadgeHost } from './hosts';
import type { KnownComment, KnownComments } from './known-comments';
import { BADGE_CSS } from './overlay-css';
import { bestTemplateFor, templateNumbers } from './reply-text';
import type { InsertStatus } from './session-services';
import { stampComment, unstamp } from './stamp';
import type { CommentView, PageView } from './view-model';

/** What a badge's buttons do; every action names the comment by key. */
export interface BadgeActions {
  reply(key: string): void;
  /** Opens or closes the template picker (it opens in the pop-up layer, see popup-layer.ts). */
  togglePicker(key: string): void;
  done(key: string): void;
  snooze(key: string): void;
  /** Templates not in the trash, in the user's order. */
  templates(): Template[];
  /** The keys bound to insert the template numbered `n` (1…9), as this keyboard shows them ("Alt+1", "⌥1"). */
  templateKeys(n: number): string;
}

/** UI state the badges show besides the view. */
export interface BadgeUi {
  currentKey: string | null;
  pickerKey: string | null;
  theme: 'light' | 'dark';
  fontSize: number;
  statuses: ReadonlyMap<string, InsertStatus>;
}

/**
 * The most badges one draw builds at once; the rest are queued (near the screen first). A batch of new comments
 * stays under it, so a new comment's badge comes with its stamps.
 */
export const DRAW_AT_ONCE = 60;

interface DrawContext {
  view: PageView;
  ui: BadgeUi;
  templatesStamp: string;
  locale: string;
  /** Reply's template per comment language and labels, worked out once per draw (not per badge). */
  replyTemplates: Map<string, BadgeContent['replyTemplate']>;
}

/**
 * The height a drawn badge takes, in units of its font size, rounded up (styles.ts: a row of buttons 1.86 high, or
 * a quiet mark 1.16, in Khmer's taller lines 1.38, plus the badge's margins 0.6). Its host keeps it as its least
 * height from before the badge is drawn, so drawing moves nothing; only a row of buttons that wraps grows.
 */
const ROOM = { buttons: 2.5, quiet: 2 };

function reserveRoom(host: HTMLElement, state: string, fontSize: number): void {
  const room = `${Math.ceil(fontSize * (state === 'unanswered' ? ROOM.buttons : ROOM.quiet))}px`;
  if (host.style.minHeight !== room) host.style.minHeight = room;
}

export class BadgeLayer {
  /** What each badge was last drawn with, so unchanged badges are not drawn again on every batch. */
  private readonly drawn = new WeakMap<HTMLElement, BadgeSignature>();
  private readonly queue = new BadgeQueue((element) => this.drawQueued(element));
  /** What the last draw worked from, for badges drawn when they come near. */
  private last: { known: KnownComments; context: DrawContext } | null = null;
  /** What every badge shares (theme, font, language, templates): when it changes, every badge is looked at. */
  private shared = '';
  /** UI state drawn last, to find the few badges a change of it concerns. */
  private lastUi: { currentKey: string | null; pickerKey: string | null; statuses: Map<string, InsertStatus> } = {
    currentKey: null,
    pickerKey: null,
    statuses: new Map(),
  };
  /** Keys to draw at the next draw whatever changed (see `forget`). */
  private readonly pending = new Set<string>();
  /** The comment each badge's mount speaks for: its one click listener asks here (no closure per badge). */
  private readonly keyOfMount = new WeakMap<EventTarget, string>();
  private readonly onClick = (event: Event): void => {
    const action = badgeActionOf(event);
    const key = event.currentTarget ? this.keyOfMount.get(event.currentTarget) : undefined;
    if (!action || key === undefined) return;
    if (action === 'templates') this.actions.togglePicker(key);
    else this.actions[action](key);
  };

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly actions: BadgeActions,
  ) {}

  /**
   * Draws the badges of `keys` (the comments the view or the page changed), plus those whose UI state changed;
   * with `keys` null, or when what all badges share changed, every badge is looked at.
   */
  draw(known: KnownComments, view: PageView, keys: Iterable<string> | null, ui: BadgeUi): void {
    const templates = this.actions.templates();
    // Reply's tooltip names a template and the keys bound to it: a rebound Alt+1…9 redraws the badges too.
    let keysStamp = '';
    for (let n = 1; n <= 9; n++) keysStamp += `${this.actions.templateKeys(n)},`;
    const templatesStamp = `${templates.length}/${templates.reduce((m, t) => Math.max(m, t.updatedAt), 0)}/${keysStamp}`;
    const locale = currentLocale();
    const shared = [templatesStamp, ui.theme, ui.fontSize, locale].join('|');
    const all = keys === null || shared !== this.shared;
    this.shared = shared;
    // The few keys whose UI state changed come first: they are drawn at once whatever else this draw holds.
    const todo = new Set<string>();
    for (const key of this.pending) todo.add(key);
    for (const key of [this.lastUi.currentKey, ui.currentKey, this.lastUi.pickerKey, ui.pickerKey]) {
      if (key) todo.add(key);
    }
    for (const [key, status] of this.lastUi.statuses) if (ui.statuses.get(key) !== status) todo.add(key);
    for (const [key, status] of ui.statuses) if (this.lastUi.statuses.get(key) !== status) todo.add(key);
    this.pending.clear();
    this.lastUi = { currentKey: ui.currentKey, pickerKey: ui.pickerKey, statuses: new Map(ui.statuses) };
    const context = { view, ui, templatesStamp, locale, replyTemplates: new Map() };
    this.last = { known, context };
    const budget = { left: DRAW_AT_ONCE };
    this.queue.busy();
    for (const key of todo) {
      const entry = known.get(key);
      if (entry) this.drawOne(entry, context, null);
    }
    if (all) {
      for (const entry of known.all()) if (!todo.has(entry.key)) this.drawOne(entry, context, budget);
    } else if (keys) {
      const entries: KnownComment[] = [];
      for (const key of keys) {
        if (todo.has(key)) continue;
        const entry = known.get(key);
        if (entry) entries.push(entry);
      }
      // In reading order (page order), as the badge queue keeps its rows: each then goes at its end.
      entries.sort((a, b) => a.comment.order - b.comment.order);
      for (const entry of entries) this.drawOne(entry, context, budget);
    }
  }

  /**
   * Stamps the comment's element and draws its badge when what it shows changed: at once while `budget` lasts, else
   * queued, and a badge whose age alone moved is queued until it is near the screen; without a budget, at once.
   */
  private drawOne(entry: KnownComment, context: DrawContext, budget: { left: number } | null): void {
    const { view, ui, templatesStamp, locale } = context;
    const element = entry.element;
    if (!element) return;
    const cv = view.comments.get(entry.key);
    if (!cv) {
      // Not classified (untracked post): leave the site's node as it was.
      if (element.hasAttribute('data-rr-id')) this.clear(element);
      return;
    }
    const isCurrent = ui.currentKey === cv.key;
    stampComment(element, cv, isCurrent);
    const status = ui.statuses.get(cv.key) ?? null;
    const pickerOpen = ui.pickerKey === cv.key;
    const rest: unknown[] = [cv.key, cv.state, isCurrent, ui.theme, pickerOpen, locale, ui.fontSize];
    rest.push(JSON.stringify(status));
    // Reply's tooltip names the template it inserts: the templates, the comment's language and labels choose it.
    if (cv.state === 'unanswered') rest.push(templatesStamp, cv.language ?? '', cv.labels.join(','));
    const signature: BadgeSignature = { rest: rest.join('|'), age: `${cv.ageText}|${cv.level}` };
    const badge = findBadgeHost(element);
    const need = redrawFor(badge ? this.drawn.get(badge.mount) : undefined, signature);
    if (need === 'same') {
      this.queue.delete(element);
      return;
    }
    if (budget && (need === 'age' || budget.left <= 0)) {
      this.queue.add(element, need !== 'age', entry.comment.order);
      // Its room is taken now, with the stamps: drawn later, near the screen, it moves no row below it.
      reserveRoom(badge?.host ?? placeBadgeHost(element, this.adapter), cv.state, ui.fontSize);
      return;
    }
    if (budget) budget.left--;
    this.queue.delete(element);
    const { host, mount } = badge ?? ensureBadgeHost(element, this.adapter, BADGE_CSS);
    reserveRoom(host, cv.state, ui.fontSize);
    this.drawn.set(mount, signature);
    if (!this.keyOfMount.has(mount)) mount.addEventListener('click', this.onClick);
    this.keyOfMount.set(mount, cv.key);
    const fontSize = `${ui.fontSize}px`;
    if (host.style.getPropertyValue('--rr-font-size') !== fontSize) host.style.setProperty('--rr-font-size', fontSize);
    if (host.getAttribute('lang') !== locale) host.setAttribute('lang', locale);
    drawBadge(mount, this.contentOf(cv, isCurrent, ui, status, context));
  }

  /**
   * A queued badge's turn came (near the screen, or idle time): drawn from the last draw's view, for the comment the
   * row shows now (a recycled row's new comment; KnownComments knows which, so no map from row to key is kept here:
   * 10,000 entries at 10,000 comments, issue #10).
   */
  private drawQueued(element: HTMLElement): void {
    if (!this.last) return;
    const key = this.last.known.keyAt(element);
    const entry = key === undefined ? undefined : this.last.known.get(key);
    if (entry?.element === element) this.drawOne(entry, this.last.context, null);
  }

  /** Rows whose badge waits to be drawn (for tests: the observer's work follows this). */
  get waiting(): number {
    return this.queue.size;
  }

  /** Stops watching the screen (the page's overlay is going away). */
  dispose(): void {
    this.queue.dispose();
    this.last = null;
  }

  /** The badge of `key` must be drawn again at the next draw (its picker opened or closed). */
  forgetKey(key: string, element: HTMLElement | null | undefined): void {
    this.pending.add(key);
    this.forget(element);
  }

  /** The badge of this element must be drawn again at the next draw (its picker opened or closed). */
  forget(element: HTMLElement | null | undefined): void {
    const badge = element ? findBadgeHost(element) : null;
    if (badge) this.drawn.delete(badge.mount);
  }

  /** Gives a site node back as it was: no stamps, no badge. */
  clear(element: HTMLElement): void {
    unstamp(element);
    this.queue.delete(element);
    const badge = findBadgeHost(element);
    if (badge) badge.mount.replaceChildren();
    findPlacedHost(element)?.remove();
  }

  /**
   * Reply's tooltip names the template it inserts: the best one for the comment's language and labels, shared by
   * the comments of one language and labels.
   */
  private replyTemplateFor(cv: CommentView, context: DrawContext): BadgeContent['replyTemplate'] {
    const lookup = `${cv.language}|${cv.labels.join(',')}`;
    const known = context.replyTemplates.get(lookup);
    if (known !== undefined) return known;
    const templates = this.actions.templates();
    const best = bestTemplateFor(templates, cv);
    const n = best ? templateNumbers(templates).get(best.id) : undefined;
    const found = best ? { title: best.title, keys: n ? this.actions.templateKeys(n) || null : null } : null;
    context.replyTemplates.set(lookup, found);
    return found;
  }

  private contentOf(
    cv: CommentView,
    isCurrent: boolean,
    ui: BadgeUi,
    status: InsertStatus,
    context: DrawContext,
  ): BadgeContent {
    return {
      state: cv.state,
      level: cv.level,
      ageText: cv.ageText,
      authorName: cv.comment.author.displayName,
      isCurrent,
      theme: ui.theme,
      insertStatus: status,
      pickerOpen: ui.pickerKey === cv.key,
      replyTemplate: cv.state === 'unanswered' ? this.replyTemplateFor(cv, context) : null,
    };
  }
}
