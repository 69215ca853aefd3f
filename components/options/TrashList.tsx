// Deleted templates, restorable for 30 days. Deleting one for good asks first, in place.
import { useState } from 'preact/hooks';
import type { Template } from '../../utils/core/template';
import { TRASH_KEEP_MS } from '../../utils/storage/templates';
import { daysLeft, plural, timeAgo } from './format';

interface TrashListProps {
  items: readonly Template[];
  onRestore: (t: Template) => void;
  onPurge: (t: Template) => void;
  busy: boolean;
}

export function TrashList({ items, onRestore, onPurge, busy }: TrashListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (items.length === 0) return <p class="rr-empty">The trash is empty.</p>;
  return (
    <ul class="rr-trash" aria-label="Deleted templates">
      {items.map((t) => {
        const left = daysLeft(t.deletedAt ?? Date.now(), TRASH_KEEP_MS);
        return (
          <li key={t.id} class="rr-trash__item" data-testid="trash-row">
            <div class="rr-trash__text">
              <span class="rr-trash__title">{t.title}</span>
              <span class="rr-muted">
                {`Deleted ${t.deletedAt !== undefined ? timeAgo(t.deletedAt) : ''} · `}
                {left === 0 ? 'removed today' : `${plural(left, 'day', 'days')} left`}
              </span>
            </div>
            <div class="rr-trash__actions">
              {confirming === t.id ? (
                <>
                  <span class="rr-muted" id={`rr-purge-${t.id}`}>
                    Delete for good?
                  </span>
                  <button
                    type="button"
                    class="rr-button rr-button--small rr-button--danger"
                    aria-describedby={`rr-purge-${t.id}`}
                    disabled={busy}
                    onClick={() => {
                      setConfirming(null);
                      onPurge(t);
                    }}
                  >
                    Delete forever
                  </button>
                  <button type="button" class="rr-button rr-button--small" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </>
              ) : (
                <>
                  <button
                    type="button"
                    class="rr-button rr-button--small"
                    aria-label={`Restore “${t.title}”`}
                    disabled={busy}
                    onClick={() => onRestore(t)}
                  >
                    Restore
                  </button>
                  <button
                    type="button"
                    class="rr-button rr-button--small rr-button--quiet"
                    aria-label={`Delete “${t.title}” for good`}
                    disabled={busy}
                    onClick={() => setConfirming(t.id)}
                  >
                    Delete now
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
