// Replies expanding in the middle of a long Instagram conversation ("View replies (2)" clicked mid-page): the batch
// threads the expanded thread only, never the rows below it, and keeps the hidden parts in document order without
// sorting them all; what it says (parents, threads, hidden parts, answered) is what a fresh read of the page says.
import { describe, expect, it } from 'vitest';
import { classifyThreads } from '../../../utils/core/unanswered';
import { changeSet, noteChange, OBSERVED } from '../../../utils/overlay/dom-watcher';
import { createInstagramAdapter } from '../../../utils/sites/instagram';
import { ConversationReader } from '../../../utils/sites/instagram/read';
import type { CollapsedPart, PageRead, ReadComment } from '../../../utils/sites/types';
import { parse } from './fuzz/harness';

const CODE = 'EXPpost1';
const URL_ = new URL(`https://www.instagram.com/p/${CODE}/`);
const BRAND = 'brand.account';

const row = (id: number, handle: string, minute: number, text: string) =>
  `<div class="row"><span><div><a href="/${handle}/"><img alt=""></a></div></span><div class="body">` +
  `<div class="line"><span><a href="/${handle}/"><span>${handle}</span></a></span>` +
  `<a href="/p/${CODE}/c/${id}/"><time datetime="2026-11-30T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z">1h</time></a></div>` +
  `<div class="text"><span>${text}</span></div><div class="acts"><div role="button"><span>Reply</span></div></div></div></div>`;

const viewReplies = (n: number) => `<div class="more"><div role="button"><span>View replies (${n})</span></div></div>`;

/**
 * A post with `comments` comments: threads of one comment, every 4th with a shown reply of the brand and every 4th
 * (others) with "View replies (2)" holding two replies back. Thread `middle` holds its replies back.
 */
function page(comments: number): { html: string; middle: number } {
  let list = '';
  let count = 0;
  let i = 0;
  const threads: number[] = [];
  while (count < comments) {
    const top = row(1000 + i * 10, `customer${i}`, i % 600, `Question ${i}`);
    let tail = '';
    if (i % 4 === 1 && count + 2 <= comments) {
      tail = `<div class="replies">${row(1001 + i * 10, BRAND, (i % 600) + 1, 'Thanks!')}</div>`;
      count++;
    } else if (i % 4 === 3) {
      tail = viewReplies(2);
      threads.push(i);
    }
    list += `<div class="thread" id="t${i}">${top}${tail}</div>`;
    count++;
    i++;
  }
  const html =
    `<html><body><nav><a href="/${BRAND}/"><img alt=""></a></nav><main role="main"><div class="post">` +
    `<header><span><div><a href="/${BRAND}/"><img alt=""></a></div></span><a href="/${BRAND}/">${BRAND}</a></header>` +
    `<div class="caption"><a href="/p/${CODE}/"><time datetime="2026-11-30T06:00:00.000Z">6h</time></a></div>` +
    `<div class="comments">${list}</div></div></main></body></html>`;
  return { html, middle: threads[Math.floor(threads.length / 2)] as number };
}

/** Expands thread `i` as Instagram does: the control turns into "Hide replies" and the replies appear below it. */
function expand(doc: Document, i: number, brandAnswers: boolean): void {
  const thread = doc.getElementById(`t${i}`) as Element;
  const label = thread.querySelector('.more [role="button"] span') as Element;
  label.textContent = 'Hide replies';
  const minute = (i % 600) + 2;
  const replies = doc.createElement('div');
  replies.className = 'replies';
  const html =
    row(1002 + i * 10, `friend${i}`, minute, `Same question`) +
    row(1003 + i * 10, brandAnswers ? BRAND : `other${i}`, minute + 1, brandAnswers ? 'Answered!' : 'Me too');
  // Parsed, then moved in: page text never goes through innerHTML of the live page.
  for (const el of [...parse(`<div>${html}</div>`).querySelectorAll('body > div > .row')])
    replies.append(doc.importNode(el, true));
  thread.append(replies);
}

function changedSince(observer: MutationObserver): Set<Node> {
  const changed = changeSet();
  for (const record of observer.takeRecords()) noteChange(record, changed);
  return changed;
}

function observe(doc: Document): MutationObserver {
  const Observer = (doc.defaultView as unknown as typeof globalThis).MutationObserver;
  const observer = new Observer(() => {});
  observer.observe(doc.documentElement, OBSERVED);
  return observer;
}

const partsOf = (collapsed: readonly CollapsedPart[]) =>
  collapsed.map((p) => `${p.kind} ${p.parentId ?? ''} ${p.label} ${(p.element.closest('.thread') as Element).id}`);

function states(read: PageRead, comments: readonly ReadComment[]) {
  return classifyThreads({
    post: read.post as NonNullable<PageRead['post']>,
    comments: comments.map((c) => c.comment),
    brand: { x: [], facebook: [], instagram: [BRAND] },
    trackAllPosts: false,
    manual: new Map(),
    collapsed: read.collapsed.map((p) => (p.parentId ? { parentId: p.parentId } : {})),
    now: Date.parse('2026-12-01T00:00:00Z'),
    actingHandle: BRAND,
  });
}

