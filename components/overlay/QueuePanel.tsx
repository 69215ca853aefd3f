// The content of the <reply-radar> panel: what on this post still waits for an answer, oldest and overdue first.
// It says "All answered" only when the page was read completely and nothing waits; a page it could not read
// fully is never reported as answered. Drawn without Preact's runtime (issue #10): the view is pure functions of
// the panel's props, and dom-patch.ts writes into the DOM only what differs from the view drawn last.
import type { ComponentChild } from 'preact';
import type { Health } from '../../utils/core/model';
import { LABEL_KINDS } from '../../utils/core/setting-names';
import type { LabelKind } from '../../utils/core/settings';
import { type MessageKey, t, tn } from '../../utils/i18n';
import { trusted } from '../../utils/overlay/trusted';
import { AgePill } from './AgePill';
import { patch } from './dom-patch';
import { clip, type HandledItem, type HandledKind, HandledLists } from './HandledLists';
import { HiddenNote } from './HiddenNote';
import { BreachIcon, ChevronIcon, OkIcon, WarnIcon } from './icons';
import { QueueList } from './QueueList';
import { scrollWithin } from './scroll';
import type { Level, Theme } from './styles';

/**
 * A queue row: the overlay's comment view itself (view-model.ts CommentView has this shape), not a copy per comment
 * (a copy and the map from view to copy held 0.55 MB at 10,000 comments, issue #10).
 */
export interface QueueItemView {
  /** commentKey(): "platform:id". */
  key: string;
  /**
   * Who wrote it and its words. The handle is without "@"; shown as "@handle" when it looks like one (Facebook ids
   * such as "profile.php?id=…" are not shown).
   */
  comment: { author: { displayName: string; handle: string }; text: string };
  ageText: string;
  level: Level;
  labels: LabelKind[];
  /** Obvious spam: labelled, offered "Ignore" in one click. */
  spam?: boolean;
}

export type LabelFilter = LabelKind | 'all';
export type NotTrackedReason = 'not-brand-post' | 'not-a-post' | 'site-off';

export interface QueuePanelProps {
  /** Already ordered: breached first, then oldest first. */
  items: QueueItemView[];
  /** How many items carry each label, when the caller keeps the count (else counted over `items`). */
  labelCounts?: Record<LabelKind, number>;
  health: Health;
  problems: string[];
  /** The page's own words for its hidden parts ("Show more replies"). */
  collapsedHints: string[];
  tracked: boolean;
  notTrackedReason?: NotTrackedReason;
  collapsed: boolean;
  onToggleCollapsed(): void;
  onSelect(key: string): void;
  onReply(key: string): void;
  onTrackAll?(): void;
  /**
   * The post's author is not one of the brand's identities: one button adds them (page contract:
   * `[data-rr-action="adopt-brand"]`), and the page is tracked at once.
   */
  adoptBrand?: { name: string; onAdopt(): void };
  currentKey?: string | null;
  labelFilter: LabelFilter;
  onLabelFilter(f: LabelFilter): void;
  theme: Theme;
  /** "X", "Facebook", "Instagram". */
  platformName: string;
  /** Ignore a comment (offered on obvious spam). */
  onIgnore?(key: string): void;
  /**
   * After done, snooze or ignore: where it went, and Undo (./UndoToast.tsx, drawn by the deferred code that did it:
   * the content script does not carry it).
   */
  toast?: ComponentChild;
  /** The comments that left the queue, by where they went. */
  handled?: Record<HandledKind, HandledItem[]>;
  /** Puts a done, snoozed or ignored comment back in the queue. */
  onRestore?(key: string): void;
  /** The site loads more replies as the user scrolls (the warning then says to scroll, not to expand). */
  moreBelow?: boolean;
}

/** A label's name on a comment ("Question") and as a filter ("Questions"), with the empty-filter sentence. */
const LABEL_KEYS: Record<LabelKind, { one: MessageKey; many: MessageKey; none: MessageKey }> = {
  question: { one: 'label_question', many: 'overlay_labels_question', none: 'overlay_no_unanswered_question' },
  complaint: { one: 'label_complaint', many: 'overlay_labels_complaint', none: 'overlay_no_unanswered_complaint' },
  order: { one: 'label_order', many: 'overlay_labels_order', none: 'overlay_no_unanswered_order' },
};

