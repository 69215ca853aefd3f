// A generated Facebook post page (`/acmecoffee/posts/<id>`): the markup the Facebook adapter reads (the roles,
// comment_id / reply_comment_id links and structure of tests/e2e/fixtures/src/facebook, without React) as a growing
// list: every loaded comment stays in the DOM and new ones are appended. Every 25th thread has a reply of the Page.
import { BRAND, COUNT, el, install, noteInserted, sink, words } from './common';

const ORIGIN = location.origin;
const POST_ID = /\/posts\/(\d+)/.exec(location.pathname)?.[1] ?? '1000000000001';
const PERMALINK = `${ORIGIN}/${BRAND}/posts/${POST_ID}`;
const NOW = Date.now();
let nextId = 4_000_000_000_000_000;

interface Fb {
  id: string;
  handle: string;
  name: string;
  text: string;
  ago: { short: string; long: string };
}

function ago(ms: number): { short: string; long: string } {
  const m = Math.max(1, Math.floor(ms / 60_000));
  if (m < 60) return { short: `${m}m`, long: `${m} minute${m === 1 ? '' : 's'} ago` };
  const h = Math.floor(m / 60);
  return { short: `${h}h`, long: `${h} hour${h === 1 ? '' : 's'} ago` };
}

function make(i: number, at: number, brand = false): Fb {
  return {
    id: String(nextId++),
    handle: brand ? BRAND : `customer${i}`,
    name: brand ? 'Acme Coffee' : `Customer ${i}`,
    text: words(i),
    ago: ago(NOW - at),
  };
}

function article(c: Fb, root: Fb | null): HTMLElement {
  const ids = root ? `comment_id=${root.id}&reply_comment_id=${c.id}` : `comment_id=${c.id}`;
  const track = `__cft__[0]=AZ${c.id}x&__tn__=R]-R`;
  const profile = `${ORIGIN}/${c.handle}?${ids}&${track}`;
  const label = root
    ? `Reply by ${c.name} to ${root.name}'s comment ${c.ago.long}`
    : `Comment by ${c.name} ${c.ago.long}`;
  return el(
    'div',
    { role: 'article', 'aria-label': label, tabindex: '-1', class: 'c' },
    el(
      'div',
      { class: 'av' },
      el('a', { 'aria-hidden': 'true', href: profile, role: 'link', tabindex: '-1' }, el('div', { class: 'pic' })),
    ),
    el(
      'div',
      { class: 'b' },
      el(
        'div',
        { class: 'bubble' },
        el('span', {}, el('a', { href: profile, role: 'link', tabindex: '0' }, el('span', {}, el('span', {}, c.name)))),
        el('div', {}, el('span', { lang: 'en', dir: 'auto' }, el('div', {}, el('div', { dir: 'auto' }, c.text)))),
      ),
      el(
        'div',
        { class: 'acts' },
        el(
          'ul',
          {},
          el(
            'li',
            {},
            el('a', { href: `${PERMALINK}?${ids}&${track}`, role: 'link', tabindex: '0' }, el('span', {}, c.ago.short)),
          ),
          el('li', {}, el('div', { 'aria-label': 'Like', role: 'button', tabindex: '0' }, 'Like')),
          el('li', {}, el('div', { role: 'button', tabindex: '0' }, 'Reply')),
        ),
      ),
    ),
  );
}

/** One thread's `li`: the top comment, and the Page's reply nested under it on every 25th thread. */
function thread(i: number, at: number): { li: HTMLElement; ids: string[]; articles: HTMLElement[] } {
  const root = make(i, at);
  const a = article(root, null);
  const li = el('li', {}, el('div', {}, a));
  const ids = [`facebook:${root.id}`];
  const articles = [a];
  if (i % 25 === 24) {
    const reply = make(i, at + 60_000, true);
    const r = article(reply, root);
    li.append(el('div', { class: 'replies' }, el('ul', {}, el('li', {}, el('div', {}, r)))));
    ids.push(`facebook:${reply.id}`);
    articles.push(r);
  }
  return { li, ids, articles };
}

document.documentElement.setAttribute('lang', 'en');
document.head.append(
  el(
    'style',
    {},
    `body{margin:0;font:15px system-ui;background:#f0f2f5;color:#050505}
  [role=main]{width:680px;margin:0 auto;background:#fff;padding:12px}
  ul{list-style:none;margin:0;padding:0}.c{display:flex;gap:6px;padding:4px 0}.pic{width:32px;height:32px;border-radius:50%;background:#ccc}
  .bubble{background:#f0f2f5;border-radius:18px;padding:8px 12px}.acts ul{display:flex;gap:12px;font-size:12px}
  .replies{padding-left:40px}a{color:inherit;text-decoration:none}`,
  ),
);

const list = el('ul', {});
const main = el(
  'div',
  { role: 'main' },
  el(
    'div',
    { class: 'post' },
    el(
      'div',
      { 'data-ad-rendering-role': 'profile_name' },
      el('h2', {}, el('a', { href: `${ORIGIN}/${BRAND}`, role: 'link' }, el('strong', {}, 'Acme Coffee'))),
    ),
    el('div', { dir: 'auto' }, 'Our winter menu is here.'),
  ),
  el('div', { class: 'comments' }, list),
);
document.body.append(main);

const mountedIds: string[] = [];
const frag = document.createDocumentFragment();
for (let i = 0; i < COUNT; i++) {
  const t = thread(i, NOW - 5 * 3600_000 + (i * 5 * 3600_000) / Math.max(1, COUNT));
  frag.append(t.li);
  mountedIds.push(...t.ids);
}
list.append(frag);

let next = COUNT;
install('facebook', {
  addBatch(size) {
    const batch = document.createDocumentFragment();
    const ids: string[] = [];
    for (let i = 0; i < size; i++) {
      const t = thread(next++ * 25, Date.now() - 30_000); // never a Page reply: 20 new customer comments
      batch.append(t.li);
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
    for (const a of document.querySelectorAll('[role="article"]')) {
      const links = a.querySelectorAll('a[href*="comment_id="]');
      for (const link of links) n += (link.getAttribute('href') ?? '').length;
      n += (a.getAttribute('aria-label') ?? '').length;
      n += (a.querySelector('[lang]')?.textContent ?? '').length;
    }
    sink(n);
    return performance.now() - t;
  },
  mounted: () => mountedIds,
});
