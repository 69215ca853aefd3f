// Instagram's rows are ordered by reading-order numbers, never by DOM comparisons (#9, #10): in Blink,
// compareDocumentPosition walks the site's list between the two rows' branches, and threading a batch that way cost
// about 23 ms at 10,000 comments. A batch of 20 new threads makes no comparison in the reader at 200 and 2,000
// comments, and looks at the same number of elements (10,000 is left to the bench: its first read alone takes over a
// minute in happy-dom); the adapter adds one comparison per changed node, with the post's header (a few blocks apart,
// at any length).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeSet, noteChange, OBSERVED } from '../../../utils/overlay/dom-watcher';
import { createInstagramAdapter } from '../../../utils/sites/instagram';
import { ConversationReader } from '../../../utils/sites/instagram/read';
import { otherPostTimeSelector } from '../../../utils/sites/instagram/selectors';
import { parse } from './fuzz/harness';

const CODE = 'ORDpost1';
const ADDRESS = new URL(`https://www.instagram.com/p/${CODE}/`);

/** One thread as the bench page builds it; every 25th has the brand's reply. */
function thread(i: number): string {
  const row = (id: number, handle: string) =>
    `<div class="row"><span><div><a href="/${handle}/"><img alt=""></a></div></span><div class="body">` +
    `<div class="line"><span><a href="/${handle}/"><span>${handle}</span></a></span>` +
    `<a href="/p/${CODE}/c/${id}/"><time datetime="2026-11-30T10:00:00.000Z">1h</time></a></div>` +
    `<div class="text"><span>Question ${i}</span></div><div class="acts"><div role="button"><span>Reply</span></div></div></div></div>`;
  const reply = i % 25 === 24 ? `<div class="replies">${row(2 * i + 1, 'brand.account')}</div>` : '';
  return `<div class="thread">${row(2 * i, `customer${i}`)}${reply}</div>`;
}

function page(threads: number): Document {
  const list: string[] = [];
  for (let i = 0; i < threads; i++) list.push(thread(i));
  return parse(
    `<html><body><nav><a href="/brand.account/"><img alt=""></a></nav><main role="main"><div class="post">` +
      `<header><span><div><a href="/brand.account/"><img alt=""></a></div></span><a href="/brand.account/">brand.account</a></header>` +
      `<div class="caption"><a href="/p/${CODE}/"><time datetime="2026-11-30T06:00:00.000Z">6h</time></a></div>` +
      `<div class="comments">${list.join('')}</div></div></main></body></html>`,
  );
}

/** Appends 20 threads after `from` to the list, as Instagram loads more; returns the nodes the watcher names. */
function addBatch(doc: Document, from: number): Set<Node> {
  const observer = new (doc.defaultView as unknown as typeof globalThis).MutationObserver(() => {});
  observer.observe(doc.documentElement, OBSERVED);
  const more: string[] = [];
  for (let i = from; i < from + 20; i++) more.push(thread(i * 25)); // never the brand: 20 new customer comments
  const list = doc.querySelector('.comments') as Element;
  for (const el of [...parse(`<html><body>${more.join('')}</body></html>`).body.children])
    list.append(doc.importNode(el, true));
  const changed = new Set<Node>();
  for (const record of observer.takeRecords()) noteChange(record, changed);
  observer.disconnect();
  return changed;
}

