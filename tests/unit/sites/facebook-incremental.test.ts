// The Facebook adapter's delta reads against full reads (#10, #8): on a generated conversation (replies nested and
// as siblings, "View N replies" controls) and on the real captures, random sequences of rows added (top-level,
// nested replies, sibling replies), removed, moved, edited and recycled for another comment, and controls shown and
// taken away. After every batch, what the deltas add up to — in the adapter's own terms and in the overlay's
// PageReader — must equal a fresh full read of the same page: the same comments on the same elements, the same
// health figures. The change sets come from the overlay's own watcher logic (noteChange).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commentKey } from '../../../utils/core/model';
import { changeSet, noteChange, OBSERVED } from '../../../utils/overlay/dom-watcher';
import { PageReader } from '../../../utils/overlay/page-reader';
import { createFacebookAdapter, matchPostPage } from '../../../utils/sites/facebook';
import type { PageRead } from '../../../utils/sites/types';
import { combinatorQueries } from './combinator-queries';
import { fuzzSeed, parse, realHtml, runsOr } from './fuzz/harness';

const POST = 'https://www.facebook.com/acme/posts/pfbid0abc';
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

/** One comment as Facebook draws it (avatar and name links with the comment_id, text, time · Like · Reply). */
function articleHtml(c: { id: string; name: string; profile: string; text: string; ago: string; root?: string }) {
  const ids = c.root ? `comment_id=${c.root}&amp;reply_comment_id=${c.id}` : `comment_id=${c.id}`;
  const profile = `https://www.facebook.com${c.profile}?${ids}&amp;__tn__=R]-R`;
  return `<div role="article" aria-label="Comment by ${c.name} ${c.ago} ago" tabindex="-1">
    <a aria-hidden="true" href="${profile}" tabindex="-1"><svg></svg></a>
    <div><span><a href="${profile}"><span dir="auto">${c.name}</span></a></span>
      <div><span dir="auto" lang="en"><div dir="auto">${c.text}</div></span></div></div>
    <ul><li><a href="${POST}?${ids}&amp;__cft__[0]=AZ1">${c.ago}</a></li>
      <li><div aria-label="Like" role="button">Like</div></li><li><div role="button">Reply</div></li></ul></div>`;
}

const PEOPLE = [
  { name: 'Anna Kovács', profile: '/anna.kovacs.123' },
  { name: 'Acme Coffee', profile: '/acme' },
  { name: 'Tom Baker', profile: '/tom.baker.77' },
  { name: 'Sofía García', profile: '/sofia.g' },
];

/** A post dialog with a few threads: replies nested in the thread's item, replies as siblings, a "View" control. */
function conversation(): Document {
  const c = (id: string, who: number, root?: string) =>
    articleHtml({ id, ...PEOPLE[who]!, text: `text ${id}`, ago: `${(Number(id) % 5) + 1} hours`, root });
  const body = `<li>${c('101', 0)}<div><ul><li>${c('102', 1, '101')}</li><li>${c('103', 0, '101')}</li></ul></div></li>
    <li>${c('201', 2)}</li><li>${c('202', 3, '201')}</li>
    <li>${c('301', 3)}<div><div role="button"><span dir="auto">View all 3 replies</span></div></div></li>`;
  return parse(`<html lang="en"><body><div role="dialog" aria-modal="true"><div>
      <div data-ad-rendering-role="profile_name"><h2><a href="https://www.facebook.com/acme?__tn__=-UC"><strong><span>Acme Coffee</span></strong></a></h2></div>
      <a href="" aria-label="Monday">2d</a><ul class="comments">${body}</ul>
      <div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Write a comment…"></div>
    </div></div></body></html>`);
}

/** The captures without style sheets and scripts (every visibility check would resolve them: seconds per read). */
function unstyled(html: string): Document {
  const doc = parse(html);
  for (const el of doc.querySelectorAll('style, script, link[rel="stylesheet"]')) el.remove();
  return doc;
}

interface Page {
  name: string;
  doc: () => Document;
  url: URL;
  runs: number;
  /** Histories that once failed, run first every time. */
  examples?: Op[][][];
}

/** The same dialog opened over the feed (an aria-hidden layer with another post's comment): the address names no post. */
function conversationOverFeed(): Document {
  const doc = conversation();
  const feed = parse(
    `<html><body><div aria-hidden="true" role="main">${articleHtml({
      id: '55',
      ...PEOPLE[2]!,
      text: 'on another post',
      ago: '1 hour',
    }).replaceAll(POST, 'https://www.facebook.com/other/posts/pfbid0other')}</div></body></html>`,
  );
  doc.body.prepend(doc.importNode(feed.body.firstElementChild!, true));
  return doc;
}

