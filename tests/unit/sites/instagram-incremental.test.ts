// The Instagram adapter reads only what changed (#9, #10): after any sequence of changes a page goes through, read
// batch by batch from the nodes the DOM watcher names, it says exactly what a fresh read of the same page says
// (comments, threads, hidden parts, candidates, problems), so health can never claim "all answered" from a partial
// read. And the work of a batch follows what changed, not the size of the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSet, noteChange, OBSERVED } from '../../../utils/overlay/dom-watcher';
import { createInstagramAdapter } from '../../../utils/sites/instagram';
import { ConversationReader } from '../../../utils/sites/instagram/read';
import type { PageRead, ReadComment } from '../../../utils/sites/types';
import { combinatorQueries } from './combinator-queries';
import { applyOp, fuzzSeed, type Op, opArb, parse, realHtml, runsOr } from './fuzz/harness';

const own = (name: string) => readFileSync(path.join(import.meta.dirname, 'instagram-fixtures', name), 'utf8');

function pageAround(fragment: string): string {
  return (
    `<html><body><div role="navigation"><a href="/cm.account/"><img alt=""><span>Profile</span></a></div>` +
    `<main role="main"><header><a href="/brand.account/"><img alt=""></a><a href="/brand.account/">brand.account</a>` +
    `<div role="button">Follow</div></header><div class="comments">${fragment}</div>` +
    `<section><form><textarea aria-label="Ajouter un commentaire…"></textarea>` +
    `<div role="button" aria-disabled="true">Publier</div></form></section></main></body></html>`
  );
}

/** A growing list as the bench page builds it: threads of one row, every 5th with a reply of the brand. */
function generated(threads: number, code = 'GENpost1'): string {
  const row = (id: number, handle: string, text: string) =>
    `<div class="row"><span><div><a href="/${handle}/"><img alt=""></a></div></span><div class="body">` +
    `<div class="line"><span><a href="/${handle}/"><span>${handle}</span></a></span>` +
    `<a href="/p/${code}/c/${id}/"><time datetime="2026-11-30T10:${String(id % 60).padStart(2, '0')}:00.000Z">1h</time></a></div>` +
    `<div class="text"><span>${text}</span></div><div class="acts"><div role="button"><span>Reply</span></div></div></div></div>`;
  let list = '';
  for (let i = 0; i < threads; i++) {
    const top = row(1000 + i * 2, `customer${i}`, `Question ${i}`);
    const reply = i % 5 === 4 ? `<div class="replies">${row(1001 + i * 2, 'brand.account', 'Thanks!')}</div>` : '';
    list += `<div class="thread">${top}${reply}</div>`;
  }
  return (
    `<html><body><nav><a href="/brand.account/"><img alt=""></a></nav><main role="main"><div class="post">` +
    `<header><span><div><a href="/brand.account/"><img alt=""></a></div></span><a href="/brand.account/">brand.account</a></header>` +
    `<div class="caption"><a href="/p/${code}/"><time datetime="2026-11-30T06:00:00.000Z">6h</time></a></div>` +
    `<div class="comments">${list}</div></div></main></body></html>`
  );
}

/**
 * The thread capture's post open as a dialog over the feed, which shows it among other posts: taking the dialog apart
 * leaves a feed that is no post's conversation (#9).
 */
function dialogOverFeed(): string {
  const card = (owner: string, code: string) =>
    `<article><header><a href="/${owner}/"><img alt=""></a><a href="/${owner}/">${owner}</a></header>` +
    `<a href="/p/${code}/"><time datetime="2026-03-19T09:00:00.000Z">9 sem</time></a></article>`;
  const feed = card('brand.account', 'DWD5jrEoGa8') + card('someone.else', 'OTHERpost1');
  return pageAround(realHtml('instagram-comment-thread-2026-03.html')).replace(
    /<main role="main">([\s\S]*)<\/main>/,
    (_all, post: string) => `<main role="main">${feed}</main><div role="dialog">${post}</div>`,
  );
}

interface PageSeed {
  name: string;
  html: () => string;
  url: URL;
}

