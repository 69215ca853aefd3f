// A short notice at the bottom of the page with an optional action ("Undo"). It stays while the pointer or focus is
// on it, so a keyboard user has time to reach the button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

export interface ToastMessage {
  /** Changes for every new toast, so the same text twice still restarts the timer. */
  id: number;
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
}

interface ToastProps {
  toast: ToastMessage | null;
  onClose: () => void;
  /** How long it stays untouched; 0 keeps it until closed. */
  visibleMs?: number;
}

export function Toast({ toast, onClose, visibleMs = 10_000 }: ToastProps) {
  const [held, setHeld] = useState(false);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    if (!toast || held || visibleMs <= 0) return;
    const timer = setTimeout(() => closeRef.current(), visibleMs);
    return () => clearTimeout(timer);
  }, [toast, held, visibleMs]);

  // The live region is always in the page: screen readers announce text added to an existing region.
  return (
    <div class="rr-toast-region" role="status" aria-live="polite">
      {toast ? (
        <section
          class="rr-toast"
          aria-label={t('toast_notice')}
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocusIn={() => setHeld(true)}
          onFocusOut={() => setHeld(false)}
        >
          <span class="rr-toast__text">{toast.text}</span>
          {toast.action ? (
            <button
              type="button"
              class="rr-button rr-button--small rr-button--inverse"
              onClick={async () => {
                const action = toast.action;
                onClose();
                await action?.run();
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" class="rr-toast__close" aria-label={t('toast_dismiss')} onClick={onClose}>
            ×
          </button>
        </section>
      ) : null}
    </div>
  );
}
