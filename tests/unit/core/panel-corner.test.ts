import { describe, expect, test } from 'vitest';
import {
  choosePanelPlacement,
  MARGIN,
  overlapArea,
  type PanelPlacementInput,
  panelRect,
} from '../../../utils/core/panel-corner';

const viewport = { width: 1280, height: 800 };
const panel = { width: 375, height: 480 };
const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

function input(over: Partial<PanelPlacementInput>): PanelPlacementInput {
  return { viewport, panel, editor: null, comments: [], current: 'right', ...over };
}

describe('the queue panel keeps out of the way', () => {
  test('stays in the bottom right corner when nothing is in the way', () => {
    expect(choosePanelPlacement(input({}))).toEqual({ side: 'right', bottom: MARGIN, maxHeight: null });
  });

  test('moves to the left corner when a reply box is being typed in under the right one', () => {
    // Instagram's composer: the right column of the post dialog, at the bottom.
    const placement = choosePanelPlacement(input({ editor: rect(860, 740, 1180, 780) }));
    expect(placement.side).toBe('left');
    expect(overlapArea(panelRect('left', input({})), rect(860, 740, 1180, 780))).toBe(0);
  });

  test('keeps room for the send button beside the box, not only the box itself', () => {
    // The box ends 40 px before the panel's left edge, but the site's send button sits right of the box.
    const placement = choosePanelPlacement(input({ editor: rect(400, 740, 850, 780) }));
    expect(placement.side).toBe('left');
  });

  test('floats above the reply box when both corners would cover it (a wide composer)', () => {
    const editor = rect(20, 730, 1260, 770);
    const placement = choosePanelPlacement(input({ editor }));
    expect(placement.bottom).toBe(800 - 730 + 8);
    expect(placement.maxHeight).toBe(730 - 8 - MARGIN);
    const lifted = panelRect(
      placement.side,
      input({ panel: { width: 375, height: placement.maxHeight ?? 0 } }),
      placement.bottom,
    );
    expect(overlapArea(lifted, editor)).toBe(0);
    expect(lifted.top).toBeGreaterThanOrEqual(MARGIN);
  });

  test('stays in its corner when there is no useful room above the box (a composer near the top)', () => {
    const placement = choosePanelPlacement(input({ editor: rect(20, 100, 1260, 700) }));
    expect(placement).toMatchObject({ bottom: MARGIN, maxHeight: null });
  });

  test('without a reply box, covers fewer comments', () => {
    const comments = [rect(880, 400, 1260, 500), rect(880, 520, 1260, 640)];
    expect(choosePanelPlacement(input({ comments })).side).toBe('left');
    expect(choosePanelPlacement(input({ comments, current: 'left' })).side).toBe('left');
  });

  test('reads a DOMRect-like box whose sides are getters', () => {
    class Box {
      get left() {
        return 860;
      }
      get top() {
        return 740;
      }
      get right() {
        return 1180;
      }
      get bottom() {
        return 780;
      }
    }
    expect(choosePanelPlacement(input({ editor: new Box() })).side).toBe('left');
  });

  test('does not jump on a tie: keeps the side it is on', () => {
    expect(choosePanelPlacement(input({ current: 'left' })).side).toBe('left');
    const both = [rect(0, 0, 1280, 800)];
    expect(choosePanelPlacement(input({ comments: both, current: 'left' })).side).toBe('left');
  });
});
