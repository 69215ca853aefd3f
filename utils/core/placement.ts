// Where a pop-up opens next to what opened it: below when it fits, above when only that fits, else on the roomier
// side with its height capped; never past the window's edges. Pure, so it is tested without a browser.

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** The most height the pop-up may take on that side (it scrolls inside beyond that). */
  maxHeight: number;
}

/** `gap`: space between the anchor and the pop-up; `margin`: space kept from the window's edges. */
export function placePopup(anchor: Box, size: Size, view: Size, gap = 6, margin = 8): Placement {
  const below = Math.max(0, view.height - anchor.bottom - gap - margin);
  const above = Math.max(0, anchor.top - gap - margin);
  const side: Placement['side'] = size.height <= below || below >= above ? 'below' : 'above';
  const maxHeight = side === 'below' ? below : above;
  const height = Math.min(size.height, maxHeight);
  const top = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  const widest = Math.max(margin, view.width - size.width - margin);
  const left = Math.min(Math.max(anchor.left, margin), widest);
  return { top: Math.round(top), left: Math.round(left), side, maxHeight: Math.floor(maxHeight) };
}
