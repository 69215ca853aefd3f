// How long the overlay runs: until the extension itself goes away (updated, reloaded, removed), and not a moment
// less. WXT's ContentScriptContext also stops when a "newer content script started" event arrives on the document;
// the page can forge that event (the extension id of a store install is public), so it must not end our UI.
// Our own lifetime ends only when the browser says the extension's context is gone (runtime.id disappears).
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface Lifetime {
  /** Aborted once, when the extension's context is gone. */
  readonly signal: AbortSignal;
  /** False once the extension's context is gone (and ends the lifetime when it notices). */
  alive(): boolean;
}

/** Whether this content script still belongs to a live extension: an orphaned script sees no runtime id. */
export function extensionContextAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

export function createLifetime(
  ctx: Pick<ContentScriptContext, 'onInvalidated'>,
  contextAlive: () => boolean = extensionContextAlive,
): Lifetime {
  const controller = new AbortController();
  const alive = (): boolean => {
    if (controller.signal.aborted) return false;
    if (contextAlive()) return true;
    controller.abort();
    return false;
  };
  // WXT's context ended: believe it only when the extension really is gone; a forged event leaves us running.
  ctx.onInvalidated(() => void alive());
  return { signal: controller.signal, alive };
}

/**
 * Calls `onChange` with the new address when a single-page app navigates, until `signal` aborts. The Navigation
 * API tells before location.href changes (so the address comes from the event); only the browser's own navigate
 * events count, never one the page dispatched. Without the API (Firefox before 147), the address is polled.
 */
export function watchLocation(onChange: (url: URL) => void, signal: AbortSignal): void {
  let last = location.href;
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener(
      'navigate',
      (event) => {
        if (!event.isTrusted) return;
        const next = new URL((event as Event & { destination: { url: string } }).destination.url);
        if (next.href === last) return;
        last = next.href;
        onChange(next);
      },
      { signal },
    );
    return;
  }
  const timer = setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange(new URL(last));
  }, 1000);
  signal.addEventListener('abort', () => clearInterval(timer));
}