export function labelWords(kind: LabelKind): { one: string; many: string } {
  return { one: t(LABEL_KEYS[kind].one), many: t(LABEL_KEYS[kind].many) };
}

const uniq = (list: string[]): string[] => [...new Set(list.map((s) => s.trim()).filter(Boolean))];

function notTrackedText(reason: NotTrackedReason | undefined, platformName: string): string {
  switch (reason) {
    case 'not-brand-post':
      return t('overlay_not_brand_post');
    case 'not-a-post':
      return t('overlay_not_a_post', { site: platformName });
    case 'site-off':
      return t('overlay_site_off', { site: platformName });
    default:
      return t('overlay_not_tracking');
  }
}

/** The one-line summary read out by screen readers whenever it changes. */
export function summaryText(p: Pick<QueuePanelProps, 'items' | 'health' | 'tracked'>): string {
  if (!p.tracked) return t('overlay_summary_not_tracking');
  const count = tn('overlay_summary_unanswered', p.items.length);
  if (p.health === 'broken') return t('overlay_summary_broken', { count });
  if (p.health === 'incomplete') return t('overlay_summary_incomplete', { count });
  return count;
}

const showHandle = (handle: string): boolean => /^[\p{L}\p{N}_.]+$/u.test(handle);

function HealthIcon({ health }: { health: Health }) {
  if (health === 'broken') return <BreachIcon />;
  if (health === 'incomplete') return <WarnIcon />;
  return <OkIcon />;
}

let panels = 0;

type BodyRef = { current: HTMLDivElement | null };

/**
 * The panel drawn into one mount, and what it keeps between draws (the list's window, what was scrolled to).
 * `draw` after every change of its props; `clear` empties the mount (a panel drawn there again starts afresh).
 */
export class QueuePanel {
  private readonly bodyId = `rr-queue-${++panels}`;
  private readonly body: BodyRef = { current: null };
  private readonly list = new QueueList<QueueItemView>(() => this.scroller());
  private scrolledFor: unknown[] = [];

  constructor(private readonly mount: HTMLElement) {}

  draw(props: QueuePanelProps): void {
    patch(this.mount, queuePanel(props, this.bodyId, this.body, this.list));
    this.list.settle();
    this.keepCurrentInView(props);
  }

  clear(): void {
    patch(this.mount, null);
    this.list.settle();
    this.scrolledFor = [];
  }

  /** The panel body while it is drawn (the collapsed pill has none). */
  private scroller(): HTMLDivElement | null {
    const body = this.body.current;
    return body?.isConnected ? body : null;
  }

  /**
   * Only when the current item changes (Alt+J / Alt+K) or the panel opens: the list re-renders every minute as ages
   * tick, and must not jump back while the user scrolls it.
   */
  private keepCurrentInView({ currentKey = null, collapsed }: QueuePanelProps): void {
    if (this.scrolledFor[0] === currentKey && this.scrolledFor[1] === collapsed) return;
    this.scrolledFor = [currentKey, collapsed];
    const body = this.scroller();
    const current = body?.querySelector('[aria-current="true"]');
    if (body && current) scrollWithin(body, current);
  }
}

function queuePanel(props: QueuePanelProps, bodyId: string, bodyRef: BodyRef, list: QueueList<QueueItemView>) {
  const { items, health, tracked, collapsed } = props;
  const summary = summaryText(props);

  const live = (
    <div class="rr-sr" role="status" aria-live="polite">
      {summary}
    </div>
  );

  if (collapsed) {
    return (
      <section class="rr-root" data-theme={props.theme} aria-label="Reply Radar">
        {live}
        <button
          type="button"
          class="rr-mini"
          data-health={tracked ? health : 'off'}
          aria-expanded={false}
          onClick={trusted(() => props.onToggleCollapsed())}
        >
          <span class="rr-sr">{t('overlay_show_queue_sr', { summary })}</span>
          <span class="rr-count" aria-hidden="true" data-zero={items.length === 0 ? 'true' : 'false'}>
            {tracked ? String(items.length) : '–'}
          </span>
          <span aria-hidden="true">{tracked ? t('overlay_mini_unanswered') : t('overlay_mini_off')}</span>
          {tracked && (health !== 'ok' || items.length === 0) ? <HealthIcon health={health} /> : null}
        </button>
        {props.toast ?? null}
      </section>
    );
  }

  return (
    <section class="rr-root" data-theme={props.theme} aria-label="Reply Radar">
      {live}
      <div class="rr-panel">
        <header class="rr-panel-head">
          <h2 class="rr-panel-title">Reply Radar</h2>
          {tracked ? (
            <span class="rr-count" aria-hidden="true" data-zero={items.length === 0 ? 'true' : 'false'}>
              {String(items.length)}
            </span>
          ) : null}
          <button
            type="button"
            class="rr-btn rr-btn-icon"
            aria-label={t('overlay_hide_queue')}
            aria-expanded={true}
            aria-controls={bodyId}
            onClick={trusted(() => props.onToggleCollapsed())}
          >
            <ChevronIcon />
          </button>
        </header>
        <div class="rr-panel-body" id={bodyId} ref={bodyRef}>
          {tracked ? <TrackedBody {...props} list={list} /> : <NotTracked {...props} />}
        </div>
        {props.toast ?? null}
      </div>
    </section>
  );
}

