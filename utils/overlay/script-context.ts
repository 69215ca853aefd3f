// What the sites' content scripts get as WXT's `ctx` (wxt.config.ts swaps it in for their builds, issue #10: WXT's
// own class and its location watcher and logger came to about 1 KB gzip in each). The overlay uses only
// onInvalidated (see lifetime.ts, which believes it only once the extension is really gone). The handshake stays
// WXT's: a starting script announces itself on the document under WXT's event name, and an older copy of the same
// script (the extension was updated or reloaded) ends its context when it hears that. No postMessage to the page.
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random().toString(36).slice(2);

  constructor(readonly contentScriptName: string) {
    const type = `${browser.runtime?.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: this.id } }));
    const onStarted = (event: Event) => {
      if (!(event instanceof CustomEvent)) return;
      const detail = event.detail as { contentScriptName?: unknown; messageId?: unknown } | null;
      if (detail?.contentScriptName === contentScriptName && detail.messageId !== this.id) this.controller.abort();
    };
    document.addEventListener(type, onStarted, { signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Calls `cb` when this context ends; returns the function that stops listening. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }
}
