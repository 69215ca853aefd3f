// The badge on each comment Reply Radar classified. Unanswered comments get the waiting time and the reply
// actions; everything else stays quiet so the page still reads like the page.
import type { CommentState } from '../../utils/core/model';
import { trusted } from '../../utils/overlay/trusted';
import { AgePill } from './AgePill';
import { BreachIcon, ChevronIcon, CurrentIcon, TickIcon } from './icons';
import type { Level, Theme } from './styles';

export type InsertStatus =
  | null
  | { kind: 'working' }
  | { kind: 'inserted' }
  /** `message` says what failed ("Could not insert"); the badge adds the clipboard note when `copied`. */
  | { kind: 'failed'; message: string; copied: boolean };

export interface BadgeProps {
  state: CommentState;
  level: Level;
  /** "12 min" — shown as "Waiting 12 min". */
  ageText: string;
  authorName: string;
  /** The comment Alt+J / Alt+K moved to. */
  isCurrent: boolean;
  insertStatus?: InsertStatus;
  onReply(): void;
  onOpenPicker(): void;
  /** Done and snooze from the badge (the panel offers an Undo). */
  onDone?(): void;
  onSnooze?(): void;
  pickerOpen: boolean;
  /** What Reply inserts ("Order help", template 3), said in its tooltip; null when there is no template. */
  replyTemplate?: { title: string; number: number | null } | null;
  /** Follows the site's background; sets data-theme on the badge root. Without it the host's data-theme applies
   * (light when the host has none). */
  theme?: Theme;
}

const QUIET_WORDS: Record<'done' | 'snoozed' | 'ignored', string> = {
  done: 'Done',
  snoozed: 'Snoozed',
  ignored: 'Ignored',
};

function failureText(message: string, copied: boolean): string {
  // The lead may already have said it; never say it twice.
  if (!copied || /clipboard/i.test(message)) return message;
  return `${message} — text copied to clipboard`;
}

/** Reply opens the site's box and fills the top suggestion: the tooltip names it, with its Alt number. */
function replyTitle(template: BadgeProps['replyTemplate']): string {
  if (!template) return "Open the site's reply box";
  const key = template.number ? ` (Alt+${template.number})` : '';
  return `Open the site's reply box and insert “${template.title}”${key}`;
}

function CurrentMarker() {
  return (
    <span class="rr-current">
      <CurrentIcon />
      Current
    </span>
  );
}

export function Badge(props: BadgeProps) {
  const { state, level, ageText, authorName, isCurrent, insertStatus = null, pickerOpen } = props;
  const theme = props.theme;

  if (state !== 'unanswered') {
    const quiet =
      state === 'answered' || state === 'brand' ? (
        <span class="rr-quiet" title={state === 'brand' ? 'By your brand' : 'Answered'}>
          <TickIcon />
          <span class="rr-sr">{state === 'brand' ? 'By your brand' : 'Answered'}</span>
        </span>
      ) : (
        <span class="rr-quiet">{QUIET_WORDS[state]}</span>
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
        <AgePill level={level} ageText={ageText} prefix="Waiting " />
        <button
          type="button"
          class="rr-btn rr-btn-primary"
          data-rr-action="reply"
          disabled={working}
          title={replyTitle(props.replyTemplate)}
          onClick={trusted(() => props.onReply())}
        >
          Reply<span class="rr-sr">{` to ${authorName}`}</span>
        </button>
        <button
          type="button"
          class="rr-btn"
          data-rr-action="templates"
          aria-haspopup="dialog"
          aria-expanded={pickerOpen}
          onClick={trusted(() => props.onOpenPicker())}
        >
          Templates<span class="rr-sr">{` for ${authorName}`}</span>
          <ChevronIcon up={pickerOpen} />
        </button>
        <button
          type="button"
          class="rr-btn rr-btn-quiet"
          data-rr-action="done"
          title="Mark done: it leaves the queue until the customer writes again"
          onClick={trusted(() => props.onDone?.())}
        >
          Done<span class="rr-sr">{` with ${authorName}`}</span>
        </button>
        <button
          type="button"
          class="rr-btn rr-btn-quiet"
          data-rr-action="snooze"
          title="Snooze for an hour"
          onClick={trusted(() => props.onSnooze?.())}
        >
          Snooze<span class="rr-sr">{` ${authorName} for an hour`}</span>
        </button>
      </div>
      {/* Always present, so screen readers announce what is put in it. */}
      <div class="rr-status" role="status">
        {insertStatus?.kind === 'working' ? 'Inserting…' : null}
        {insertStatus?.kind === 'inserted' ? 'Inserted — check it and send' : null}
      </div>
      {insertStatus?.kind === 'failed' ? (
        <p class="rr-status" data-kind="failed" role="alert">
          <BreachIcon /> {failureText(insertStatus.message, insertStatus.copied)}
        </p>
      ) : null}
    </div>
  );
}
