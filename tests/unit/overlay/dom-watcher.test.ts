// The one batched MutationObserver: many changes make one batch naming where they happened, the first batch of a
// frame runs before it, our own badges and panel never wake it, and after the page's signal aborts nothing runs again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchDom } from '../../../utils/overlay/dom-watcher';

/** Lets the observer deliver its records (microtasks), no frame or timer. */
async function microtasks() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** Lets the observer deliver its records, then lets the batch's frame or fallback timer fire. */
async function settle() {
  await microtasks();
  await vi.advanceTimersByTimeAsync(300);
}

function page() {
  const root = document.createElement('main');
  const row = (text: string) => {
    const article = document.createElement('article');
    const p = document.createElement('p');
    p.textContent = text;
    article.append(p);
    root.append(article);
    return article;
  };
  const rows = [row('one'), row('two'), row('three')];
  document.body.append(root);
  return { root, rows };
}

describe('watchDom', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('gathers many changes into one batch that names where each happened', async () => {
    const { root, rows } = page();
    const batches: Array<ReadonlySet<Node>> = [];
    watchDom(root, (changed) => batches.push(changed), new AbortController().signal);
    const text = rows[0]!.querySelector('p')!.firstChild as Text;
    text.data = 'one, edited';
    const added = document.createElement('span');
    rows[1]!.append(added);
    rows[2]!.querySelector('p')!.setAttribute('lang', 'hu');
    await settle();
    expect(batches).toHaveLength(1);
    // A node added is named itself, not the row (or list) it joined: the work follows the change.
    expect([...batches[0]!]).toEqual(expect.arrayContaining([text, added, rows[2]!.querySelector('p')]));
    expect(batches[0]!.size).toBe(3);
    // The next change starts a new batch with only itself.
    const removed = rows[2]!.querySelector('p')!;
    removed.remove();
    await settle();
    expect(batches.map((b) => b.size)).toEqual([3, 2]);
    // A node removed is named by where it was, and itself (no longer connected: the rows it held are gone).
    expect([...batches[1]!]).toEqual([rows[2], removed]);
    expect(removed.isConnected).toBe(false);
  });

  it('is not woken by attributes the adapters do not read', async () => {
    const { root, rows } = page();
    const onBatch = vi.fn();
    watchDom(root, onBatch, new AbortController().signal);
    rows[0]!.setAttribute('class', 'hovered');
    rows[0]!.style.color = 'red';
    await settle();
    expect(onBatch).not.toHaveBeenCalled();
    rows[0]!.querySelector('p')!.setAttribute('href', '/x');
    await settle();
    expect(onBatch).toHaveBeenCalledTimes(1);
  });

  it('ignores our own badges and panel: adding them, and changes inside them', async () => {
    const { root, rows } = page();
    const batches: Array<ReadonlySet<Node>> = [];
    watchDom(root, (changed) => batches.push(changed), new AbortController().signal);
    const badge = document.createElement('rr-badge');
    rows[0]!.append(badge);
    const panel = document.createElement('reply-radar');
    root.append(panel);
    await settle();
    expect(batches).toEqual([]);
    badge.append(document.createElement('span'));
    panel.setAttribute('lang', 'hu');
    badge.remove();
    // A change of the site's in the same batch is still seen, alone.
    rows[1]!.querySelector('p')!.textContent = 'two, edited';
    await settle();
    expect(batches).toHaveLength(1);
    const p = rows[1]!.querySelector('p')!;
    // (the text node the edit replaced is named too, removed)
    expect([...batches[0]!].every((node) => p.contains(node) || !node.isConnected)).toBe(true);
    expect(batches[0]!.has(p)).toBe(true);
  });

  it('runs an asked-for batch with nothing changed', async () => {
    const { root } = page();
    const onBatch = vi.fn();
    const watcher = watchDom(root, onBatch, new AbortController().signal);
    watcher.schedule();
    watcher.schedule();
    await settle();
    expect(onBatch).toHaveBeenCalledTimes(1);
    expect(onBatch.mock.calls[0]![0].size).toBe(0);
  });

  it('flush runs what changed at once, records not yet delivered included, and nothing when nothing changed', async () => {
    const { root, rows } = page();
    const batches: Array<ReadonlySet<Node>> = [];
    const watcher = watchDom(root, (changed) => batches.push(changed), new AbortController().signal);
    const added = document.createElement('span');
    rows[2]!.append(added);
    // Synchronously, before the observer has delivered anything: the batch names the change.
    watcher.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.has(added)).toBe(true);
    watcher.flush();
    // The frame that batch had asked for finds nothing left to run.
    await settle();
    expect(batches).toHaveLength(1);
  });

  it('runs a batch in the observer’s microtask, before the frame; changes after it wait for the frame, together', async () => {
    const { root, rows } = page();
    const batches: Array<ReadonlySet<Node>> = [];
    watchDom(root, (changed) => batches.push(changed), new AbortController().signal);
    const first = document.createElement('span');
    rows[0]!.append(first);
    await microtasks();
    // No frame and no timer came: the batch ran in the task that changed the page, not in the frame after it.
    expect(batches.map((b) => [...b])).toEqual([[first]]);
    const second = document.createElement('span');
    const third = document.createElement('span');
    rows[1]!.append(second);
    await microtasks();
    rows[2]!.append(third);
    await microtasks();
    expect(batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(batches.map((b) => [...b])).toEqual([[first], [second, third]]);
    // A frame came since: the next change runs in its microtask again.
    const fourth = document.createElement('span');
    rows[0]!.append(fourth);
    await microtasks();
    expect(batches.map((b) => [...b])).toEqual([[first], [second, third], [fourth]]);
  });

  it('stops for good when the page’s signal aborts, even with a batch pending', async () => {
    const { root, rows } = page();
    const onBatch = vi.fn();
    const controller = new AbortController();
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const watcher = watchDom(root, onBatch, controller.signal);
    rows[0]!.append(document.createElement('span'));
    await microtasks();
    expect(onBatch).toHaveBeenCalledTimes(1);
    // A second change before the frame waits for it: pending when the signal aborts.
    rows[1]!.append(document.createElement('span'));
    await microtasks();
    controller.abort();
    // The observer itself lets go of the page, not only the batches.
    expect(disconnect).toHaveBeenCalledTimes(1);
    await settle();
    rows[2]!.append(document.createElement('span'));
    watcher.schedule();
    await settle();
    expect(onBatch).toHaveBeenCalledTimes(1);
  });
});
