import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../../utils/core/age';
import { type QueueItem, queueOrder } from '../../../utils/core/queue';

const item = (key: string, postedAt: number, level: Level): QueueItem => ({ key, comment: { postedAt }, level });
const keys = (items: QueueItem[]) => items.map((i) => i.key);

describe('queueOrder', () => {
  it.each([
    { name: 'empty', items: [], want: [] },
    {
      name: 'oldest first',
      items: [item('x:b', 20, 'ok'), item('x:a', 10, 'ok'), item('x:c', 30, 'ok')],
      want: ['x:a', 'x:b', 'x:c'],
    },
    {
      name: 'breached before older comments that are not',
      items: [item('x:old', 10, 'warn'), item('x:late', 50, 'breach'), item('x:new', 60, 'ok')],
      want: ['x:late', 'x:old', 'x:new'],
    },
    {
      name: 'breached among themselves oldest first',
      items: [item('x:b2', 40, 'breach'), item('x:b1', 30, 'breach'), item('x:w', 5, 'warn')],
      want: ['x:b1', 'x:b2', 'x:w'],
    },
    {
      name: 'warn and ok are ordered by age only',
      items: [item('x:w', 50, 'warn'), item('x:o', 40, 'ok')],
      want: ['x:o', 'x:w'],
    },
    {
      name: 'same time: key decides',
      items: [item('x:z', 10, 'ok'), item('facebook:9', 10, 'ok'), item('x:a', 10, 'ok')],
      want: ['facebook:9', 'x:a', 'x:z'],
    },
    {
      name: 'unknown times go last',
      items: [item('x:nan', Number.NaN, 'ok'), item('x:a', 10, 'ok')],
      want: ['x:a', 'x:nan'],
    },
  ])('$name', ({ items, want }) => {
    expect(keys(queueOrder(items))).toEqual(want);
  });

  it('returns a new array and keeps the items themselves', () => {
    const items = [item('x:b', 20, 'ok'), item('x:a', 10, 'ok')];
    const before = [...items];
    const sorted = queueOrder(items);
    expect(items).toEqual(before);
    expect(sorted[0]).toBe(items[1]);
  });

  it('lifts a complaint or an order problem above older small talk at the same level', () => {
    const sorted = queueOrder([
      item('x:chat', 10, 'ok'),
      { ...item('x:question', 20, 'ok'), labels: ['question'] },
      { ...item('x:order', 30, 'ok'), labels: ['order'] },
      { ...item('x:complaint', 40, 'ok'), labels: ['question', 'complaint'] },
    ]);
    // A question weighs no more than small talk: age decides between them.
    expect(keys(sorted)).toEqual(['x:order', 'x:complaint', 'x:chat', 'x:question']);
  });

  it('never lifts a label above a breach', () => {
    const sorted = queueOrder([
      { ...item('x:complaint', 40, 'warn'), labels: ['complaint'] },
      item('x:late', 50, 'breach'),
    ]);
    expect(keys(sorted)).toEqual(['x:late', 'x:complaint']);
  });

  it('puts spam last, whatever its age or level', () => {
    const sorted = queueOrder([{ ...item('x:spam', 1, 'breach'), spam: true }, item('x:new', 90, 'ok')]);
    expect(keys(sorted)).toEqual(['x:new', 'x:spam']);
  });

  it('keeps extra fields of the caller’s type', () => {
    const sorted = queueOrder([{ ...item('x:a', 1, 'ok'), text: 'hi' }]);
    expect(sorted[0]?.text).toBe('hi');
  });
});

describe('properties', () => {
  const itemArb = fc.record({
    key: fc.constantFrom('x:1', 'x:2', 'x:3', 'x:4', 'x:5', 'facebook:1', 'facebook:2', 'instagram:9'),
    comment: fc.record({ postedAt: fc.integer({ min: 0, max: 5 }) }),
    level: fc.constantFrom<Level>('ok', 'warn', 'breach'),
  });

  it('puts every breach first, then oldest first, whatever the input order', () => {
    fc.assert(
      // Keys are unique on a page, as commentKey makes them.
      fc.property(fc.uniqueArray(itemArb, { selector: (i) => i.key }), (items) => {
        const sorted = queueOrder(items);
        expect(sorted).toHaveLength(items.length);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!;
          const b = sorted[i]!;
          const aRank = a.level === 'breach' ? 0 : 1;
          const bRank = b.level === 'breach' ? 0 : 1;
          expect(aRank <= bRank).toBe(true);
          if (aRank === bRank) expect(a.comment.postedAt <= b.comment.postedAt).toBe(true);
        }
        // The order does not depend on the input order.
        expect(queueOrder([...items].reverse())).toEqual(sorted);
      }),
    );
  });
});
