// The layer the template picker opens in. It lives in its own fixed-position host in the top layer (see
// createLayerHost), stands next to the button that opened it, flips up when there is no room below, follows the
// page as it scrolls, and closes on Escape or a click elsewhere, giving the focus back to where it was.
import { type ComponentChild, render } from 'preact';
import { placePopup } from '../core/placement';
import { currentLocale } from '../i18n';
import { createLayerHost, showLayer } from './hosts';

export type DismissReason = 'escape' | 'outside';

export interface LayerAnchor {
  /** What the pop-up stands next to, looked up afresh each time (the site may have re-rendered the row). */
  anchor(): HTMLElement | null;
  /** The user dismissed the pop-up (Escape outside it, or a click elsewhere): the owner closes it. */
  onDismiss(reason: DismissReason): void;
}

export interface LayerLook {
  theme: 'light' | 'dark';
  fontSize: number;
}

export class PopupLayer {
  private layer: { host: HTMLElement; mount: HTMLElement } | null = null;
  private current: LayerAnchor | null = null;
  private listening: AbortController | null = null;
  private returnFocus: HTMLElement | null = null;
  private frame = 0;

  constructor(
    private readonly doc: Document,
    private readonly css: string,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.close(false));
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /** The layer's host while open (tests and the page contract find `[data-rr-picker]` in its shadow root). */
  get host(): HTMLElement | null {
    return this.layer?.host ?? null;
  }

  /** Opens the layer with `content`, or draws it again when already open. */
  show(content: ComponentChild, anchor: LayerAnchor, look: LayerLook): void {
    if (this.signal.aborted) return;
    if (!this.current) {
      this.returnFocus = deepActiveElement(this.doc);
      this.listen();
    }
    this.current = anchor;
    if (!this.layer) this.layer = createLayerHost(this.doc, this.css);
    const { host, mount } = this.layer;
    host.setAttribute('data-theme', look.theme);
    host.setAttribute('lang', currentLocale());
    host.style.setProperty('--rr-font-size', `${look.fontSize}px`);
    render(content, mount);
    showLayer(host);
    this.place();
  }

  /** Closes the layer; `restoreFocus` gives the focus back to where it was before it opened (Escape, Close). */
  close(restoreFocus: boolean): void {
    if (!this.current) return;
    this.current = null;
    this.listening?.abort();
    this.listening = null;
    cancelAnimationFrame(this.frame);
    if (this.layer) {
      render(null, this.layer.mount);
      this.layer.host.remove();
      this.layer = null;
    }
    const back = this.returnFocus;
    this.returnFocus = null;
    if (restoreFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  private listen(): void {
    const listening = new AbortController();
    this.listening = listening;
    const opts = { capture: true, signal: listening.signal };
    const win = this.doc.defaultView ?? window;
    const later = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.place());
    };
    win.addEventListener('scroll', later, { ...opts, passive: true });
    win.addEventListener('resize', later, opts);
    this.doc.addEventListener(
      'pointerdown',
      (event) => {
        if (!event.isTrusted || !this.current) return;
        const path = event.composedPath();
        if (this.layer && path.includes(this.layer.host)) return;
        // The button that opened it toggles it itself.
        const anchorHost = hostOf(this.current.anchor());
        if (anchorHost && path.includes(anchorHost)) return;
        this.current.onDismiss('outside');
      },
      opts,
    );
    this.doc.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted || event.key !== 'Escape' || !this.current) return;
        // Inside the picker its own Escape handling closes it.
        if (this.layer && event.composedPath().includes(this.layer.host)) return;
        this.current.onDismiss('escape');
      },
      opts,
    );
    this.signal.addEventListener('abort', () => listening.abort(), { signal: listening.signal });
  }

  /** Next to the anchor; hidden while the site has no anchor mounted (it comes back with the row). */
  private place(): void {
    const layer = this.layer;
    if (!layer || !this.current) return;
    const anchor = this.current.anchor();
    const { host } = layer;
    if (!anchor?.isConnected) {
      host.style.visibility = 'hidden';
      return;
    }
    host.style.visibility = '';
    host.style.setProperty('--rr-max-height', 'none');
    const box = host.getBoundingClientRect();
    const win = this.doc.defaultView ?? window;
    const at = placePopup(
      anchor.getBoundingClientRect(),
      { width: box.width, height: box.height },
      { width: win.innerWidth, height: win.innerHeight },
    );
    host.style.setProperty('--rr-max-height', `${at.maxHeight}px`);
    host.style.top = `${at.top}px`;
    host.style.left = `${at.left}px`;
    host.setAttribute('data-side', at.side);
  }
}

/** The shadow host an element of ours lives under (or the element itself). */
function hostOf(element: HTMLElement | null): Element | null {
  if (!element) return null;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : element;
}

/** The focused element, looking into open shadow roots (ours are open). */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
