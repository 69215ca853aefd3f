// Where the queue panel sits: a bottom corner of the window, chosen so that it covers the reply box the user is typing
// in as little as possible (that box's send button most of all), and the comments as little as possible after that.
// Pure geometry, so it is tested without a browser.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Side = 'right' | 'left';

export interface PanelPlacement {
  side: Side;
  /** Pixels between the window's bottom edge and the panel's: above the reply box when it cannot be avoided. */
  bottom: number;
  /** The panel's height is capped at this many pixels, so a lifted panel never leaves the window's top. */
  maxHeight: number | null;
}

export interface PanelPlacementInput {
  viewport: { width: number; height: number };
  /** The panel's current size. */
  panel: { width: number; height: number };
  /** The focused reply box, if any: covering it (or the send button beside it) is what must not happen. */
  editor: Rect | null;
  /** The comments on screen: covering them is worse than covering empty space, not as bad as the reply box. */
  comments: readonly Rect[];
  /** Where the panel is now: kept on a tie, so it does not jump around. */
  current: Side;
}

export const MARGIN = 16;
/** Room kept for the site's send button, which sits at the reply box's end and may be outside the box itself. */
const SEND_ROOM = 72;
/** The least height a lifted panel may keep; below this it stays in the corner (the user can still collapse it). */
const MIN_LIFTED_HEIGHT = 160;
const EDITOR_WEIGHT = 50;

export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

export function panelRect(side: Side, input: PanelPlacementInput, bottom = MARGIN): Rect {
  const { viewport, panel } = input;
  const left = side === 'right' ? viewport.width - MARGIN - panel.width : MARGIN;
  const lower = viewport.height - bottom;
  return { left, right: left + panel.width, top: lower - panel.height, bottom: lower };
}

/** The reply box with room for its send button on the side where sites put it. */
function editorZone(editor: Rect): Rect {
  // Not a spread: a DOMRect's sides are getters, which a spread does not copy.
  return { left: editor.left, top: editor.top, bottom: editor.bottom, right: editor.right + SEND_ROOM };
}

function cost(rect: Rect, input: PanelPlacementInput): number {
  let total = 0;
  if (input.editor) total += EDITOR_WEIGHT * overlapArea(rect, editorZone(input.editor));
  for (const comment of input.comments) total += overlapArea(rect, comment);
  return total;
}

export function choosePanelPlacement(input: PanelPlacementInput): PanelPlacement {
  const other: Side = input.current === 'right' ? 'left' : 'right';
  const stay = cost(panelRect(input.current, input), input);
  const move = cost(panelRect(other, input), input);
  const side = move < stay ? other : input.current;
  const corner: PanelPlacement = { side, bottom: MARGIN, maxHeight: null };
  const editor = input.editor;
  if (!editor || overlapArea(panelRect(side, input), editorZone(editor)) === 0) return corner;
  // Both corners cover the reply box: float just above it, when there is room for a useful panel there.
  const bottom = input.viewport.height - editor.top + 8;
  const maxHeight = editor.top - 8 - MARGIN;
  if (maxHeight < MIN_LIFTED_HEIGHT) return corner;
  return { side, bottom, maxHeight };
}
