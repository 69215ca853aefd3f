// The queue panel's markup, pinned: the page contract, the aria attributes and the looks (the overlay CSS styles
// exactly these classes and attributes). The files under __snapshots__/panel were first written from the Preact
// panel this renderer replaced (issue #10), so the panel drawn by dom-patch.ts shows what it showed. Drawn again
// from any other state, it must show what a fresh panel shows.
import { describe, expect, it } from 'vitest';
import type { QueuePanelProps } from '../../../components/overlay/QueuePanel';
import { mountPanel } from './dom';
import { PANEL_CASES, panelProps } from './panel-cases';
import { drawnMarkup, shape } from './panel-markup';

function shapeOf(over: Partial<QueuePanelProps>): string {
  const m = mountPanel(panelProps(over));
  const drawn = shape(m.mount);
  m.host.remove();
  return drawn;
}

describe('the queue panel markup', () => {
  it.each(PANEL_CASES)('%s', async (name, over) => {
    await expect(drawnMarkup(panelProps(over))).toMatchFileSnapshot(`./__snapshots__/panel/${name}.html`);
  });

  it('drawn again, shows what a fresh panel would, whatever it showed before', () => {
    const fresh = new Map(PANEL_CASES.map(([name, over]) => [name, shapeOf(over)]));
    for (const [, before] of PANEL_CASES) {
      const m = mountPanel(panelProps(before));
      for (const [name, after] of PANEL_CASES) {
        m.redraw(panelProps(after));
        expect(shape(m.mount)).toBe(fresh.get(name));
        m.redraw(panelProps(before));
      }
      m.host.remove();
    }
  }, 120_000);
});
