// The badge queue keeps its rows in page order by their reading order, never by DOM comparisons: in Blink,
// compareDocumentPosition walks the site's list between two rows, and placing 10,000 rows that way took seconds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadgeQueue } from '../../../utils/overlay/badge-queue';

describe('BadgeQueue order', () => {
  afterEach(() => vi.restoreAllMocks());

  it('queues rows out of order without comparing their places in the page', () => {
    const list = document.createElement('div');
    document.body.append(list);
    const rows = Array.from({ length: 500 }, () => list.appendChild(document.createElement('div')));
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    const queue = new BadgeQueue(() => undefined);
    // Reverse reading order: every row but the first goes before the queue's last one.
    for (let i = rows.length - 1; i >= 0; i--) queue.add(rows[i]!, true, i);
    expect(queue.size).toBe(500);
    expect(compare).not.toHaveBeenCalled();
    queue.dispose();
    list.remove();
  });
});