const SEEDS: PageSeed[] = [
  {
    name: 'thread capture',
    html: () => pageAround(realHtml('instagram-comment-thread-2026-03.html')),
    url: new URL('https://www.instagram.com/p/DWD5jrEoGa8/'),
  },
  {
    name: 'row, image and placeholder captures',
    html: () =>
      pageAround(
        realHtml('instagram-facebook-comments-placeholder-fr-2026.html') +
          realHtml('instagram-comment-row-2025-10.html') +
          realHtml('instagram-comment-image-fr-2026.html'),
      ),
    url: new URL('https://www.instagram.com/p/DPPr8SID-Dd/'),
  },
  {
    name: 'post page fixture',
    html: () => own('instagram-post-page.html'),
    url: new URL('https://www.instagram.com/p/DEMOpost1/'),
  },
  {
    name: 'dialog over profile fixture',
    html: () => own('instagram-dialog-over-profile.html'),
    url: new URL('https://www.instagram.com/p/DEMOpost2/'),
  },
  {
    name: 'reel fixture',
    html: () => own('instagram-reel.html'),
    url: new URL('https://www.instagram.com/reel/DEMOreel1/'),
  },
  { name: 'generated page', html: () => generated(12), url: new URL('https://www.instagram.com/p/GENpost1/') },
  {
    name: 'dialog over the feed',
    html: dialogOverFeed,
    url: new URL('https://www.instagram.com/p/DWD5jrEoGa8/'),
  },
];

/** Everything a read says, with elements named by their place in the page so two reads compare. */
function summary(read: PageRead, comments: readonly ReadComment[], doc: Document) {
  const all = [...doc.querySelectorAll('*')];
  const at = (el: Element) => all.indexOf(el);
  const sorted = [...comments].sort((a, b) => at(a.element) - at(b.element));
  return {
    post: read.post,
    actingHandle: read.actingHandle,
    readable: read.delta ? read.delta.readable : read.comments.length,
    comments: sorted.map(({ comment: c, element }) => ({
      id: c.id,
      parentId: c.parentId ?? null,
      threadKey: c.threadKey,
      author: c.author.handle,
      text: c.text,
      postedAt: c.postedAt,
      element: at(element),
    })),
    collapsed: read.collapsed.map((p) => ({
      kind: p.kind,
      label: p.label,
      parentId: p.parentId ?? null,
      element: at(p.element),
    })),
    candidates: read.candidates,
    problems: read.problems,
  };
}

/** Page changes the adapter must follow: the fuzzer's mutations and Instagram's own (threads and replies arriving). */
type Change =
  | { kind: 'fuzz'; op: Op }
  | { kind: 'clone'; at: number; where: number; freshIds: boolean }
  | { kind: 'text'; at: number }
  | { kind: 'control'; at: number; label: number };

const nat = fc.nat({ max: 1_000_000 });
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  {
    arbitrary: opArb
      .filter((op) => op.kind !== 'huge-text' && op.kind !== 'nest')
      .map((op) => ({ kind: 'fuzz' as const, op })),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('clone' as const), at: nat, where: nat, freshIds: fc.boolean() }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('text' as const), at: nat }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('control' as const), at: nat, label: nat }), weight: 1 },
);

let nextId = 19_000_000_000_000_000n;

/** Applies one change to the page in place (nothing is undone: the next change builds on it). */
function change(doc: Document, rows: Element[], c: Change): void {
  const all = [...doc.querySelectorAll('main *, [role="dialog"] *')];
  if (c.kind === 'fuzz') {
    applyOp(doc, all, rows, c.op, []);
    return;
  }
  const el = all[c.at % Math.max(1, all.length)];
  if (!el?.parentNode) return;
  if (c.kind === 'clone') {
    // A block holding comments, copied in beside itself or at the end of its list (with new ids, or the same).
    const block = el.closest('div, li, ul') ?? el;
    const copy = block.cloneNode(true) as Element;
    if (c.freshIds) {
      for (const link of copy.querySelectorAll('a[href*="/c/"]')) {
        const href = link.getAttribute('href') ?? '';
        link.setAttribute(
          'href',
          href.replace(/\/c\/\d+\/(?:r\/\d+\/)?/, () => `/c/${nextId++}/`),
        );
      }
    }
    const parent = block.parentNode as Node;
    if (c.where % 2) parent.insertBefore(copy, block.nextSibling);
    else parent.appendChild(copy);
  } else if (c.kind === 'text') {
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text | null;
    if (text) text.data = `${text.data} (edited)`;
    else el.append(doc.createTextNode('new words'));
  } else {
    const labels = ['View replies (3)', 'Afficher plus de réponses', 'Hide all replies', ''];
    const control = doc.createElement('div');
    control.setAttribute('role', 'button');
    const label = labels[c.label % labels.length] as string;
    if (label) control.textContent = label;
    else {
      const icon = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
      icon.setAttribute('aria-label', 'Load more comments');
      control.append(icon);
    }
    el.parentNode.insertBefore(control, c.label % 3 ? el.nextSibling : el);
  }
}

