// A generated X conversation: the markup the X adapter reads (the data-testids and structure of
// tests/e2e/fixtures/src/x, without React, so the page itself costs little and what the extension adds stands out),
// as X's recycled virtual list: only rows near the viewport are mounted, row elements are reused for other statuses
// as you scroll, new replies arrive at the top of the conversation. `?n=2000`.
import { BRAND, COUNT, el, install, noteInserted, sink, words } from './common';

const ROW_HEIGHT = 120;
const OVERSCAN = 600;
const TWEPOCH = 1288834974657n;
const NOW = Date.now();

interface Status {
  id: string;
  handle: string;
  name: string;
  text: string;
  at: number;
}

let seq = 0;
function snowflake(ms: number): string {
  seq = (seq + 1) % 4096;
  return ((BigInt(Math.floor(ms)) - TWEPOCH) * 4194304n + BigInt(seq)).toString();
}

function makeStatus(i: number, at: number): Status {
  // A brand reply every 25th row, so classification has threads to look at; the rest are customers.
  const brand = i % 25 === 24;
  const handle = brand ? BRAND : `customer${i}`;
  return { id: snowflake(at), handle, name: brand ? 'Acme Coffee' : `Customer ${i}`, text: words(i), at };
}

// The post id comes from the address (the runner picks it), so the adapter finds the focused post.
const post: Status = {
  id: /\/status\/(\d+)/.exec(location.pathname)?.[1] ?? snowflake(NOW - 6 * 3600_000),
  handle: BRAND,
  name: 'Acme Coffee',
  text: 'Our winter menu is here.',
  at: NOW - 6 * 3600_000,
};
// Ages from a few seconds to five hours, so the minute clock always has badges whose text changes.
const replies: Status[] = [];
for (let i = 0; i < COUNT; i++)
  replies.push(makeStatus(i, NOW - 5 * 3600_000 + (i * 5 * 3600_000) / Math.max(1, COUNT)));

/** The inside of article[data-testid="tweet"], shaped like X's: header row, name block, time link, text, action bar. */
function articleContent(s: Status): Node {
  const nameBlock = el(
    'div',
    { 'data-testid': 'User-Name' },
    el('a', { href: `/${s.handle}`, role: 'link' }, el('div', { dir: 'ltr' }, el('span', {}, s.name))),
    el('a', { href: `/${s.handle}`, role: 'link', tabindex: '-1' }, el('span', {}, `@${s.handle}`)),
    el('span', {}, '·'),
    el(
      'a',
      { href: `/${s.handle}/status/${s.id}`, role: 'link' },
      el('time', { datetime: new Date(Math.floor(s.at / 1000) * 1000).toISOString() }, '1h'),
    ),
  );
  const body = el(
    'div',
    { class: 'body' },
    nameBlock,
    el('div', { 'data-testid': 'tweetText', lang: 'en', dir: 'auto' }, el('span', {}, s.text)),
    el(
      'div',
      { role: 'group', class: 'bar' },
      el('button', { 'data-testid': 'reply', type: 'button' }, 'Reply'),
      el('button', { 'data-testid': 'like', type: 'button' }, 'Like'),
    ),
  );
  const avatar = el('div', { 'data-testid': 'Tweet-User-Avatar', class: 'avatar' });
  // article > div > div > div > div (header row): one child, so no thread connector lines.
  return el(
    'div',
    {},
    el('div', {}, el('div', {}, el('div', { class: 'row' }, el('div', { class: 'cols' }, avatar, body)))),
  );
}

document.head.append(
  el(
    'style',
    {},
    `body{margin:0;font:15px system-ui;background:#fff;color:#0f1419}
  [data-testid=primaryColumn]{width:600px;margin:0 auto;border:1px solid #eee}
  [data-testid=cellInnerDiv]{box-sizing:border-box;border-bottom:1px solid #eee;padding:8px 12px;position:absolute;left:0;right:0;height:${ROW_HEIGHT}px;overflow:hidden}
  .cols{display:flex;gap:8px}.avatar{width:40px;height:40px;border-radius:50%;background:#ccc;flex:none}
  [data-testid=User-Name]{display:flex;gap:4px}[data-testid=User-Name] a{color:inherit;text-decoration:none}
  .bar{display:flex;gap:24px}`,
  ),
);

