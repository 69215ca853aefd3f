// The overlay's own elements. Everything we draw lives in open shadow roots under two custom elements:
// <reply-radar> (the queue panel, one per page) and <rr-badge> (one per classified comment). The only thing we do
// to the site's nodes is data-rr-* attributes and an outline drawn by one small stylesheet keyed on them.
import type { SiteAdapter } from '../sites/types';

export const PANEL_TAG = 'reply-radar';
export const BADGE_TAG = 'rr-badge';
/** The layer pop-ups (the template picker) open in: above the page, never inside a site's row. */
export const LAYER_TAG = 'rr-layer';
export const OUTLINE_STYLE_ID = 'reply-radar-outline';

/** The outline stylesheet on the site's page (`css`: OUTLINE_CSS, components/overlay/styles.ts), once. */
export function ensureOutlineStyle(doc: Document, css: string, signal: AbortSignal): void {
  if (doc.getElementById(OUTLINE_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = OUTLINE_STYLE_ID;
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  signal.addEventListener('abort', () => style.remove());
}

export function createPanelHost(
  doc: Document,
  css: string,
  signal: AbortSignal,
): { host: HTMLElement; mount: HTMLElement } {
  const host = doc.createElement(PANEL_TAG);
  host.setAttribute('data-rr-unanswered', '0');
  host.setAttribute('data-rr-health', 'incomplete');
  host.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483000;display:block;';
  const { mount } = attachShadow(host, css);
  (doc.body ?? doc.documentElement).append(host);
  signal.addEventListener('abort', () => host.remove());
  return { host, mount };
}

/**
 * A fixed-position host at the end of <body>, shown as a popover where the browser has them so it sits in the top
 * layer: no z-index or clipping of the site's rows can cover it. Hidden until `showLayer`.
 */
export function createLayerHost(doc: Document, css: string): { host: HTMLElement; mount: HTMLElement } {
  const host = doc.createElement(LAYER_TAG);
  // Undo the user-agent popover box (inset 0, margin auto, border, padding, background): we place it ourselves.
  host.style.cssText =
    'position:fixed;inset:auto;top:0;left:0;margin:0;padding:0;border:0;background:transparent;overflow:visible;' +
    'width:auto;height:auto;max-width:none;max-height:none;z-index:2147483647;display:block;';
  if (supportsPopover(host)) host.setAttribute('popover', 'manual');
  const { mount } = attachShadow(host, css);
  (doc.body ?? doc.documentElement).append(host);
  return { host, mount };
}

function supportsPopover(host: HTMLElement): boolean {
  return typeof (host as HTMLElement & { showPopover?: unknown }).showPopover === 'function';
}

/** Puts the layer in the top layer (or just shows it, where popovers do not exist). */
export function showLayer(host: HTMLElement): void {
  if (!host.hasAttribute('popover')) return;
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Already shown, or detached: the fixed position and z-index still apply.
  }
}

export interface BadgeHost {
  host: HTMLElement;
  mount: HTMLElement;
}

/**
 * Finds or makes the badge host of a comment element, in the slot the site adapter chooses, without drawing it: a
 * badge drawn later (near the screen) takes the room its host holds from now on (see BadgeLayer).
 */
export function placeBadgeHost(element: HTMLElement, adapter: SiteAdapter): HTMLElement {
  const found = findPlacedHost(element);
  if (found) return found;
  const host = element.ownerDocument.createElement(BADGE_TAG);
  // Its own stacking context (above a site's full-row link) only once drawn: thousands of empty ones cost every frame.
  host.style.cssText = 'display:inline-flex;align-items:center;vertical-align:middle;';
  const slot = adapter.badgeSlot?.(element) ?? { parent: element, before: null };
  slot.parent.insertBefore(host, slot.before);
  placedHosts.set(element, host);
  return host;
}

/** Finds or makes the badge host of a comment element, with its shadow root to draw in. */
export function ensureBadgeHost(element: HTMLElement, adapter: SiteAdapter, css: string): BadgeHost {
  const existing = findBadgeHost(element);
  if (existing) return existing;
  const host = placeBadgeHost(element, adapter);
  host.style.position = 'relative';
  host.style.zIndex = '1';
  const { mount } = attachShadow(host, css);
  badgeHosts.set(element, { host, mount });
  return { host, mount };
}

/** Hosts placed, drawn or not, by comment element. */
const placedHosts = new WeakMap<HTMLElement, HTMLElement>();
/** Badge hosts by comment element: found on every batch without searching the row's subtree. */
const badgeHosts = new WeakMap<HTMLElement, BadgeHost>();

/** The comment's badge host, drawn or only placed (null: none). */
export function findPlacedHost(element: HTMLElement): HTMLElement | null {
  const known = placedHosts.get(element);
  // The site may have re-rendered the part of the row that held it.
  if (known && element.contains(known)) return known;
  const found = element.querySelector<HTMLElement>(BADGE_TAG);
  if (found) placedHosts.set(element, found);
  else placedHosts.delete(element);
  return found;
}

/** The comment's drawn badge: its host and the element in its shadow root it is drawn in. */
export function findBadgeHost(element: HTMLElement): BadgeHost | null {
  const known = badgeHosts.get(element);
  // The site may have re-rendered the part of the row that held it.
  if (known && element.contains(known.host)) return known;
  badgeHosts.delete(element);
  const host = element.querySelector<HTMLElement>(BADGE_TAG);
  const mount = host?.shadowRoot?.querySelector<HTMLElement>('[data-rr-mount]');
  if (!host || !mount) return null;
  badgeHosts.set(element, { host, mount });
  return { host, mount };
}

const STOPPED_EVENTS = [
  'keydown',
  'keypress',
  'keyup',
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
] as const;

/** One listener function for every host (not a closure per badge). */
const stopPropagation = (event: Event) => event.stopPropagation();

/**
 * One constructed stylesheet per CSS text and document, adopted by reference by every shadow root that uses it:
 * thousands of badges share one parsed sheet instead of a <style> copy each (issue #10: heap). `null` when this
 * browser will not let the content script build or adopt one; those roots get a <style> with the same text.
 */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null | undefined {
  let byCss = sheets.get(doc);
  if (!byCss) {
    byCss = new Map();
    sheets.set(doc, byCss);
  }
  if (byCss.has(css)) return byCss.get(css);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    byCss.set(css, sheet);
    return sheet;
  } catch {
    byCss.set(css, null);
    return null;
  }
}

function adoptShared(root: ShadowRoot, doc: Document, css: string): boolean {
  const sheet = sharedSheet(doc, css);
  if (!sheet) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return true;
  } catch {
    // Refused (a content-script world that cannot hand its sheet to the page's shadow root): the fallback below.
  }
  sheets.get(doc)?.set(css, null);
  return false;
}

function attachShadow(host: HTMLElement, css: string): { mount: HTMLElement } {
  const doc = host.ownerDocument;
  const root = host.attachShadow({ mode: 'open' });
  if (!adoptShared(root, doc, css)) {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  const mount = doc.createElement('div');
  mount.setAttribute('data-rr-mount', '');
  root.append(mount);
  // Keys typed in our UI (search box, picker) must not reach the site's single-key shortcuts, and clicks on our
  // buttons must not reach the site's own row handlers (X opens the post when a click lands on its article).
  for (const type of STOPPED_EVENTS) host.addEventListener(type, stopPropagation);
  return { mount };
}
