// A post opened as a dialog over the feed, and the dialog closing while the address still names the post (Instagram
// changes the address a moment later, or not at all when the page's own history is odd): the feed under it shows this
// post among others, with a preview of its comments. Nothing of the feed may be read as the post's conversation: the
// read has no post, and the panel says the post could not be read rather than "all answered".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteChange, OBSERVED } from '../../../utils/overlay/dom-watcher';
import { createInstagramAdapter } from '../../../utils/sites/instagram';
import type { PageRead } from '../../../utils/sites/types';
import { parse, viewOf } from './fuzz/harness';
import { REAL_CAPTURES } from './real-captures';

const CODE = 'DWD5jrEoGa8';
const ADDRESS = new URL(`https://www.instagram.com/p/${CODE}/`);
const BRAND = ['brand.account'];
const thread = readFileSync(path.join(REAL_CAPTURES, 'instagram-comment-thread-2026-03.html'), 'utf8');

/** A feed card: header, picture, a preview comment (linked to its permalink, as a comment row is), the post's time. */
const feedPost = (owner: string, code: string, commenter: string) =>
  `<article><header><a href="/${owner}/"><img alt=""></a><a href="/${owner}/">${owner}</a></header>` +
  `<div><img alt=""></div><div><span><div><a href="/${commenter}/"><img alt=""></a></div></span>` +
  `<a href="/${commenter}/">${commenter}</a><span>Where can I buy this?</span>` +
  `<a href="/p/${code}/c/18000000000000001/"><time datetime="2026-03-20T09:00:00.000Z">1 j</time></a>` +
  `<div role="button">Répondre</div></div>` +
  `<a href="/p/${code}/"><time datetime="2026-03-19T09:00:00.000Z">9 sem</time></a></article>`;

/** The feed (this post's card first, then another account's), with this post open as a dialog over it. */
const feedWithDialog = () =>
  parse(
    `<html><body><div role="navigation"><a href="/cm.account/"><img alt=""></a></div><main role="main">` +
      `${feedPost('brand.account', CODE, 'a.customer')}${feedPost('someone.else', 'OTHERpost1', 'b.customer')}</main>` +
      `<div role="dialog"><article><header><a href="/brand.account/"><img alt=""></a>` +
      `<a href="/brand.account/">brand.account</a></header>` +
      `<div><a href="/p/${CODE}/"><time datetime="2026-03-19T09:00:00.000Z">9 sem</time></a></div>` +
      `<div class="comments">${thread}</div></article></div></body></html>`,
  );

/** Reads `doc` again after `mutate`, from the nodes the DOM watcher names, as the overlay does. */
function readAfter(doc: Document, adapter: ReturnType<typeof createInstagramAdapter>, mutate: () => void): PageRead {
  const observer = new (doc.defaultView as unknown as typeof globalThis).MutationObserver(() => {});
  observer.observe(doc.documentElement, OBSERVED);
  mutate();
  const changed = new Set<Node>();
  for (const record of observer.takeRecords()) noteChange(record, changed);
  observer.disconnect();
  return adapter.read(doc, ADDRESS, changed);
}

describe('a post dialog closing over the feed', () => {
  it('while open, the dialog is the post: its 15 comments, its owner', () => {
    const read = createInstagramAdapter().read(feedWithDialog(), ADDRESS);
    expect(read.post?.author.handle).toBe('brand.account');
    expect(read.comments).toHaveLength(15);
  });

  it('once closed, the feed is not read as the post: no post, no comment, health broken (batch by batch and fresh)', () => {
    const doc = feedWithDialog();
    const adapter = createInstagramAdapter();
    expect(adapter.read(doc, ADDRESS).comments).toHaveLength(15);
    const read = readAfter(doc, adapter, () => doc.querySelector('[role="dialog"]')?.remove());
    const fresh = createInstagramAdapter().read(doc, ADDRESS);
    for (const r of [read, fresh]) {
      expect(r.post).toBeNull();
      expect(r.comments).toEqual([]);
      const view = viewOf(r, 'instagram', BRAND);
      expect(view.health).toBe('broken');
      expect(view.problems).toEqual(['The post on this page could not be read.']);
    }
  });

  it('a post page that gains another post’s time is read again from its header: as a fresh read says', () => {
    // A post page: the card of this post alone (header, a comment, the post's time).
    const doc = feedWithDialog();
    doc.querySelectorAll('main article')[1]?.remove();
    doc.querySelector('[role="dialog"]')?.remove();
    const adapter = createInstagramAdapter();
    expect(adapter.read(doc, ADDRESS).post).not.toBeNull();
    const main = doc.querySelector('main') as Element;
    const card = parse(`<html><body>${feedPost('someone.else', 'OTHERpost1', 'b.customer')}</body></html>`).body;
    const read = readAfter(doc, adapter, () => main.append(doc.importNode(card.firstElementChild as Element, true)));
    expect(read.post).toBeNull();
    expect(createInstagramAdapter().read(doc, ADDRESS).post).toBeNull();
    // And back: the other post goes, this one reads again.
    const again = readAfter(doc, adapter, () => doc.querySelectorAll('main article')[1]?.remove());
    expect(again.post?.author.handle).toBe('brand.account');
    expect(again.comments).toHaveLength(1);
  });
});