function NotTracked({ notTrackedReason, platformName, onTrackAll, adoptBrand }: QueuePanelProps) {
  const offerAdopt = notTrackedReason === 'not-brand-post' && adoptBrand;
  return (
    <div class="rr-note" data-kind="off">
      <div>
        <p>{notTrackedText(notTrackedReason, platformName)}</p>
        {notTrackedReason === 'not-brand-post' && (onTrackAll || offerAdopt) ? (
          <div class="rr-note-actions">
            {offerAdopt ? <AdoptBrandButton adopt={adoptBrand} platformName={platformName} primary /> : null}
            {onTrackAll ? (
              <button type="button" class="rr-btn" onClick={trusted(() => onTrackAll())}>
                {t('overlay_track_all')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Adds the post's author to the brand identities of this site; only a real click counts (the page is hostile). */
function AdoptBrandButton({
  adopt,
  platformName,
  primary = false,
}: {
  adopt: NonNullable<QueuePanelProps['adoptBrand']>;
  platformName: string;
  primary?: boolean;
}) {
  return (
    <button
      type="button"
      class={primary ? 'rr-btn rr-btn-primary' : 'rr-btn'}
      data-rr-action="adopt-brand"
      title={t('overlay_adopt_title', { name: adopt.name, site: platformName })}
      onClick={trusted(() => adopt.onAdopt())}
    >
      {t('overlay_adopt', { name: adopt.name })}
    </button>
  );
}

function Problems({ problems }: { problems: string[] }) {
  const list = uniq(problems);
  if (list.length === 0) return null;
  return (
    <ul class="rr-problems">
      {list.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

function countLabels(items: QueueItemView[]): Record<LabelKind, number> {
  const counts = Object.fromEntries(LABEL_KINDS.map((k) => [k, 0])) as Record<LabelKind, number>;
  for (const item of items) for (const label of item.labels) counts[label]++;
  return counts;
}

function TrackedBody(props: QueuePanelProps & { list: QueueList<QueueItemView> }) {
  const { items, health, problems, collapsedHints, labelFilter, currentKey = null } = props;
  const counts = props.labelCounts ?? countLabels(items);
  const shown = labelFilter === 'all' ? items : items.filter((i) => i.labels.includes(labelFilter));

  return (
    <>
      {props.adoptBrand ? (
        <div class="rr-note" data-kind="adopt">
          <div>
            <p>{t('overlay_adopt_note', { name: props.adoptBrand.name })}</p>
            <div class="rr-note-actions">
              <AdoptBrandButton adopt={props.adoptBrand} platformName={props.platformName} />
            </div>
          </div>
        </div>
      ) : null}
      {health === 'broken' ? (
        <div class="rr-note" data-kind="broken">
          <BreachIcon />
          <div>
            <p>{t('overlay_broken')}</p>
            <Problems problems={problems} />
          </div>
        </div>
      ) : health === 'incomplete' ? (
        <div class="rr-note" data-kind="incomplete">
          <WarnIcon />
          <HiddenNote collapsedHints={collapsedHints} problems={problems} moreBelow={props.moreBelow ?? false} />
        </div>
      ) : items.length === 0 ? (
        <div class="rr-note" data-kind="ok">
          <OkIcon />
          <div>
            <p>{t('overlay_all_answered')}</p>
            <Problems problems={problems} />
          </div>
        </div>
      ) : problems.length > 0 ? (
        <div class="rr-note" data-kind="problems">
          <Problems problems={problems} />
        </div>
      ) : null}

      {items.length === 0 && health === 'incomplete' ? <p class="rr-note">{t('overlay_none_waiting_shown')}</p> : null}

      {items.length > 0 ? (
        <>
          <fieldset class="rr-filters">
            <legend class="rr-sr">{t('overlay_filter_label')}</legend>
            <button
              type="button"
              class="rr-btn rr-filter"
              aria-pressed={labelFilter === 'all'}
              onClick={trusted(() => props.onLabelFilter('all'))}
            >
              {t('overlay_filter_all', { count: items.length })}
            </button>
            {LABEL_KINDS.map((k) => (
              <button
                key={k}
                type="button"
                class="rr-btn rr-filter"
                aria-pressed={labelFilter === k}
                onClick={trusted(() => props.onLabelFilter(k))}
              >
                {t('overlay_filter_kind', { label: labelWords(k).many, count: counts[k] })}
              </button>
            ))}
          </fieldset>
          {shown.length === 0 ? (
            <p class="rr-note">{t(LABEL_KEYS[labelFilter as LabelKind].none)}</p>
          ) : (
            props.list.view({
              items: shown,
              keyOf: (item) => item.key,
              currentKey,
              label: t('overlay_unanswered_list'),
              rowInputs: (item, index) => [
                item,
                item.key === currentKey,
                index,
                props.onSelect,
                props.onReply,
                props.onIgnore,
              ],
              renderItem: (item, position) =>
                QueueItem.render({
                  item,
                  position,
                  current: item.key === currentKey,
                  onSelect: props.onSelect,
                  onReply: props.onReply,
                  onIgnore: props.onIgnore,
                }),
            })
          )}
        </>
      ) : null}
      {props.handled && props.onRestore ? <HandledLists lists={props.handled} onRestore={props.onRestore} /> : null}
    </>
  );
}

interface QueueItemProps {
  item: QueueItemView;
  /** Where the row sits in the whole list (only some rows are rendered when it is long). */
  position: { index: number; count: number };
  current: boolean;
  onSelect(key: string): void;
  onReply(key: string): void;
  onIgnore?(key: string): void;
}

/**
 * A queue row's view. The list asks for it again only when what it shows changed (its item, being current, its
 * place, a handler: TrackedBody's rowInputs): a batch that adds comments elsewhere in the queue changes only the
 * list's length, which is one attribute here, not the row's whole tree (issue #10: the panel's cost per batch).
 * Items are the same objects while their comment's view is unchanged (panel-layer.ts). An object, so that tests
 * can count the rows drawn.
 */
export const QueueItem = { render: queueItem };

function queueItem({ item, position, current, onSelect, onReply, onIgnore }: QueueItemProps) {
  const { author, text } = item.comment;
  return (
    <li
      key={item.key}
      class="rr-item"
      data-current={current ? 'true' : 'false'}
      data-key={item.key}
      aria-posinset={position.index + 1}
      aria-setsize={position.count}
    >
      <button
        type="button"
        class="rr-item-main"
        aria-current={current ? 'true' : undefined}
        onClick={trusted(() => onSelect(item.key))}
      >
        <span class="rr-item-who">
          <span class="rr-item-name">{author.displayName}</span>
          {showHandle(author.handle) ? <span class="rr-item-handle">{`@${author.handle}`}</span> : null}
        </span>
        {/* The list shows two lines; a long comment would only make the button's spoken name long. */}
        <span class="rr-item-snippet">{clip(text, 280)}</span>
        <span class="rr-item-meta">
          <AgePill level={item.level} ageText={item.ageText} />
          {item.spam ? (
            <span class="rr-chip" data-label="spam">
              {t('overlay_likely_spam')}
            </span>
          ) : null}
          {item.labels.map((l) => (
            <span key={l} class="rr-chip">
              {labelWords(l).one}
            </span>
          ))}
        </span>
      </button>
      {item.spam && onIgnore ? (
        <button type="button" class="rr-btn" data-rr-action="ignore" onClick={trusted(() => onIgnore(item.key))}>
          {t('overlay_ignore')}
          <span class="rr-sr">{` ${author.displayName}`}</span>
        </button>
      ) : (
        <button type="button" class="rr-btn rr-btn-primary" onClick={trusted(() => onReply(item.key))}>
          {t('overlay_reply')}
          <span class="rr-sr">{` ${t('overlay_reply_to_sr', { name: author.displayName })}`}</span>
        </button>
      )}
    </li>
  );
}