const nav = el(
  'nav',
  {},
  el(
    'div',
    { 'data-testid': 'SideNav_AccountSwitcher_Button', role: 'button' },
    el('div', { 'data-testid': `UserAvatar-Container-${BRAND}` }),
    el('span', {}, `@${BRAND}`),
  ),
);
const column = el('div', { 'data-testid': 'primaryColumn' });
const timeline = el('div', { 'aria-label': 'Timeline: Conversation' });
timeline.style.position = 'relative';
column.append(el('section', {}, timeline));
document.body.append(nav, column);

interface Slot {
  cell: HTMLElement;
  article: HTMLElement;
  id: string;
}
/** The list shown in order: new replies go to the top, after the focused post (index 0). */
let order: Status[] = replies;
const cells = new Map<number, Slot>();
const free: Slot[] = [];
const mountedNow: string[] = [];

function layout(): void {
  timeline.style.height = `${(order.length + 1) * ROW_HEIGHT}px`;
  const rel = window.scrollY - (timeline.getBoundingClientRect().top + window.scrollY);
  const from = Math.max(0, Math.floor((rel - OVERSCAN) / ROW_HEIGHT));
  const to = Math.min(order.length, Math.ceil((rel + window.innerHeight + OVERSCAN) / ROW_HEIGHT));
  for (const [index, slot] of cells) {
    if (index < from || index > to || slot.id !== (index === 0 ? post.id : order[index - 1]?.id)) {
      cells.delete(index);
      free.push(slot);
    }
  }
  for (let index = from; index <= to; index++) {
    if (cells.has(index)) continue;
    const s = index === 0 ? post : order[index - 1];
    if (!s) continue;
    let slot = free.pop();
    if (!slot) {
      const a = el('article', { 'data-testid': 'tweet', role: 'article' });
      const cell = el('div', { 'data-testid': 'cellInnerDiv' }, a);
      timeline.append(cell);
      slot = { cell, article: a, id: '' };
    }
    // Recycled as X does: the same cell and article now show another status.
    slot.article.setAttribute('tabindex', index === 0 ? '-1' : '0');
    slot.article.replaceChildren(articleContent(s));
    slot.cell.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    slot.id = s.id;
    cells.set(index, slot);
    if (index > 0) mountedNow.push(`x:${s.id}`);
  }
  noteInserted(mountedNow.splice(0));
  for (const slot of free.splice(0)) slot.cell.remove();
}

layout();
let frame = 0;
window.addEventListener(
  'scroll',
  () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(layout);
  },
  { passive: true },
);

let next = COUNT;
install('x', {
  addBatch(size) {
    const batch: Status[] = [];
    for (let i = 0; i < size; i++) batch.push(makeStatus(next++, Date.now() - 1000));
    const ids = batch.map((s) => `x:${s.id}`);
    order = [...batch.reverse(), ...order];
    layout();
    return ids;
  },
  baselinePass() {
    const t = performance.now();
    let n = 0;
    for (const a of document.querySelectorAll('article[data-testid="tweet"]')) {
      const time = a.querySelector('time');
      n += (time?.parentElement?.getAttribute('href') ?? '').length + (time?.getAttribute('datetime') ?? '').length;
      n += (a.querySelector('[data-testid="User-Name"]')?.textContent ?? '').length;
      n += (a.querySelector('[data-testid="tweetText"]')?.textContent ?? '').length;
    }
    sink(n);
    return performance.now() - t;
  },
  *mounted() {
    for (const [index, slot] of cells) if (index > 0) yield `x:${slot.id}`;
  },
});
