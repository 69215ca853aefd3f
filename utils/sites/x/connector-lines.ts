// Connector lines: how X draws that a reply answers the row above it. Telling a line takes a style read, so a row's
// lines are kept and read again only when the row changed.
import type { Dirty } from './changed-rows';
import { own, SEL } from './selectors';

/**
 * How X draws a thread: the row of a reply that answers the row above it starts with a line column
 * holding a 2px vertical line (above its avatar), and the upper row's avatar column continues with a
 * 2px line below the avatar. Both lines are empty leaf divs; control-panel-for-twitter tells them by
 * their computed width of 2px (`isReplyToPreviousTweet`). Where no computed style is available the shape alone
 * decides: the header row has a leading column holding an empty leaf (a plain row has only its spacer).
 */
export function connectorLines(article: Element): { above: boolean; below: boolean } {
  const headerRow = article.firstElementChild?.firstElementChild?.firstElementChild?.firstElementChild;
  const lineColumn = headerRow && headerRow.childElementCount > 1 ? headerRow.firstElementChild : null;
  const above = isLine(lineColumn?.firstElementChild ?? null);
  const avatar = own(article, SEL.avatar);
  let below = false;
  for (let el = avatar?.nextElementSibling ?? null; el && !below; el = el.nextElementSibling) below = isLine(el);
  return { above, below };
}

/**
 * Connector lines need a style read: each row's lines are read once per status shown, and again only when a change
 * is seen inside the row (X draws the line below a row when the reply under it loads) or on a full read.
 */
const linesSeen = new WeakMap<Element, { id: string; lines: { above: boolean; below: boolean } }>();
export function cachedConnectorLines(
  article: Element,
  id: string,
  dirty: Dirty | null,
): { above: boolean; below: boolean } {
  const seen = linesSeen.get(article);
  if (seen?.id === id && (dirty ? !dirty.article(article) : seen.lines.above || seen.lines.below)) return seen.lines;
  const lines = connectorLines(article);
  linesSeen.set(article, { id, lines });
  return lines;
}

function isLine(el: Element | null): boolean {
  if (!el || el.childElementCount > 0 || (el.textContent ?? '').trim() !== '') return false;
  const width = styledWidth(el);
  return Number.isNaN(width) || (width > 0 && width <= 4);
}

/**
 * The width X's style sheet gives a box (2px for a line), in px; NaN when none is known. Only the computed value
 * (`computedStyleMap`, Chromium's Typed OM) is read: it needs styles, never layout. Where Typed OM is missing
 * (Firefox) the shape alone decides: `getComputedStyle(...).width` is the used value, which lays the whole page out
 * in the middle of a batch (issue #10).
 */
function styledWidth(el: Element): number {
  if (!el.isConnected || typeof el.computedStyleMap !== 'function') return Number.NaN;
  const width = el.computedStyleMap().get('width') as { value?: unknown; unit?: unknown } | undefined;
  return width?.unit === 'px' && typeof width.value === 'number' ? width.value : Number.NaN;
}