describe('Instagram batches ordered by reading order', () => {
  afterEach(() => vi.restoreAllMocks());

  it('20 new threads: no DOM comparison in the reader, the same work at 200 and 2,000 comments', () => {
    const batchAt = (threads: number) => {
      const doc = page(threads);
      const scope = doc.querySelector('main') as Element;
      const reader = new ConversationReader();
      const first = reader.read(scope, CODE, ADDRESS, null);
      const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
      const works = [];
      for (let b = 0; b < 2; b++) {
        const read = reader.read(scope, CODE, ADDRESS, addBatch(doc, threads + 20 * b), null, true);
        expect(read.comments.map((c) => c.comment.parentId ?? null)).toEqual(Array(20).fill(null));
        expect(read.delta?.readable).toBe(first.comments.length + 20 * (b + 1));
        works.push(reader.work);
      }
      const compared = compare.mock.calls.length;
      compare.mockRestore();
      // The reader's own order: the batches' comments last, in the page's order (its full read hands that order).
      if (threads === 200) {
        const again = reader.read(scope, CODE, ADDRESS, new Set(), null, false);
        expect(again.comments.slice(-40).map((c) => c.comment.id)).toEqual(
          Array.from({ length: 40 }, (_, k) => String(2 * (threads + k) * 25)),
        );
      }
      return { compared, works };
    };
    const small = batchAt(200);
    const medium = batchAt(2000);
    expect(small.compared).toBe(0);
    expect(medium.compared).toBe(0);
    expect(small.works[0]?.parsed).toBe(20);
    expect(medium.works).toEqual(small.works);
  }, 600_000);

  it('through the adapter: one comparison per changed node, with the header, at 200 and at 2,000 comments', () => {
    const comparedAt = (threads: number) => {
      const doc = page(threads);
      const adapter = createInstagramAdapter();
      adapter.read(doc, ADDRESS);
      const changed = addBatch(doc, threads);
      const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
      expect(adapter.read(doc, ADDRESS, changed).comments).toHaveLength(20);
      const compared = compare.mock.calls.length;
      compare.mockRestore();
      return { compared, changed: changed.size };
    };
    const small = comparedAt(200);
    expect(small.compared).toBeLessThanOrEqual(small.changed);
    expect(comparedAt(2000)).toEqual(small);
  }, 300_000);

  it('a batch that removes something from the list never searches the whole list for another post', () => {
    const doc = page(200);
    const adapter = createInstagramAdapter();
    adapter.read(doc, ADDRESS);
    const list = doc.querySelector('.comments') as Element;
    const observer = new (doc.defaultView as unknown as typeof globalThis).MutationObserver(() => {});
    observer.observe(doc.documentElement, OBSERVED);
    // A spinner taken out of the list as more comments come: the list itself is named in the change set.
    list.lastElementChild?.remove();
    const changed = Object.assign(new Set<Node>(), { added: new Set<Node>() });
    for (const record of observer.takeRecords()) noteChange(record, changed);
    observer.disconnect();
    expect(changed.has(list)).toBe(true);
    const search = vi.spyOn(Element.prototype, 'querySelector');
    adapter.read(doc, ADDRESS, changed);
    const other = otherPostTimeSelector(CODE);
    expect(search.mock.calls.filter((args, i) => args[0] === other && search.mock.contexts[i] === list)).toEqual([]);
  });

  it('something taken out of the list (a spinner) reads no row again, at 200 and at 2,000 comments', () => {
    const workAt = (threads: number) => {
      const doc = page(threads);
      const scope = doc.querySelector('main') as Element;
      const reader = new ConversationReader();
      reader.read(scope, CODE, ADDRESS, null);
      const list = doc.querySelector('.comments') as Element;
      const spinner = list.appendChild(doc.createElement('div'));
      reader.read(scope, CODE, ADDRESS, new Set<Node>([spinner]), null, true);
      const observer = new (doc.defaultView as unknown as typeof globalThis).MutationObserver(() => {});
      observer.observe(doc.documentElement, OBSERVED);
      spinner.remove();
      const changed = changeSet();
      for (const record of observer.takeRecords()) noteChange(record, changed);
      observer.disconnect();
      // The list itself is named (something was taken out of it) and holds every comment.
      expect(changed.removedFrom.has(list)).toBe(true);
      const read = reader.read(scope, CODE, ADDRESS, changed, null, true);
      expect(read.delta?.readable).toBe(threads + threads / 25);
      return reader.work;
    };
    const small = workAt(200);
    expect(small).toMatchObject({ parsed: 0, threaded: 0 });
    expect(workAt(2000)).toEqual(small);
  }, 300_000);
});
