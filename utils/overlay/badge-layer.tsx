// The badges: one <rr-badge> per classified comment, in the slot the site adapter chooses, and the page-contract
// stamps on the comment element. Draws a badge again only when what it shows changed.
import { render } from 'preact';
import { Badge } from '../../components/overlay/Badge';
import { templateNumbers } from '../../components/overlay/TemplatePicker';
import type { Template } from '../core/template';
import { currentLocale } from '../i18n';
import type { SiteAdapter } from '../sites/types';
import { ensureBadgeHost, findBadgeHost } from './hosts';
import type { KnownComment } from './known-comments';
import { BADGE_CSS } from './overlay-css';
import { bestTemplateFor } from './reply-text';
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
}

/** UI state the badges show besides the view. */
export interface BadgeUi {
  currentKey: string | null;
  pickerKey: string | null;
  theme: 'light' | 'dark';
  fontSize: number;
  statuses: ReadonlyMap<string, InsertStatus>;
}

export class BadgeLayer {
  /** What each badge was last drawn with, so unchanged badges are not drawn again on every batch. */
  private readonly drawn = new WeakMap<HTMLElement, string>();

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly actions: BadgeActions,
  ) {}

  draw(known: Iterable<KnownComment>, view: PageView, ui: BadgeUi): void {
    const templates = this.actions.templates();
    const templatesStamp = `${templates.length}/${templates.reduce((m, t) => Math.max(m, t.updatedAt), 0)}`;
    for (const entry of known) {
      const element = entry.element;
      if (!element) continue;
      const cv = view.comments.get(entry.key);
      if (!cv) {
        // Not classified (untracked post): leave the site's node as it was.
        if (element.hasAttribute('data-rr-id')) this.clear(element);
        continue;
      }
      const isCurrent = ui.currentKey === cv.key;
      stampComment(element, cv, isCurrent);
      const { host, mount } = ensureBadgeHost(element, this.adapter, BADGE_CSS);
      host.style.setProperty('--rr-font-size', `${ui.fontSize}px`);
      const locale = currentLocale();
      if (host.getAttribute('lang') !== locale) host.setAttribute('lang', locale);
      const status = ui.statuses.get(cv.key) ?? null;
      const pickerOpen = ui.pickerKey === cv.key;
      const drawn: unknown[] = [cv.key, cv.state, cv.level, cv.ageText, isCurrent, ui.theme, pickerOpen, locale];
      drawn.push(JSON.stringify(status));
      // Reply's tooltip names the template it inserts: the templates, the comment's language and labels choose it.
      if (cv.state === 'unanswered') drawn.push(templatesStamp, cv.comment.lang ?? '', cv.labels.join(','));
      const signature = drawn.join('|');
      if (this.drawn.get(mount) === signature) continue;
      this.drawn.set(mount, signature);
      render(this.badgeFor(cv, isCurrent, ui, status), mount);
    }
  }

  /** The badge of this element must be drawn again at the next draw (its picker opened or closed). */
  forget(element: HTMLElement | null | undefined): void {
    const badge = element ? findBadgeHost(element) : null;
    if (badge) this.drawn.delete(badge.mount);
  }

  /** Gives a site node back as it was: no stamps, no badge. */
  clear(element: HTMLElement): void {
    unstamp(element);
    const badge = findBadgeHost(element);
    if (badge) {
      render(null, badge.mount);
      badge.host.remove();
    }
  }

  private replyWith(cv: CommentView): Template | null {
    return bestTemplateFor(this.actions.templates(), cv);
  }

  private badgeFor(cv: CommentView, isCurrent: boolean, ui: BadgeUi, status: InsertStatus) {
    const pickerOpen = ui.pickerKey === cv.key;
    const { actions } = this;
    const key = cv.key;
    const replyWith = cv.state === 'unanswered' ? this.replyWith(cv) : null;
    return (
      <Badge
        state={cv.state}
        level={cv.level}
        ageText={cv.ageText}
        authorName={cv.comment.author.displayName}
        isCurrent={isCurrent}
        theme={ui.theme}
        insertStatus={status}
        pickerOpen={pickerOpen}
        onReply={() => actions.reply(key)}
        onOpenPicker={() => actions.togglePicker(key)}
        onDone={() => actions.done(key)}
        onSnooze={() => actions.snooze(key)}
        replyTemplate={
          replyWith
            ? { title: replyWith.title, number: templateNumbers(actions.templates()).get(replyWith.id) ?? null }
            : null
        }
      />
    );
  }
}
