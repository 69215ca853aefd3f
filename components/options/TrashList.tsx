// Deleted templates, restorable for 30 days. Deleting one for good asks first, in place.
import { useState } from 'preact/hooks';
import type { Template } from '../../utils/core/template';
import { t, tn } from '../../utils/i18n';
import { TRASH_KEEP_MS } from '../../utils/storage/templates';
import { daysLeft, timeAgo } from './format';

interface TrashListProps {
  items: readonly Template[];
  onRestore: (tpl: Template) => void;
  onPurge: (tpl: Template) => void;
  busy: boolean;
}

export function TrashList({ items, onRestore, onPurge, busy }: TrashListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (items.length === 0) return <p class="rr-empty">{t('trash_empty')}</p>;
  return (
    <ul class="rr-trash" aria-label={t('trash_list_label')}>
      {items.map((tpl) => {
        const left = daysLeft(tpl.deletedAt ?? Date.now(), TRASH_KEEP_MS);
        return (
          <li key={tpl.id} class="rr-trash__item" data-testid="trash-row">
            <div class="rr-trash__text">
              <span class="rr-trash__title">{tpl.title}</span>
              <span class="rr-muted">
                {`${t('trash_deleted_when', { when: tpl.deletedAt !== undefined ? timeAgo(tpl.deletedAt) : '' })} · `}
                {left === 0 ? t('trash_removed_today') : tn('trash_days_left', left)}
              </span>
            </div>
            <div class="rr-trash__actions">
              {confirming === tpl.id ? (
                <>
                  <span class="rr-muted" id={`rr-purge-${tpl.id}`}>
                    {t('trash_confirm')}
                  </span>
                  <button
                    type="button"
                    class="rr-button rr-button--small rr-button--danger"
                    aria-describedby={`rr-purge-${tpl.id}`}
                    disabled={busy}
                    onClick={() => {
                      setConfirming(null);
                      onPurge(tpl);
                    }}
                  >
                    {t('trash_delete_forever')}
                  </button>
                  <button type="button" class="rr-button rr-button--small" onClick={() => setConfirming(null)}>
                    {t('trash_keep')}
                  </button>
                </>
              ) : (
                <>
                  <button
                    type="button"
                    class="rr-button rr-button--small"
                    aria-label={t('trash_restore_label', { title: tpl.title })}
                    disabled={busy}
                    onClick={() => onRestore(tpl)}
                  >
                    {t('trash_restore')}
                  </button>
                  <button
                    type="button"
                    class="rr-button rr-button--small rr-button--quiet"
                    aria-label={t('trash_delete_now_label', { title: tpl.title })}
                    disabled={busy}
                    onClick={() => setConfirming(tpl.id)}
                  >
                    {t('trash_delete_now')}
                  </button>
                </>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