const PAGES: Page[] = [
  {
    name: 'generated conversation',
    doc: conversation,
    url: new URL(POST),
    runs: runsOr(60),
    examples: [
      // Seed 777: a row's edit read the "View all 3 replies" after it again, unchanged, and forgot that it follows
      // the row; the row's removal then left the control in the removed comment's thread.
      [[{ kind: 'edit', at: 5, text: 'edited' }], [{ kind: 'remove', at: 5, whole: false }]],
      [
        [
          { kind: 'edit', at: 1655819849, text: 'edited' },
          { kind: 'header', how: 'rename' },
        ],
        [{ kind: 'remove', at: 178750571, whole: false }],
      ],
    ],
  },
  {
    name: 'generated conversation over the feed',
    doc: conversationOverFeed,
    url: new URL('https://www.facebook.com/'),
    runs: runsOr(40),
  },
  {
    name: 'post dialog capture (44 comments)',
    doc: () => unstyled(realHtml('facebook-post-dialog-44-comments-2024-11.html')),
    url: new URL(
      'https://www.facebook.com/animeworldgobal/posts/pfbid02vnj2KuSa7yrG6weZr5TKyT7h2VrK6HnZT7jCchjHs7MQGGaNyQjnq9DF8WhkWf8Kl',
    ),
    // Each full read of this 3 MB capture costs about a second here: a few long histories.
    runs: runsOr(3),
  },
  {
    name: 'logged-out permalink capture',
    doc: () => unstyled(realHtml('facebook-permalink-logged-out-2025.html')),
    url: new URL(
      'https://www.facebook.com/salmanmd.sultan.1/posts/pfbid02pwk1KyH6jtefw3dYQuPQPEESmxCrBGaigyWUdu5JRSbZzAQBAnRDfZsPP7av5ikql',
    ),
    runs: runsOr(15),
  },
];

