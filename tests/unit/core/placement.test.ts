import { describe, expect, it } from 'vitest';
import { placePopup } from '../../../utils/core/placement';

const view = { width: 1000, height: 800 };
const size = { width: 300, height: 400 };
const anchorAt = (top: number, left = 100) => ({ top, left, bottom: top + 30, right: left + 80 });

describe('placePopup', () => {
  it('opens below its anchor when it fits there', () => {
    expect(placePopup(anchorAt(100), size, view)).toEqual({ top: 136, left: 100, side: 'below', maxHeight: 656 });
  });

  it('flips up when there is no room below', () => {
    const p = placePopup(anchorAt(700), size, view);
    expect(p.side).toBe('above');
    expect(p.top + size.height).toBe(700 - 6);
  });

  it('takes the roomier side and caps its height when it fits on neither', () => {
    const tall = { width: 300, height: 900 };
    const p = placePopup(anchorAt(500), tall, view);
    expect(p).toMatchObject({ side: 'above', top: 8, maxHeight: 486 });
    expect(placePopup(anchorAt(200), tall, view)).toMatchObject({ side: 'below', top: 236, maxHeight: 556 });
  });

  it('stays inside the window horizontally', () => {
    expect(placePopup(anchorAt(100, 900), size, view).left).toBe(1000 - 300 - 8);
    expect(placePopup(anchorAt(100, -50), size, view).left).toBe(8);
    // Wider than the window: pinned to the left margin.
    expect(placePopup(anchorAt(100, 400), { width: 2000, height: 100 }, view).left).toBe(8);
  });
});
