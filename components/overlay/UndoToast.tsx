// The toast after done, snooze or ignore: says where the comment went and offers Undo for a few seconds.
import { t } from '../../utils/i18n';
import { trusted } from '../../utils/overlay/trusted';
import type { HandledKind } from './HandledLists';

export interface UndoToastProps {
  /** Where the comment went. */
  kind: HandledKind;
  /** Whose comment ("Tom"). */
  name: string;
  onUndo(): void;
}

function toastText(kind: HandledKind, name: string): string {
  if (kind === 'done') return t('overlay_toast_done', { name });
  if (kind === 'snoozed') return t('overlay_toast_snoozed', { name });
  return t('overlay_toast_ignored', { name });
}

export function UndoToast({ kind, name, onUndo }: UndoToastProps) {
  return (
    <div class="rr-toast" role="status" data-rr-toast={kind}>
      <span class="rr-toast-text">{toastText(kind, name)}</span>
      <button type="button" class="rr-btn" data-rr-action="undo" onClick={trusted(() => onUndo())}>
        {t('overlay_undo')}
      </button>
    </div>
  );
}
