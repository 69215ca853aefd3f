// The badges: one <rr-badge> per classified comment, in the slot the site adapter chooses, and the page-contract
// stamps on the comment element. Draws a badge again only when what it shows changed.
import { render } from 'preact';
import { Badge } from '../../components/overlay/Badge';
import { BADGE_CSS } from '../../components/overlay/styles';
import { TemplatePicker } from '../../components/overlay/TemplatePicker';
import { suggestTemplates } from '../core/suggest';
import type { Template } from '../core/template';
import type { SiteAdapter } from '../sites/types';
import { ensureBadgeHost, findBadgeHost } from './hosts';
import type { KnownComment } from './known-comments';
import type { InsertStatus } from './session-services';
import { stampComment, unstamp } from './stamp';
import type { CommentView, PageView } from './view-model';

/** What a badge's buttons do; every action names the comment by key. */
export interface BadgeActions {
  reply(key: string): void;
  togglePicker(key: string): void;
  pick(key: string, template: Template): void;
  closePicker(key: string): void;
  /** Templates not in the trash, in the user's order. */
  templates(): Template[];
  /** A template's text filled for the comment. */
  preview(key: string, template: Template): string;
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
      const status = ui.statuses.get(cv.key) ?? null;
      const drawn = [cv.key, cv.state, cv.level, cv.ageText, isCurrent, ui.theme, JSON.stringify(status)].join('|');
      // An open picker keeps its own state; drawing it again with the same props is cheap and keeps it fresh.
      if (ui.pickerKey !== cv.key && this.drawn.get(mount) === drawn) continue;
      this.drawn.set(mount, drawn);
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

  private badgeFor(cv: CommentView, isCurrent: boolean, ui: BadgeUi, status: InsertStatus) {
    const pickerOpen = ui.pickerKey === cv.key;
    const { actions } = this;
    const key = cv.key;
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
        picker={
          pickerOpen ? (
            <TemplatePicker
              templates={actions.templates()}
              suggestedIds={suggestTemplates(actions.templates(), { lang: cv.comment.lang, labels: cv.labels })}
              previewFor={(t) => actions.preview(key, t)}
              onPick={(t) => actions.pick(key, t)}
              onClose={() => actions.closePicker(key)}
            />
          ) : undefined
        }
      />
    );
  }
}
