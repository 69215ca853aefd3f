// A generated Instagram post page (`/p/<code>/`): the markup the Instagram adapter reads (profile links around
// pictures, `/p/<code>/c/<id>/` time links with absolute `time[datetime]`, replies by nesting, as in
// tests/e2e/fixtures/src/instagram, without React) as a growing list: every loaded comment stays in the DOM and new
// ones are appended. Every 25th thread has a reply of the brand.
import { BRAND, COUNT, el, install, noteInserted, sink, words } from './common';

const CODE = /\/p\/([A-Za-z0-9_-]+)/.exec(location.pathname)?.[1] ?? 'BENCHpost1';
const NOW = Date.now();
// Below 2^53, so the ids count up exactly.
let nextId = 1_780_000_000_000_000;

interface Ig {
  id: string;
  handle: string;
  text: string;
  at: number;
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

function avatar(handle: string): HTMLElement {
  return el(
    'span',
    {},
    el(
      'div',
      {},
      el(
        'a',
        { href: `/${handle}/`, role: 'link', tabindex: '0', class: 'av' },
        el('img', { alt: `${handle}'s profile picture`, draggable: 'false' }),
      ),
    ),
  );
}

function row(c: Ig): HTMLElement {
  return el(
    'div',
    { class: 'row' },
    avatar(c.handle),
    el(
      'div',
      { class: 'body' },
      el(
        'div',
        { class: 'line' },
        el(
          'span',
          {},
          el('a', { href: `/${c.handle}/`, role: 'link', tabindex: '0' }, el('span', { dir: 'auto' }, c.handle)),
        ),
        el(
          'a',
          { href: `/p/${CODE}/c/${c.id}/`, role: 'link', tabindex: '0' },
          el('time', { datetime: iso(c.at) }, '1h'),
        ),
      ),
      el('div', { class: 'text' }, el('span', { dir: 'auto' }, c.text)),
      el('div', { class: 'acts' }, el('div', { role: 'button', tabindex: '0' }, el('span', {}, 'Reply'))),
    ),
  );
}

function thread(i: number, at: number): { block: HTMLElement; ids: string[] } {
  const top: Ig = { id: String(nextId++), handle: `customer${i}`, text: words(i), at };
  const block = el('div', { class: 'thread' }, row(top));
  const ids = [`instagram:${top.id}`];
  if (i % 25 === 24) {
    const reply: Ig = { id: String(nextId++), handle: BRAND, text: 'Thanks, we are on it!', at: at + 60_000 };
    block.append(el('div', { class: 'replies' }, row(reply)));
    ids.push(`instagram:${reply.id}`);
  }
  return { block, ids };
}

document.head.append(
  el(
    'style',
    {},
    `body{margin:0;font:14px system-ui;background:#fff;color:#000;display:flex}
  nav{width:72px}main{width:600px;margin:0 auto}.row{display:flex;gap:12px;padding:8px 0}
  .av img{width:32px;height:32px;border-radius:50%;background:#ccc;display:block}.line{display:flex;gap:6px}
  .replies{padding-left:44px}a{color:inherit;text-decoration:none}.acts{font-size:12px;color:#737373}`,
  ),
);

const list = el('div', { class: 'comments' });
document.body.append(
  el(
    'nav',
    { role: 'navigation' },
    el('a', { href: `/${BRAND}/`, role: 'link' }, el('img', { alt: `${BRAND}'s profile picture` })),
  ),
  el(
    'main',
    { role: 'main' },
    el(
      'div',
      { class: 'post' },
      el('header', {}, avatar(BRAND), el('a', { href: `/${BRAND}/`, role: 'link' }, el('span', {}, BRAND))),
      el(
        'div',
        { class: 'caption' },
        el('span', {}, 'Our winter menu is here.'),
        el('a', { href: `/p/${CODE}/` }, el('time', { datetime: iso(NOW - 6 * 3600_000) }, '6h')),
      ),
      list,
    ),
  ),
);

const mountedIds: string[] = [];
const frag = document.createDocumentFragment();
for (let i = 0; i < COUNT; i++) {
  const t = thread(i, NOW - 5 * 3600_000 + (i * 5 * 3600_000) / Math.max(1, COUNT));
  frag.append(t.block);
  mountedIds.push(...t.ids);
}
list.append(frag);

let next = COUNT;
install('instagram', {
  addBatch(size) {
    const batch = document.createDocumentFragment();
    const ids: string[] = [];
    for (let i = 0; i < size; i++) {
      const t = thread(next++ * 25, Date.now() - 30_000); // never a brand reply: 20 new customer comments
      batch.append(t.block);
      ids.push(...t.ids);
    }
    noteInserted(ids);
    list.append(batch);
    mountedIds.push(...ids);
    return ids;
  },
  baselinePass() {
    const t = performance.now();
    let n = 0;
    for (const time of document.querySelectorAll('a[href*="/c/"] time[datetime]')) {
      const link = time.parentElement;
      n += (link?.getAttribute('href') ?? '').length + (time.getAttribute('datetime') ?? '').length;
      const line = link?.parentElement;
      n += (line?.querySelector('a')?.getAttribute('href') ?? '').length;
      n += (line?.nextElementSibling?.textContent ?? '').length;
    }
    sink(n);
    return performance.now() - t;
  },
  mounted: () => mountedIds,
});