/**
 * Applies the batches to a fresh copy of seed page `seedIndex`, reading batch by batch from the nodes the DOM watcher
 * would name, and checks each read against a fresh read of the same page.
 */
function checkSequence(seedIndex: number, batches: Change[][]): void {
  const seed = SEEDS[seedIndex] as PageSeed;
  const doc = parse(seed.html());
  const adapter = createInstagramAdapter();
  let read = adapter.read(doc, seed.url);
  // What the overlay knows: the full read, then each delta applied to it.
  const shown = new Map<Element, ReadComment>(read.comments.map((c) => [c.element, c]));
  const Observer = (doc.defaultView as unknown as typeof globalThis).MutationObserver;
  const observer = new Observer(() => {});
  observer.observe(doc.documentElement, OBSERVED);
  // The watcher does not see every attribute (a role, a label): such a change is put back, so the page stays one
  // the overlay could know.
  const blind = new Observer(() => {});
  blind.observe(doc.documentElement, { attributes: true, subtree: true, attributeOldValue: true });
  const seen = new Set(OBSERVED.attributeFilter);
  for (const batch of batches) {
    for (const c of batch) {
      change(
        doc,
        read.comments.map((r) => r.element),
        c,
      );
      for (const record of blind.takeRecords().reverse()) {
        const name = record.attributeName as string;
        if (seen.has(name)) continue;
        const el = record.target as Element;
        if (record.oldValue === null) el.removeAttribute(name);
        else el.setAttribute(name, record.oldValue);
      }
      blind.takeRecords();
    }
    // As the overlay's watcher hands it: what was added, and what something was taken from.
    const changed = changeSet();
    for (const record of observer.takeRecords()) noteChange(record, changed);
    read = adapter.read(doc, seed.url, changed);
    if (!read.delta) shown.clear();
    for (const element of read.delta?.released ?? []) {
      expect(shown.has(element)).toBe(true);
      shown.delete(element);
    }
    for (const c of read.comments) shown.set(c.element, c);
    const fresh = createInstagramAdapter().read(doc, seed.url);
    expect(fresh.delta).toBeUndefined();
    expect(summary(read, [...shown.values()], doc)).toEqual(summary(fresh, fresh.comments, doc));
    expect(shown.size).toBe(read.delta ? read.delta.readable : read.comments.length);
  }
  observer.disconnect();
  blind.disconnect();
}

const fuzz = (op: Op): Change => ({ kind: 'fuzz', op });

