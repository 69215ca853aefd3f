// The badge on each comment Reply Radar classified. Unanswered comments get the waiting time and the reply
// actions; everything else stays quiet so the page still reads like the page. A pure view: badge-dom.ts turns it
// into plain DOM once per draw (thousands of badges keep no component, virtual tree or closure each; issue #10),
// and the buttons carry no handlers — the badge layer listens once and asks which button a person pressed.
import type { CommentState } from '../../utils/core/model';
import { type MessageKey, t } from '../../utils/i18n';
import type { InsertStatus } from '../../utils/overlay/session-services';
import { AgePill } from './AgePill';
import { BreachIcon, ChevronIcon, CurrentIcon, TickIcon } from './icons';
import type { Level, Theme } from './styles';

export interface BadgeContent {
  state: CommentState;
  level: Level;
  /** "12 min" — shown as "Waiting 12 min". */
  ageText: string;
  authorName: string;
  /** The comment Alt+J / Alt+K moved to. */
  isCurrent: boolean;
  /** `failed`: the badge adds the clipboard note to its message when `copied`. */
  insertStatus: InsertStatus;
  pickerOpen: boolean;
  /** What Reply inserts ("Order help", template 3), said in its tooltip; null when there is no template. */
  /** The template Reply inserts, and the keys that insert it (as bound in the options), when it has them. */
  replyTemplate: { title: string; keys: string | null } | null;
  /** Follows the site's background; sets data-theme on the badge root. Without it the host's data-theme applies
   * (light when the host has none). */
  theme?: Theme;
}

const QUIET_WORDS: Record<'done' | 'snoozed' | 'ignored', MessageKey> = {
  done: 'overlay_done',
  snoozed: 'overlay_snoozed',
  ignored: 'overlay_ignored',
};

function failureText(message: string, copied: boolean): string {
  // Said here only: the message never carries it (matching its words would work in English alone).
  return copied ? t('overlay_copied_note', { message }) : message;
}

/** Reply opens the site's box and fills the top suggestion: the tooltip names it, with the keys that insert it. */
function replyTitle(template: BadgeContent['replyTemplate']): string {
  if (!template) return t('overlay_reply_box');
  return template.keys
    ? t('overlay_reply_box_insert_key', { title: template.title, keys: template.keys })
    : t('overlay_reply_box_insert', { title: template.title });
}

/**
 * A button's spoken name: its visible word, then whom it acts on ("Reply to Ana"). An aria-label, not hidden text
 * in the button: screen-reader-only spans were a positioned, clipped box (a layout object and a paint layer) each,
 * five per badge, thousands of badges per page (issue #10).
 */
function spoken(word: MessageKey, who: string): string {
  return `${t(word)} ${who}`;
}

/** The badge's quiet buttons: action, word, what a hover says, whom a screen reader hears it act on. */
const QUIET_ACTIONS = [
  ['done', 'overlay_done', 'overlay_done_title', 'overlay_done_with_sr'],
  ['snooze', 'overlay_snooze', 'overlay_snooze_title', 'overlay_snooze_sr'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey, MessageKey, MessageKey]>;

function CurrentMarker() {
  return (
    <span class="rr-current">
      <CurrentIcon />
      {t('overlay_current')}
    </span>
  );
}

export function Badge(props: BadgeContent) {
  const { state, level, ageText, authorName, isCurrent, insertStatus, pickerOpen } = props;
  const theme = props.theme;

  if (state !== 'unanswered') {
    const quietWord = state === 'brand' ? t('overlay_by_brand') : t('overlay_answered');
    const quiet =
      state === 'answered' || state === 'brand' ? (
        <span class="rr-quiet" role="img" aria-label={quietWord} title={quietWord}>
          <TickIcon />
        </span>
      ) : (
        <span class="rr-quiet">{t(QUIET_WORDS[state])}</span>
      );
    return (
      <div class="rr-root rr-badge" data-theme={theme} data-state={state} data-current={isCurrent ? 'true' : 'false'}>
        <div class="rr-badge-row">
          {isCurrent ? <CurrentMarker /> : null}
          {quiet}
        </div>
      </div>
    );
  }

  const working = insertStatus?.kind === 'working';
  return (
    <div
      class="rr-root rr-badge"
      data-theme={theme}
      data-state={state}
      data-level={level}
      data-current={isCurrent ? 'true' : 'false'}
    >
      <div class="rr-badge-row">
        {isCurrent ? <CurrentMarker /> : null}
        <AgePill level={level} ageText={ageText} label={t('overlay_waiting', { age: ageText })} />
        <button
          type="button"
          class="rr-btn rr-btn-primary"
          data-rr-action="reply"
          disabled={working || undefined}
          title={replyTitle(props.replyTemplate)}
          aria-label={spoken('overlay_reply', t('overlay_reply_to_sr', { name: authorName }))}
        >
          {t('overlay_reply')}
        </button>
        <button
          type="button"
          class="rr-btn"
          data-rr-action="templates"
          aria-haspopup="dialog"
          aria-expanded={pickerOpen ? 'true' : 'false'}
          aria-label={spoken('overlay_templates', t('overlay_templates_for_sr', { name: authorName }))}
        >
          {t('overlay_templates')}
          <ChevronIcon up={pickerOpen} />
        </button>
        {QUIET_ACTIONS.map(([action, word, title, who]) => (
          <button
            key={action}
            type="button"
            class="rr-btn rr-btn-quiet"
            data-rr-action={action}
            title={t(title)}
            aria-label={spoken(word, t(who, { name: authorName }))}
          >
            {t(word)}
          </button>
        ))}
      </div>
      {/* Always present, so screen readers announce what is put in it. */}
      <div class="rr-status" role="status">
        {insertStatus?.kind === 'working' ? t('overlay_inserting') : null}
        {insertStatus?.kind === 'inserted' ? t('overlay_inserted') : null}
      </div>
      {insertStatus?.kind === 'failed' ? (
        <p class="rr-status" data-kind="failed" role="alert">
          <BreachIcon /> {failureText(insertStatus.message, insertStatus.copied)}
        </p>
      ) : null}
    </div>
  );
}
