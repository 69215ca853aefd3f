// Where comments went when they left the queue: a "Done", "Snoozed" and "Ignored" list the user can open, each
// comment with a way back to the queue.
import { type MessageKey, t } from '../../utils/i18n';
import { trusted } from '../../utils/overlay/trusted';
export type HandledKind = 'done' | 'snoozed' | 'ignored';

export interface HandledItem {
  key: string;
  authorName: string;
  snippet: string;
}

export interface HandledListsProps {
  lists: Record<HandledKind, HandledItem[]>;
  onRestore(key: string): void;
}

const TITLES: Record<HandledKind, MessageKey> = {
  done: 'overlay_done',
  snoozed: 'overlay_snoozed',
  ignored: 'overlay_ignored',
};
const KINDS: readonly HandledKind[] = ['done', 'snoozed', 'ignored'];

/** A comment's words on one line, cut after `max` characters (the queue's list and the handled lists share it). */
export const clip = (text: string, max: number): string => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

export function HandledLists({ lists, onRestore }: HandledListsProps) {
  const shown = KINDS.filter((k) => lists[k].length > 0);
  if (shown.length === 0) return null;
  return (
    <div class="rr-handled-lists">
      {shown.map((kind) => (
        <details key={kind} class="rr-handled" data-rr-handled={kind}>
          <summary>{t('overlay_list_count', { title: t(TITLES[kind]), count: lists[kind].length })}</summary>
          <ul class="rr-handled-list">
            {lists[kind].map((item) => (
              <li key={item.key} class="rr-handled-item" data-key={item.key}>
                <span class="rr-handled-who">{item.authorName}</span>
                <span class="rr-handled-snippet">{clip(item.snippet, 80)}</span>
                <button
                  type="button"
                  class="rr-btn rr-btn-quiet"
                  data-rr-action="restore"
                  onClick={trusted(() => onRestore(item.key))}
                >
                  {t('overlay_back_to_queue')}
                  <span class="rr-sr">{`: ${item.authorName}`}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
