import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { RENDER_ALL_UP_TO, windowFor } from '../../../components/overlay/QueueList';
import type { QueueItemView, QueuePanelProps } from '../../../components/overlay/QueuePanel';
import { mountPanel } from './dom';
import { basePanelProps, queueItem } from './panel-props';

function item(i: number): QueueItemView {
  return queueItem({
    key: `x:${i}`,
    authorName: `Customer ${i}`,
    handle: `c${i}`,
    snippet: `Comment ${i}`,
    ageText: '3 min',
    level: 'ok',
    labels: [],
  });
}

function props(items: QueueItemView[], over: Partial<QueuePanelProps> = {}): QueuePanelProps {
  return {
    ...basePanelProps(items),
    currentKey: null,
    ...over,
  };
}

describe('windowFor', () => {
  it('renders every row of a short list', () => {
    expect(windowFor(RENDER_ALL_UP_TO, 5000, 300, 60)).toEqual([0, RENDER_ALL_UP_TO]);
  });

  it('renders the rows in the scrolled window and a few around it', () => {
    // 300 px high, 60 px rows, scrolled 6,000 px: rows 100…105 are visible.
    const [start, end] = windowFor(2000, 6000, 300, 60, 8);
    expect(start).toBe(92);
    expect(end).toBe(114);
  });

  it('stays inside the list at both ends', () => {
    expect(windowFor(2000, -50, 300, 60, 8)[0]).toBe(0);
    const [start, end] = windowFor(2000, 10_000_000, 300, 60, 8);
    expect(end).toBe(2000);
    expect(start).toBeLessThan(end);
  });
});

describe('the queue panel with 2,000 waiting comments', () => {
  const items = Array.from({ length: 2000 }, (_, i) => item(i));

  it('renders only some rows, each saying where it sits in the whole list', () => {
    const m = mountPanel(props(items));
    const rows = m.$$('li.rr-item');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('2000');
    // The count still says 2,000.
    expect(m.$('.rr-count')?.textContent).toBe('2000');
  });

  it('renders the current comment when Alt+J moves it far down the list', () => {
    // happy-dom lays nothing out: place the list where a browser would, scrolled up by the body's scrollTop.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const body = this.closest('.rr-panel-body');
      const top = this.classList.contains('rr-list') ? -(body?.scrollTop ?? 0) : 0;
      return new DOMRect(0, top, 300, 0);
    });
    const m = mountPanel(props(items));
    m.redraw(props(items, { currentKey: 'x:1500' }));
    // The list renders the current row in a second pass, once it knows where to scroll.
    act(() => {});
    const current = m.$('[aria-current="true"]');
    expect(current?.textContent).toContain('Customer 1500');
    expect(m.$$('li.rr-item').length).toBeLessThan(100);
    vi.restoreAllMocks();
  });
});