describe('the Instagram adapter reads only what changed', () => {
  it('after any sequence of changes, batch by batch, it says what a fresh read of the page says', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        checkSequence,
      ),
      { numRuns: runsOr(40), seed: fuzzSeed() },
    );
  }, 600_000);

  // Counterexamples other seeds found (RR_FUZZ_SEED=777 RR_FUZZ_RUNS=150), kept so they stay fixed.
  const REGRESSIONS: Array<{ name: string; seed: number; batches: Change[][] }> = [
    {
      // The caption's profile picture was judged "not a row" (its time links the post); when the link stopped
      // naming the post it was not judged again: 4 candidates instead of 5, a missed comment.
      name: 'a caption whose time link stops naming the post becomes a row without a timestamp (it is judged again)',
      seed: 4,
      batches: [[fuzz({ kind: 'href', at: 623680, value: 8521 })], [fuzz({ kind: 'datetime', at: 0, value: 0 })]],
    },
    {
      // A comment's own picture removed: its row grows around a row without a timestamp, which stops counting.
      name: 'a row that grows around a row without a timestamp swallows it',
      seed: 1,
      batches: [
        [fuzz({ kind: 'remove-node', at: 787970 }), { kind: 'text', at: 0 }],
        [{ kind: 'control', at: 0, label: 0 }],
      ],
    },
    {
      // A copy's time link turned into a profile link: the comment it copied has its row grow back.
      name: 'a time whose link stops being a comment link is read again, and so is the row it held back',
      seed: 1,
      batches: [
        [
          { kind: 'clone', at: 306859, where: 0, freshIds: false },
          { kind: 'clone', at: 184389, where: 0, freshIds: false },
        ],
        [fuzz({ kind: 'dup-id', at: 185809, other: 0 }), { kind: 'text', at: 0 }],
        [{ kind: 'control', at: 0, label: 0 }],
      ],
    },
    {
      // A reply moved above its parent in a batch that also touched the reply's row: the thread is read again.
      name: 'a row moved in a batch where another change already named it restructures the thread',
      seed: 2,
      batches: [
        [{ kind: 'clone', at: 658215, where: 0, freshIds: false }, fuzz({ kind: 'move-row', at: 1563, other: 0 })],
      ],
    },
    {
      // A time that lost its datetime is no comment time for a fresh read: read again, it is none either (a row
      // without a timestamp), not a comment with a time Reply Radar cannot read.
      name: 'a comment time that loses its datetime stops being a comment time',
      seed: 5,
      batches: [[fuzz({ kind: 'remove-attr', at: 973865, attr: 0 })], [fuzz({ kind: 'dup-id', at: 0, other: 0 })]],
    },
    {
      // The first comment of the list became readable again: the rows after it in its blocks are threaded under it
      // (a change to a timestamp counts the timestamp itself as "at or after" the change).
      name: 'a first comment readable again takes back the replies below it',
      seed: 4,
      batches: [
        [
          fuzz({ kind: 'datetime', at: 467797, value: 755974 }),
          { kind: 'clone', at: 834429, where: 526691, freshIds: true },
        ],
        [fuzz({ kind: 'datetime', at: 543327, value: 101961 })],
      ],
    },
  ];
  for (const { name, seed, batches } of REGRESSIONS) it(name, () => checkSequence(seed, batches));

  it('a batch of 20 new threads costs the same work at 60 and at 600 threads (what it looks at, rows it parses)', () => {
    const workOf = (threads: number) => {
      const doc = parse(generated(threads));
      const scope = doc.querySelector('main') as Element;
      const base = new URL('https://www.instagram.com/p/GENpost1/');
      const reader = new ConversationReader();
      const first = reader.read(scope, 'GENpost1', base, null);
      const list = doc.querySelector('.comments') as Element;
      const more = parse(generated(threads + 20)).querySelectorAll('.thread');
      const added: Node[] = [];
      for (const thread of [...more].slice(threads)) added.push(list.appendChild(doc.importNode(thread, true)));
      const after = reader.read(scope, 'GENpost1', base, new Set(added), null, true);
      // 20 threads, 4 of them with the brand's reply: the delta names them and nothing else.
      expect(after.comments).toHaveLength(24);
      expect(after.delta).toEqual({ released: [], readable: first.comments.length + 24 });
      return reader.work;
    };
    const small = workOf(60);
    const large = workOf(600);
    expect(small.parsed).toBe(24);
    expect(large).toEqual(small);
  }, 120_000);

  it('a batch of 20 new threads queries nothing with a combinator (Chrome scans the page for those), at 60 and 600', () => {
    const queriesOf = (threads: number) => {
      const doc = parse(generated(threads));
      const url = new URL('https://www.instagram.com/p/GENpost1/');
      const adapter = createInstagramAdapter();
      adapter.read(doc, url);
      const observer = new MutationObserver(() => undefined);
      observer.observe(doc.documentElement, OBSERVED);
      const list = doc.querySelector('.comments') as Element;
      const more = [...parse(generated(threads + 20)).querySelectorAll('.thread')].slice(threads);
      for (const thread of more) list.appendChild(doc.importNode(thread, true));
      const changed = changeSet();
      for (const record of observer.takeRecords()) noteChange(record, changed);
      observer.disconnect();
      const { result, selectors } = combinatorQueries(() => adapter.read(doc, url, changed));
      expect(result.delta).toBeDefined();
      expect(result.comments).toHaveLength(24);
      return selectors;
    };
    expect(queriesOf(60)).toEqual([]);
    expect(queriesOf(600)).toEqual([]);
  }, 120_000);
});