type Op =
  | { kind: 'add'; at: number; shape: 'after' | 'nested' | 'reply-sibling' | 'end'; who: number; n: number }
  | { kind: 'remove'; at: number; whole: boolean }
  | { kind: 'move'; at: number; to: number }
  | { kind: 'edit'; at: number; text: string }
  | { kind: 'recycle'; at: number }
  | { kind: 'control'; at: number; label: string }
  | { kind: 'uncontrol'; at: number }
  | { kind: 'unrole'; at: number }
  | { kind: 'rerole'; at: number }
  | { kind: 'count'; value: number }
  | { kind: 'header'; how: 'rename' | 'relink' | 'drop' | 'add' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    shape: fc.constantFrom('after' as const, 'nested' as const, 'reply-sibling' as const, 'end' as const),
    who: fc.nat({ max: PEOPLE.length - 1 }),
    n: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), whole: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), text: fc.constantFrom('edited', 'köszi 🙂', '') }),
  fc.record({ kind: fc.constant('recycle' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('control' as const),
    at: fc.nat(),
    label: fc.constantFrom(
      'View all 4 replies',
      'View 1 reply',
      'Acme Coffee replied · 2 Replies',
      'Tom Baker replied · 1 Reply',
    ),
  }),
  fc.record({ kind: fc.constant('uncontrol' as const), at: fc.nat() }),
  // A row stops being an article in place (the site renamed its role), and one comes back.
  fc.record({ kind: fc.constant('unrole' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rerole' as const), at: fc.nat() }),
  // The post's comment count and its header change too (a comment arrives: "9 comments" becomes "10 comments").
  fc.record({ kind: fc.constant('count' as const), value: fc.nat({ max: 60 }) }),
  fc.record({
    kind: fc.constant('header' as const),
    how: fc.constantFrom('rename' as const, 'relink' as const, 'drop' as const, 'add' as const),
  }),
);

let nextId = 900_000;

/** The comment articles of the conversation (not the feed behind a dialog, not hidden copies). */
function articles(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>('[role="article"]')].filter(
    (a) => !a.closest('[aria-hidden="true"]') && a.querySelector('a[href*="comment_id="]'),
  );
}

/** A new comment made from an existing one (same post, same markup), with new ids. */
function cloneAs(template: HTMLElement, id: string, root: string | null): HTMLElement {
  const copy = template.cloneNode(true) as HTMLElement;
  for (const nested of copy.querySelectorAll('[role="article"]')) nested.remove();
  for (const a of copy.querySelectorAll('a[href*="comment_id="]')) setIds(a, id, root);
  return copy;
}

function setIds(a: Element, id: string, root: string | null): void {
  const url = new URL(a.getAttribute('href')!, 'https://www.facebook.com');
  url.searchParams.delete('reply_comment_id');
  if (root) {
    url.searchParams.set('comment_id', root);
    url.searchParams.set('reply_comment_id', id);
  } else url.searchParams.set('comment_id', id);
  a.setAttribute('href', url.href);
}

function commentIdOf(article: HTMLElement): string | null {
  const a = article.querySelector('a[href*="comment_id="]');
  if (!a) return null;
  const url = new URL(a.getAttribute('href')!, 'https://www.facebook.com');
  return url.searchParams.get('comment_id');
}

/** The conversation's element: the open dialog, else the main column. */
function conversationOf(doc: Document): Element {
  return (
    doc.querySelector('[role="dialog"]:not([aria-hidden="true"])') ?? doc.querySelector('[role="main"]') ?? doc.body
  );
}

const HEADER = '[data-ad-rendering-role="profile_name"]';

function applyPageOp(doc: Document, op: Extract<Op, { kind: 'count' | 'header' }>): void {
  const scope = conversationOf(doc);
  if (op.kind === 'count') {
    const label = [...scope.querySelectorAll('[role="button"] span[dir="auto"]')].find((el) =>
      /^\d+ comments?$/.test(el.textContent ?? ''),
    );
    const text = `${op.value} comment${op.value === 1 ? '' : 's'}`;
    if (label?.firstChild?.nodeType === 3) (label.firstChild as Text).data = text;
    else if (label) label.textContent = text;
    else {
      const button = doc.createElement('div');
      button.setAttribute('role', 'button');
      const span = doc.createElement('span');
      span.setAttribute('dir', 'auto');
      span.textContent = text;
      button.append(span);
      scope.firstElementChild?.prepend(button);
    }
    return;
  }
  const header = scope.querySelector(HEADER);
  const link = header?.querySelector('a[href]');
  if (op.how === 'rename') {
    const span = link?.querySelector('span');
    if (span) span.textContent = span.textContent === 'Acme Coffee' ? 'Acme Coffee Co.' : 'Acme Coffee';
  } else if (op.how === 'relink') {
    link?.setAttribute(
      'href',
      link.getAttribute('href')?.includes('/acme2')
        ? 'https://www.facebook.com/acme'
        : 'https://www.facebook.com/acme2',
    );
  } else if (op.how === 'drop') header?.remove();
  else if (!header) {
    const block = doc.createElement('div');
    block.setAttribute('data-ad-rendering-role', 'profile_name');
    const h2 = doc.createElement('h2');
    const a = doc.createElement('a');
    a.setAttribute('href', 'https://www.facebook.com/acme?__tn__=-UC');
    a.append(doc.createElement('span'));
    (a.firstChild as Element).textContent = 'Acme Coffee';
    h2.append(a);
    block.append(h2);
    scope.firstElementChild?.prepend(block);
  }
}

function apply(doc: Document, op: Op): void {
  if (op.kind === 'count' || op.kind === 'header') {
    applyPageOp(doc, op);
    return;
  }
  if (op.kind === 'rerole') {
    const stripped = [...doc.querySelectorAll('[data-unroled]')];
    const row = stripped[op.at % Math.max(1, stripped.length)];
    row?.removeAttribute('data-unroled');
    row?.setAttribute('role', 'article');
    return;
  }
  const rows = articles(doc);
  if (rows.length === 0) return;
  const pick = (i: number) => rows[i % rows.length]!;
  const row = pick(op.at);
  const item = row.closest('li') ?? row;
  switch (op.kind) {
    case 'add': {
      for (let k = 0; k < op.n; k++) {
        const id = String(nextId++);
        const root = op.shape === 'nested' || op.shape === 'reply-sibling' ? commentIdOf(row) : null;
        const fresh = cloneAs(row, id, root);
        const li = doc.createElement('li');
        li.append(fresh);
        if (op.shape === 'nested') {
          // Into the thread's item, after the parent's article (which closes before its replies).
          const holder = doc.createElement('div');
          holder.append(li);
          item.append(holder);
        } else if (op.shape === 'end') {
          item.parentElement?.append(li);
        } else item.after(li);
      }
      return;
    }
    case 'remove':
      (op.whole ? item : row).remove();
      return;
    case 'move': {
      const target = pick(op.to).closest('li') ?? pick(op.to);
      if (target === item || item.contains(target)) return;
      target.after(item);
      return;
    }
    case 'edit': {
      const body = row.querySelector('[lang] [dir="auto"], [lang]');
      const text = body?.firstChild;
      if (text && text.nodeType === 3) (text as Text).data = op.text;
      else if (body) body.textContent = op.text;
      return;
    }
    case 'recycle': {
      // The row now shows another comment: every one of its links changes ids (the same author, new text).
      const id = String(nextId++);
      for (const a of row.querySelectorAll('a[href*="comment_id="]')) {
        if (a.closest('[role="article"]') === row) setIds(a, id, null);
      }
      return;
    }
    case 'control': {
      const control = doc.createElement('div');
      control.setAttribute('role', 'button');
      const span = doc.createElement('span');
      span.setAttribute('dir', 'auto');
      span.textContent = op.label;
      control.append(span);
      const holder = doc.createElement('div');
      holder.append(control);
      row.after(holder);
      return;
    }
    case 'unrole':
      row.removeAttribute('role');
      row.setAttribute('data-unroled', '');
      return;
    case 'uncontrol': {
      const controls = [...doc.querySelectorAll('[role="button"]')].filter((b) =>
        /View|replied/.test(b.textContent ?? ''),
      );
      controls[op.at % Math.max(1, controls.length)]?.remove();
      return;
    }
  }
}

/** A comment as the view sees it (its order is where the overlay first saw it: not compared). */
const shape = (c: PageRead['comments'][number]['comment']) => JSON.stringify({ ...c, order: 0 });

/** Element → value as sorted "element number: value" lines (a readable diff; the same element, the same number). */
const serial = new WeakMap<Element, number>();
let serials = 0;
function tagged(map: ReadonlyMap<HTMLElement, string>): string[] {
  const tag = (el: Element) => {
    if (!serial.has(el)) serial.set(el, serials++);
    return serial.get(el)!;
  };
  return [...map].map(([el, v]) => `${tag(el)}: ${v}`).sort();
}

function healthOf(read: PageRead) {
  return {
    post: read.post,
    actingHandle: read.actingHandle,
    candidates: read.candidates,
    readable: read.delta ? read.delta.readable : read.comments.length,
    collapsed: read.collapsed.map((c) => ({ ...c, element: c.element.outerHTML.length })),
    problems: read.problems,
    moreBelow: read.moreBelow,
  };
}

describe('Facebook delta reads add up to a full read', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterAll(() => vi.useRealTimers());

  for (const page of PAGES) {
    it(`${page.name}: after any batch of adds, removals, moves, edits, recycles and controls`, () => {
      const captured = page.name.includes('capture') ? page.doc() : null;
      let deltas = 0;
      fc.assert(
        fc.property(
          fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
          (batches) => {
            // The captures are big: one copy mutated run after run (a longer history); the small page afresh.
            const doc = captured ?? page.doc();
            const adapter = createFacebookAdapter();
            // The overlay's reader on an adapter of its own (each adapter's deltas follow its own previous read).
            const reader = new PageReader(createFacebookAdapter(), page.url, NOW - 60_000);
            const first = adapter.read(doc, page.url);
            expect(first.delta).toBeUndefined();
            const applied = new Map(first.comments.map((c) => [c.element, shape(c.comment)]));
            reader.read(doc, NOW);
            const observer = new MutationObserver(() => undefined);
            observer.observe(doc.documentElement, OBSERVED);
            for (const batch of batches) {
              for (const op of batch) apply(doc, op);
              const changed = changeSet();
              for (const record of observer.takeRecords()) noteChange(record, changed);

              // The page session asks which post the dialog shows first, when the address names none.
              if (!page.url.pathname.includes('/posts/')) {
                expect(adapter.shownPostId?.(doc, changed)).toBe(createFacebookAdapter().shownPostId?.(doc) ?? null);
              }
              const read = adapter.read(doc, page.url, changed);
              const full = createFacebookAdapter().read(doc, page.url);
              // In the adapter's terms: the deltas applied one after another equal the full read.
              if (read.delta) {
                deltas++;
                for (const element of read.delta.released) applied.delete(element);
              } else applied.clear();
              for (const c of read.comments) applied.set(c.element, shape(c.comment));
              const want = new Map(full.comments.map((c) => [c.element, shape(c.comment)]));
              expect(tagged(applied)).toEqual(tagged(want));
              expect(healthOf(read)).toEqual(healthOf(full));

              // In the overlay's terms: the comments shown, on which element, and the health figures.
              const result = reader.read(doc, NOW, changed);
              const shown = new Map<HTMLElement, string>();
              for (const known of reader.known.all()) if (known.element) shown.set(known.element, known.key);
              expect(tagged(shown)).toEqual(
                tagged(new Map(full.comments.map((c) => [c.element, commentKey(c.comment)]))),
              );
              expect(result.facts.readable).toBe(full.comments.length);
              expect(result.facts.candidates).toBe(full.candidates);
              expect(result.facts.problems).toEqual(full.problems);
              expect(result.facts.collapsed.map((c) => [c.label, c.parentId])).toEqual(
                full.collapsed.map((c) => [c.label, c.parentId]),
              );
            }
            observer.disconnect();
          },
        ),
        { numRuns: page.runs, seed: fuzzSeed(), examples: (page.examples ?? []).map((history) => [history]) },
      );
      // The incremental path was taken (not full reads all along).
      expect(deltas).toBeGreaterThan(0);
    }, 600_000);
  }
});

describe('Facebook delta reads: the work of a batch follows the change, not the page', () => {
  /**
   * A dialog with `n` threads, every fifth with a nested reply, every seventh with a "View 2 replies" control, and a
   * "View more comments" after the list in a language without a word table (Finnish): known by where it stands, after
   * the last comment, which must not cost a look at the whole list.
   */
  function bigPage(n: number): { doc: Document; list: Element } {
    let body = '';
    for (let i = 0; i < n; i++) body += threadHtml(i);
    const doc = parse(`<html lang="en"><body><div role="dialog" aria-modal="true"><div>
      <div data-ad-rendering-role="profile_name"><h2><a href="https://www.facebook.com/acme?__tn__=-UC"><strong><span>Acme Coffee</span></strong></a></h2></div>
      <div role="button"><span dir="auto">${n + 40} comments</span></div>
      <ul class="comments">${body}</ul>
      <div><div role="button"><span dir="auto">Näytä lisää kommentteja</span></div></div>
      <div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Write a comment…"></div>
    </div></div></body></html>`);
    return { doc, list: doc.querySelector('ul.comments')! };
  }
  function threadHtml(i: number): string {
    const c = (id: string, who: number, root?: string) =>
      articleHtml({ id, ...PEOPLE[who]!, text: `text ${id}`, ago: '2 hours', root });
    const id = String(10_000 + i);
    const reply = i % 5 === 0 ? `<div><ul><li>${c(`${id}1`, 1, id)}</li></ul></div>` : '';
    const control = i % 7 === 0 ? '<div><div role="button"><span dir="auto">View 2 replies</span></div></div>' : '';
    return `<li>${c(id, i % 4 === 1 ? 0 : 2)}${reply}${control}</li>`;
  }

  /**
   * Runs `fn` counting what every query it makes looks at: the most comment rows under one root queried (a query of
   * the document counts all of them). Walks are counted by the adapter itself (`work.visited`).
   */
  function queriesOf<T>(fn: () => T): { result: T; largestQuery: number } {
    const { querySelectorAll: elementAll } = Element.prototype;
    const { querySelectorAll: documentAll } = Document.prototype;
    const rowsUnder = (root: ParentNode) => elementAll.call(root as Element, '[role="article"]').length;
    let largestQuery = 0;
    Element.prototype.querySelectorAll = function (this: Element, selector: string) {
      largestQuery = Math.max(largestQuery, rowsUnder(this) + (this.matches('[role="article"]') ? 1 : 0));
      return elementAll.call(this, selector);
    } as typeof elementAll;
    Document.prototype.querySelectorAll = function (this: Document, selector: string) {
      largestQuery = Math.max(largestQuery, documentAll.call(this, '[role="article"]').length);
      return documentAll.call(this, selector);
    } as typeof documentAll;
    try {
      return { result: fn(), largestQuery };
    } finally {
      Element.prototype.querySelectorAll = elementAll;
      Document.prototype.querySelectorAll = documentAll;
    }
  }

  /** Reads page `n` in full, makes the change, reads the batch; returns the read and what the adapter did. */
  function batchAfter(n: number, makeChange: (doc: Document, list: Element) => void, url = URL_POST) {
    const { doc, list } = bigPage(n);
    const adapter = createFacebookAdapter();
    const first = adapter.read(doc, url);
    const observer = new MutationObserver(() => undefined);
    observer.observe(doc.documentElement, OBSERVED);
    makeChange(doc, list);
    const changed = changeSet();
    for (const record of observer.takeRecords()) noteChange(record, changed);
    observer.disconnect();
    const { result, largestQuery } = queriesOf(() => ({
      shownPostId: matchPostPage(url) ? null : (adapter.shownPostId?.(doc, changed) ?? null),
      read: adapter.read(doc, url, changed),
    }));
    const full = createFacebookAdapter().read(doc, url);
    return { ...result, first, full, work: { ...adapter.work }, rows: adapter.work.rows, largestQuery };
  }
  const appendThreads =
    (n: number, count = 20) =>
    (_doc: Document, list: Element) => {
      const html = Array.from({ length: count }, (_, k) => threadHtml(n + k)).join('');
      list.append(...parse(`<ul>${html}</ul>`).querySelector('ul')!.children);
    };
  /** Appends 20 threads and reads the batch; returns what the adapter did. */
  const batchOn = (n: number) => batchAfter(n, appendThreads(n));
  const URL_POST = new URL(POST);
  /** The same dialog opened over the feed: the address names no post, the post comes from the comment links. */
  const URL_FEED = new URL('https://www.facebook.com/');
  /** The "820 comments" line above the comments. */
  const countLabel = (doc: Document) =>
    [...doc.querySelectorAll('[role="button"] span[dir="auto"]')].find((el) => /comments$/.test(el.textContent ?? ''))!;

  it('a batch of 20 new threads queries nothing with a combinator (Chrome scans the page for those), at 50 and 400', () => {
    for (const n of [50, 400]) {
      const { doc, list } = bigPage(n);
      const adapter = createFacebookAdapter();
      adapter.read(doc, URL_POST);
      const observer = new MutationObserver(() => undefined);
      observer.observe(doc.documentElement, OBSERVED);
      appendThreads(n)(doc, list);
      const changed = changeSet();
      for (const record of observer.takeRecords()) noteChange(record, changed);
      observer.disconnect();
      const { result, selectors } = combinatorQueries(() => adapter.read(doc, URL_POST, changed));
      expect(result.delta).toBeDefined();
      expect(result.comments.length).toBeGreaterThanOrEqual(20);
      expect(selectors).toEqual([]);
    }
  }, 120_000);

  it('reads the 20 new threads’ rows only, at 50 and at 400 threads', () => {
    const replies = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => from + k).filter((i) => i % 5 === 0).length;
    const controls = (to: number) => Array.from({ length: to }, (_, i) => i).filter((i) => i % 7 === 0).length;
    for (const n of [50, 400]) {
      const b = batchOn(n);
      // 20 threads and their replies, each row read once; no query looks at more than one thread.
      expect(b.rows).toBe(20 + replies(n, n + 20));
      expect(b.largestQuery).toBeLessThanOrEqual(2);
      expect(b.read.delta?.released).toEqual([]);
      expect(b.read.comments).toHaveLength(b.rows);
      // The page's figures are whole-page running totals, not the batch's.
      const total = n + 20 + replies(0, n + 20);
      expect(b.read.delta?.readable).toBe(total);
      expect(b.read.candidates).toBe(total);
      // The "View 2 replies", and the Finnish "View more comments" known by where it stands (after the last thread).
      expect(b.read.collapsed.filter((c) => c.kind === 'more-replies')).toHaveLength(controls(n + 20) + 1);
      expect(b.read.collapsed.find((c) => c.label === 'Näytä lisää kommentteja')?.parentId).toBe(
        String(10_000 + n + 19),
      );
    }
  }, 120_000);

  it('keeps one row per comment id, a list only for an id shown twice, at 50 and 400 threads', () => {
    const replies = (to: number) => Array.from({ length: to }, (_, i) => i).filter((i) => i % 5 === 0).length;
    for (const n of [50, 400]) {
      const b = batchOn(n);
      const total = n + 20 + replies(n + 20);
      expect(b.first.candidates).toBe(n + replies(n));
      // One element per id, no list: 10,000 comments hold 10,000 rows here, nothing more.
      expect(b.work.held()).toEqual({ ids: total, rows: total, lists: 0 });
    }
    // A copy of a comment shown twice: a list for that id only; the first in document order shows it, and the
    // copy takes over when the first goes.
    const { doc, list } = bigPage(50);
    const adapter = createFacebookAdapter();
    const total = 50 + replies(50);
    adapter.read(doc, URL_POST);
    expect(adapter.work.held()).toEqual({ ids: total, rows: total, lists: 0 });
    const original = list.querySelector('[role="article"]')!;
    const copy = original.cloneNode(true) as Element;
    for (const nested of copy.querySelectorAll('[role="article"]')) nested.remove();
    const batch = (change: () => void) => {
      const observer = new MutationObserver(() => undefined);
      observer.observe(doc.documentElement, OBSERVED);
      change();
      const changed = changeSet();
      for (const record of observer.takeRecords()) noteChange(record, changed);
      observer.disconnect();
      return adapter.read(doc, URL_POST, changed);
    };
    let read = batch(() => list.append(copy));
    expect(adapter.work.held()).toEqual({ ids: total, rows: total + 1, lists: 1 });
    expect(read.candidates).toBe(total);
    expect(read.comments).toEqual([]);
    read = batch(() => original.remove());
    expect(adapter.work.held()).toEqual({ ids: total, rows: total, lists: 0 });
    expect(read.comments.map((c) => [c.element, c.comment.id])).toEqual([[copy, '10000']]);
    expect(read.candidates).toBe(total);
  }, 120_000);

  it('a comment arriving with the count going up: header and count from a walk over the header, at 50 and 400', () => {
    const at = (n: number) =>
      batchAfter(n, (doc, list) => {
        appendThreads(n, 1)(doc, list);
        countLabel(doc).textContent = `${2 * n + 100} comments`;
      });
    const small = at(50);
    const large = at(400);
    for (const [n, b] of [
      [50, small],
      [400, large],
    ] as const) {
      // No query looks at more than one thread (the old read queried the whole conversation for the count).
      expect(b.largestQuery).toBeLessThanOrEqual(2);
      expect(b.read.collapsed.at(-1)).toMatchObject({ kind: 'more-comments', label: `${2 * n + 100} comments` });
      expect(b.read.collapsed.map((c) => c.label)).toEqual(b.full.collapsed.map((c) => c.label));
      expect(b.read.post).toEqual(b.full.post);
    }
    // The walk stops at the first comment: the header's few elements, whatever the length of the conversation.
    expect(small.work.visited).toBeGreaterThan(0);
    expect(small.work.visited).toBeLessThan(20);
    expect(large.work.visited).toBe(small.work.visited);
  }, 120_000);

  it('the header renamed is read again from the header alone, at 50 and 400 threads', () => {
    const at = (n: number) =>
      batchAfter(n, (doc) => {
        doc.querySelector('h2 a span')!.textContent = 'Acme Coffee Co.';
      });
    const small = at(50);
    const large = at(400);
    for (const b of [small, large]) {
      expect(b.read.post?.author.displayName).toBe('Acme Coffee Co.');
      expect(b.read.post).toEqual(b.full.post);
      expect(b.largestQuery).toBeLessThanOrEqual(2);
      expect(b.rows).toBe(0);
    }
    expect(small.work.visited).toBeLessThan(20);
    expect(large.work.visited).toBe(small.work.visited);
  }, 120_000);

  it('hidden parts: a batch that changes no control compares nothing and hands the same list', () => {
    for (const n of [50, 400]) {
      const b = batchAfter(n, (doc) => {
        doc.querySelectorAll('[lang] [dir="auto"]')[3]!.textContent = 'edited';
      });
      expect(b.rows).toBe(1);
      expect(b.read.collapsed).toBe(b.first.collapsed);
      expect(b.work.compared).toBe(0);
    }
  }, 120_000);

  it('hidden parts: controls arriving near the end are placed with a few comparisons, at 50 and 400 threads', () => {
    // 20 threads appended, two of them with a "View 2 replies", before the "View more comments" after the list.
    const small = batchOn(50);
    const large = batchOn(400);
    for (const b of [small, large]) {
      expect(b.read.collapsed.map((c) => [c.label, c.parentId])).toEqual(
        b.full.collapsed.map((c) => [c.label, c.parentId]),
      );
      expect(b.read.collapsed).not.toBe(b.first.collapsed);
    }
    // Each new control: the last (after it), the one before (before it): two comparisons, not a sort of them all.
    expect(small.work.compared).toBe(4);
    expect(large.work.compared).toBe(small.work.compared);
  }, 120_000);

  it('a dialog over the feed: which post it shows is followed from the batch, at 50 and 400 threads', () => {
    const small = batchAfter(50, appendThreads(50), URL_FEED);
    const large = batchAfter(400, appendThreads(400), URL_FEED);
    for (const b of [small, large]) {
      expect(b.shownPostId).toBe('pfbid0abc');
      expect(b.read.post?.id).toBe('pfbid0abc');
      expect(b.read.delta).toBeDefined();
      // The session's question and the read's share one look at the batch; no document-wide query.
      expect(b.largestQuery).toBeLessThanOrEqual(2);
    }
    // The comment links of the 20 new threads and their replies, looked at once.
    expect(large.work.visited).toBe(small.work.visited);
  }, 120_000);

  it('a dialog over the feed: closing it, or its post links leaving, looks at the page again', () => {
    const closed = batchAfter(50, (doc) => doc.querySelector('[role="dialog"]')!.remove(), URL_FEED);
    expect(closed.shownPostId).toBeNull();
    const emptied = batchAfter(50, (_doc, list) => list.replaceChildren(), URL_FEED);
    expect(emptied.shownPostId).toBeNull();
    const other = batchAfter(
      50,
      (_doc, list) => {
        for (const a of list.querySelectorAll('a[href*="comment_id="]'))
          a.setAttribute('href', a.getAttribute('href')!.replace('pfbid0abc', 'pfbid0next'));
      },
      URL_FEED,
    );
    expect(other.shownPostId).toBe('pfbid0next');
  }, 120_000);

  it('asks whether a row is rendered (checkVisibility: a style recalculation) for new or changed rows only, at 50 and 400', () => {
    const replies = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => from + k).filter((i) => i % 5 === 0).length;
    /** Reads page `n`, makes the change, and counts the checkVisibility calls of the batch's read. */
    const checksAfter = (n: number, makeChange: (doc: Document, list: Element) => void) => {
      const { doc, list } = bigPage(n);
      const adapter = createFacebookAdapter();
      adapter.read(doc, URL_POST);
      const observer = new MutationObserver(() => undefined);
      observer.observe(doc.documentElement, OBSERVED);
      makeChange(doc, list);
      const changed = changeSet();
      for (const record of observer.takeRecords()) noteChange(record, changed);
      observer.disconnect();
      const proto = HTMLElement.prototype as { checkVisibility?: () => boolean };
      const had = Object.getOwnPropertyDescriptor(proto, 'checkVisibility');
      let calls = 0;
      proto.checkVisibility = function (this: HTMLElement) {
        calls++;
        return this.style.display !== 'none';
      };
      try {
        const read = adapter.read(doc, URL_POST, changed);
        return { calls, read };
      } finally {
        if (had) Object.defineProperty(proto, 'checkVisibility', had);
        else delete proto.checkVisibility;
      }
    };
    const rowsOf = (list: Element) => [...list.querySelectorAll<HTMLElement>('[role="article"]')];
    for (const n of [50, 400]) {
      // 20 new threads: their rows are asked, none of the page's others.
      expect(checksAfter(n, appendThreads(n)).calls).toBe(20 + replies(n, n + 20));
      // Text edited inside 20 rows: a change inside a row does not change whether it is rendered.
      const edited = checksAfter(n, (_doc, list) => {
        for (const row of rowsOf(list).slice(0, 20)) row.querySelector('[dir="auto"]')!.append(' (edited)');
      });
      expect(edited.calls).toBe(0);
      expect(edited.read.comments.length).toBeGreaterThanOrEqual(20);
      // A row put back hidden (Facebook's hidden copies) is asked again, and leaves the conversation.
      const hidden = checksAfter(n, (_doc, list) => {
        const row = rowsOf(list)[3]!;
        row.style.display = 'none';
        row.parentElement!.append(row);
      });
      expect(hidden.calls).toBe(1);
      expect(hidden.read.delta?.readable).toBe(n + replies(0, n) - 1);
    }
  }, 120_000);

  it('a reply added inside its parent’s element re-reads the parent, and the control after it', () => {
    const { doc } = bigPage(30);
    const adapter = createFacebookAdapter();
    adapter.read(doc, URL_POST);
    const observer = new MutationObserver(() => undefined);
    observer.observe(doc.documentElement, OBSERVED);
    const parent = [...doc.querySelectorAll('[role="article"]')].find((a) =>
      a.querySelector('a[href*="comment_id=10007&"]'),
    )!;
    const reply = parse(
      articleHtml({ id: '777', ...PEOPLE[1]!, text: 'nested in the parent', ago: '1 hour', root: '10007' }),
    ).querySelector('[role="article"]')!;
    parent.append(reply);
    const changed = changeSet();
    for (const record of observer.takeRecords()) noteChange(record, changed);
    observer.disconnect();
    const read = adapter.read(doc, URL_POST, changed);
    expect(adapter.work.rows).toBe(2);
    expect(read.comments.map((c) => c.comment.id)).toContain('777');
    const full = createFacebookAdapter().read(doc, URL_POST);
    expect(read.candidates).toBe(full.candidates);
    expect(read.collapsed.map((c) => [c.label, c.parentId])).toEqual(full.collapsed.map((c) => [c.label, c.parentId]));
  });
});
