// Keeps the queue panel out of the way of the reply box the user types in: it takes the bottom corner that covers
// the box (and then the comments) least, or floats just above the box when both corners would cover it. It looks
// again only when the panel appears or changes size, the window is resized, or focus moves — never on every batch,
// since measuring costs a layout. It reads the real focus, never an event's data, so a forged focus event can at most
// make it look again. Any focused text box counts, not only those Reply Radar fills: none may be covered.
import { choosePanelPlacement, MARGIN, type Rect, type Side } from '../core/panel-corner';

export interface DockSources {
  /** The elements of the comments read so far, in page order. */
  comments(): Iterable<HTMLElement>;
}

/** After this many off-screen comments past the visible ones, the rest are off screen too (page order). */
const PAST_VISIBLE = 40;

export function dockPanel(host: HTMLElement, sources: DockSources, signal: AbortSignal): void {
  let side: Side = 'right';
  let frame = 0;
  const place = () => {
    frame = 0;
    if (signal.aborted || !host.isConnected) return;
    // Without the scrollbar: a fixed element's right: 16px is measured from the scrollbar's edge.
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const box = host.getBoundingClientRect();
    const editor = focusedTextBox()?.getBoundingClientRect() ?? null;
    const placement = choosePanelPlacement({
      viewport,
      panel: { width: box.width, height: box.height },
      editor: editor && editor.width > 0 ? editor : null,
      comments: visibleRects(sources.comments(), viewport.height),
      current: side,
    });
    side = placement.side;
    host.style.setProperty('right', side === 'right' ? `${MARGIN}px` : 'auto');
    host.style.setProperty('left', side === 'left' ? `${MARGIN}px` : 'auto');
    host.style.setProperty('bottom', `${Math.round(placement.bottom)}px`);
    if (placement.maxHeight === null) host.style.removeProperty('--rr-panel-max');
    else host.style.setProperty('--rr-panel-max', `${Math.floor(placement.maxHeight)}px`);
    host.setAttribute('data-rr-side', side);
  };
  const schedule = () => {
    if (!frame && !signal.aborted) frame = requestAnimationFrame(place);
  };
  window.addEventListener('resize', schedule, { signal, passive: true });
  document.addEventListener('focusin', schedule, { signal, capture: true });
  document.addEventListener('focusout', schedule, { signal, capture: true });
  const resized = new ResizeObserver(schedule);
  resized.observe(host);
  signal.addEventListener('abort', () => {
    resized.disconnect();
    cancelAnimationFrame(frame);
  });
  schedule();
}

/**
 * The text box that has focus, whatever the site uses it for: a reply box, the post's own comment box, or one Reply
 * Radar does not fill (Facebook's main composer answers the post): none of them may be covered while typing.
 */
function focusedTextBox(): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active.closest('reply-radar, rr-badge, rr-layer')) return null;
  if (active.isContentEditable || active instanceof HTMLTextAreaElement) return active;
  return active instanceof HTMLInputElement && /^(text|search|email|url)$/.test(active.type) ? active : null;
}

function visibleRects(elements: Iterable<HTMLElement>, height: number): Rect[] {
  const rects: Rect[] = [];
  let pastVisible = 0;
  for (const element of elements) {
    if (!element.isConnected) continue;
    const rect = element.getBoundingClientRect();
    if (rect.bottom > 0 && rect.top < height && rect.width > 0) {
      rects.push(rect);
      pastVisible = 0;
    } else if (rects.length > 0 && rect.top >= height && ++pastVisible > PAST_VISIBLE) {
      break;
    }
  }
  return rects;
}
