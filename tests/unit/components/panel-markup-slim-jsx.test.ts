// The content scripts build their views with their own JSX runtime (components/overlay/jsx-runtime.ts, set in
// wxt.config.ts): plain objects instead of Preact's VNodes. Drawn from those, the panel's markup is the same pinned
// markup (panel-markup.test.ts draws it from Preact's VNodes, as the deferred code that draws the panel now builds
// them): the patcher reads both alike, whichever bundle the panel is in.
import { describe, expect, it, vi } from 'vitest';
import { QueueItem } from '../../../components/overlay/QueuePanel';
import { PANEL_CASES, panelProps } from './panel-cases';
import { drawnMarkup } from './panel-markup';

vi.mock('preact/jsx-runtime', () => import('../../../components/overlay/jsx-runtime'));

describe('the queue panel markup, views made by the content scripts’ JSX runtime', () => {
  it('makes plain objects (not Preact’s VNodes)', () => {
    const [first] = panelProps().items;
    const row = QueueItem.render({
      item: first!,
      position: { index: 0, count: 1 },
      current: false,
      onSelect: vi.fn(),
      onReply: vi.fn(),
    });
    expect(Object.keys(row).sort()).toEqual(['key', 'props', 'ref', 'type']);
  });

  it.each(PANEL_CASES)('%s', async (name, over) => {
    await expect(drawnMarkup(panelProps(over))).toMatchFileSnapshot(`./__snapshots__/panel/${name}.html`);
  });
});
