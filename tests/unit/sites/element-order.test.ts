// ElementOrder keeps elements in document order as they come, move and go, with a search from the end (where pages
// add): any sequence gives the order a sort would, and placing near the end costs a few comparisons at any length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ElementOrder } from '../../../utils/sites/element-order';

function list(n: number): { doc: Document; items: Element[] } {
  const doc = document.implementation.createHTMLDocument('');
  const items: Element[] = [];
  for (let i = 0; i < n; i++) {
    const el = doc.createElement('div');
    el.append(doc.createElement('span'));
    doc.body.append(el);
    items.push(el);
  }
  return { doc, items };
}

const inDocumentOrder = (doc: Document, set: Set<Element>) => [...doc.querySelectorAll('*')].filter((e) => set.has(e));

describe('ElementOrder', () => {
  it('after any places, moves and deletes, holds its elements in document order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('place', 'delete', 'move'), at: fc.nat(), to: fc.nat() }), {
          maxLength: 60,
        }),
        (ops) => {
          const { doc, items } = list(30);
          const order = new ElementOrder();
          const held = new Set<Element>();
          for (const op of ops) {
            const el = items[op.at % items.length] as Element;
            if (op.kind === 'place') {
              order.place(el);
              held.add(el);
            } else if (op.kind === 'delete') {
              expect(order.delete(el)).toBe(held.delete(el));
            } else {
              // Moved in the page: placed again, as the readers do for a control found in an added subtree.
              const target = items[op.to % items.length] as Element;
              if (target === el) continue;
              target.after(el);
              if (held.has(el)) order.place(el);
            }
            expect(order.items).toEqual(inDocumentOrder(doc, held));
          }
        },
      ),
    );
  });

  it('placing next to the end costs the same few comparisons among 10 or 1,000 elements', () => {
    const costs = [10, 1_000].map((n) => {
      const { items } = list(n + 2);
      const order = new ElementOrder();
      for (const el of items.slice(0, n)) order.place(el);
      order.place(items[n + 1] as Element); // a control after the list
      order.compared = 0;
      order.place(items[n] as Element); // one more, just before it
      return order.compared;
    });
    expect(costs[0]).toBe(2);
    expect(costs[1]).toBe(costs[0]);
  });
});