describe('replies expanding mid-page', () => {
  it('the batch threads the same rows at 200 and at 2,000 comments, and keeps the hidden parts in order', () => {
    const workOf = (comments: number) => {
      const { html, middle } = page(comments);
      const doc = parse(html);
      const scope = doc.querySelector('main') as Element;
      const reader = new ConversationReader();
      const first = reader.read(scope, CODE, URL_, null);
      expect(first.comments).toHaveLength(comments);
      const observer = observe(doc);
      expand(doc, middle, true);
      const after = reader.read(scope, CODE, URL_, changedSince(observer), null, true);
      observer.disconnect();
      // The two replies are all the delta says; their thread's hidden part is gone, the others stay in order.
      expect(after.comments.map((c) => [c.comment.id, c.comment.parentId, c.comment.threadKey])).toEqual([
        [`${1002 + middle * 10}`, `${1000 + middle * 10}`, `${1000 + middle * 10}`],
        [`${1003 + middle * 10}`, `${1000 + middle * 10}`, `${1000 + middle * 10}`],
      ]);
      expect(after.collapsed).toHaveLength(first.collapsed.length - 1);
      expect(after.collapsed).toEqual(first.collapsed.filter((p) => p.parentId !== `${1000 + middle * 10}`));
      const fresh = new ConversationReader().read(scope, CODE, URL_, null);
      expect(partsOf(after.collapsed)).toEqual(partsOf(fresh.collapsed));
      return { ...reader.work, parts: first.collapsed.length };
    };
    const small = workOf(200);
    const large = workOf(2000);
    expect(large.parts).toBeGreaterThan(9 * small.parts);
    // The two new replies are parsed and threaded; no row below the expansion is threaded again.
    expect(small.parsed).toBe(2);
    expect(small.threaded).toBe(2);
    expect(large.parsed).toBe(small.parsed);
    expect(large.threaded).toBe(small.threaded);
    // Elements looked at, with the binary searches (a few steps more for ten times the rows and hidden parts).
    expect(large.touched).toBeLessThan(small.touched + 30);
  }, 120_000);

  it('a control coming or going mid-list is placed among the hidden parts by a search, not a sort of them all', () => {
    const workOf = (comments: number) => {
      const { html, middle } = page(comments);
      const doc = parse(html);
      const scope = doc.querySelector('main') as Element;
      const reader = new ConversationReader();
      const first = reader.read(scope, CODE, URL_, null);
      const observer = observe(doc);
      // A thread just before the middle one gets "View replies (1)"; the middle one's control goes.
      const other = doc.getElementById(`t${middle - 2}`) as Element;
      other.insertAdjacentElement('beforeend', parse(viewReplies(1)).querySelector('.more') as Element);
      doc.getElementById(`t${middle}`)?.querySelector('.more')?.remove();
      const after = reader.read(scope, CODE, URL_, changedSince(observer), null, true);
      observer.disconnect();
      const fresh = new ConversationReader().read(scope, CODE, URL_, null);
      expect(partsOf(after.collapsed)).toEqual(partsOf(fresh.collapsed));
      expect(after.collapsed).toHaveLength(first.collapsed.length);
      expect(partsOf(after.collapsed)).toContain(
        `more-replies ${1000 + (middle - 2) * 10} View replies (1) t${middle - 2}`,
      );
      return reader.work;
    };
    const small = workOf(200);
    const large = workOf(2000);
    // The thread the control left is named by the change (something was taken out of it): nothing new is in it, so
    // no row is read or threaded again, at either length.
    expect(small).toMatchObject({ parsed: 0, threaded: 0 });
    expect(large).toMatchObject({ parsed: 0, threaded: 0 });
    expect(large.touched).toBeLessThan(small.touched + 30);
  }, 120_000);

  it('through the adapter: parents, threads, hidden parts and answered state are those of a fresh read', () => {
    for (const brandAnswers of [true, false]) {
      const { html, middle } = page(60);
      const doc = parse(html);
      const adapter = createInstagramAdapter();
      const first = adapter.read(doc, URL_);
      const parent = `${1000 + middle * 10}`;
      const before = states(first, first.comments);
      expect(before.incomplete).toBe(true);
      expect(before.states.get(`instagram:${parent}`)).toBe('unanswered');
      expect(first.collapsed.some((p) => p.parentId === parent)).toBe(true);

      const observer = observe(doc);
      expand(doc, middle, brandAnswers);
      const read = adapter.read(doc, URL_, changedSince(observer));
      observer.disconnect();
      expect(read.delta).toBeDefined();
      // The overlay's view: the first read with the delta applied.
      const shown = new Map(first.comments.map((c) => [c.element, c]));
      for (const el of read.delta?.released ?? []) shown.delete(el);
      for (const c of read.comments) shown.set(c.element, c);
      const fresh = createInstagramAdapter().read(doc, URL_);
      const view = (comments: Iterable<ReadComment>) =>
        [...comments].map(({ comment: c }) => `${c.id} ${c.parentId ?? '-'} ${c.threadKey} ${c.author.handle}`).sort();
      expect(view(shown.values())).toEqual(view(fresh.comments));
      expect(partsOf(read.collapsed)).toEqual(partsOf(fresh.collapsed));
      expect(read.collapsed.some((p) => p.parentId === parent)).toBe(false);

      const after = states(read, [...shown.values()]);
      expect(after.states).toEqual(states(fresh, fresh.comments).states);
      const parentState = after.states.get(`instagram:${parent}`);
      // The brand's reply in the expansion answers the parent and the friend's reply before it.
      expect(parentState).toBe(brandAnswers ? 'answered' : 'unanswered');
      const friend = after.states.get(`instagram:${1002 + middle * 10}`);
      expect(friend).toBe(brandAnswers ? 'answered' : 'unanswered');
    }
  });
});
