// The X adapter against saved pages: the real capture of a status page's main post, and a conversation page
// shaped like X (x-fixtures/x-conversation.html: threads, quotes, an edited reply, collapsed parts, Discover more).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageRead } from '../../../utils/sites/types';
import {
  connectorLines,
  createXAdapter,
  editorKind,
  focusedEditor,
  matchPostPage,
  readArticle,
  replyTargetHandle,
  snowflakeTime,
  theme,
} from '../../../utils/sites/x';
import { openReply, sendEnabled } from '../../../utils/sites/x/reply-box';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'x-fixtures', name), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

const POST_URL = new URL('https://x.com/acme/status/1981646846161846274');
const REAL_URL = new URL('https://x.com/TestUser123/status/1981398750557065646');

/** The real capture is one cell's content: put it where X puts it (primary column, timeline cell). */
function realPage(): Document {
  const doc = parse(fixture('x-status-main-post-2025-10.html'));
  const column = doc.createElement('div');
  column.setAttribute('data-testid', 'primaryColumn');
  const cell = doc.createElement('div');
  cell.setAttribute('data-testid', 'cellInnerDiv');
  cell.append(...doc.body.childNodes);
  column.append(cell);
  doc.body.append(column);
  return doc;
}

const conversation = () => parse(fixture('x-conversation.html'));
const cells = (doc: Document) => [...doc.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')];
const summary = (read: PageRead) =>
  read.comments.map(
    ({ comment: c }) => `${c.author.handle}${c.parentId ? ` ↳${c.parentId}` : ''} ${c.text.split('\n')[0]}`,
  );

describe('snowflakeTime', () => {
  it('reads the creation time from a status id, to the millisecond', () => {
    // The real capture shows this id with time[datetime] 2025-10-23T16:34:09.000Z (X rounds to the second).
    expect(new Date(snowflakeTime('1981398750557065646')!).toISOString()).toBe('2025-10-23T16:34:09.398Z');
  });

  it('refuses ids that are not snowflakes', () => {
    expect(snowflakeTime('20')).toBeNull(); // a 2006 status id, a plain counter
    expect(snowflakeTime('abc')).toBeNull();
    expect(snowflakeTime('')).toBeNull();
    expect(snowflakeTime('99999999999999999999999')).toBeNull(); // far beyond 2100
  });
});

describe('matchPostPage', () => {
  it.each([
    ['https://x.com/acme/status/1790000000000000001', '1790000000000000001'],
    ['https://twitter.com/Acme/status/1790000000000000001', '1790000000000000001'],
    ['https://x.com/i/web/status/1790000000000000001', '1790000000000000001'],
    ['https://x.com/acme/status/1790000000000000001/photo/1', '1790000000000000001'],
    ['https://x.com/acme/status/1790000000000000001/analytics', '1790000000000000001'],
    ['https://x.com/acme/status/1790000000000000001?s=20', '1790000000000000001'],
  ])('%s is the page of post %s', (url, postId) => {
    expect(matchPostPage(new URL(url))).toEqual({ postId });
  });

  it.each([
    'https://x.com/home',
    'https://x.com/acme',
    'https://x.com/acme/status/',
    'https://x.com/acme/status/12ab',
    'https://x.com/home/status/1790000000000000001',
    'https://example.com/acme/status/1790000000000000001',
  ])('%s is not a post page', (url) => {
    expect(matchPostPage(new URL(url))).toBeNull();
  });
});

describe('the real capture of a status page (October 2025)', () => {
  it('reads the post: author, id, time, text and language', () => {
    const doc = realPage();
    const article = doc.querySelector('article')!;
    const read = readArticle(article, REAL_URL);
    expect(read).toEqual({
      id: '1981398750557065646',
      author: { handle: 'testuser123', displayName: 'Test User Account', profileUrl: 'https://x.com/TestUser123' },
      permalink: 'https://x.com/TestUser123/status/1981398750557065646',
      text: "Democrat Shutdown Jeopardizes America's Skies",
      lang: 'en',
      postedAt: Date.parse('2025-10-23T16:34:09.398Z'),
    });
  });

  it('is a post page with the post and no replies yet', () => {
    const read = createXAdapter().read(realPage(), REAL_URL);
    expect(read.post).toEqual({
      platform: 'x',
      id: '1981398750557065646',
      url: 'https://x.com/TestUser123/status/1981398750557065646',
      author: { handle: 'testuser123', displayName: 'Test User Account', profileUrl: 'https://x.com/TestUser123' },
    });
    expect(read.comments).toEqual([]);
    expect(read.candidates).toBe(0);
    expect(read.problems).toEqual([]);
  });

  it('draws no thread line on the focused post', () => {
    expect(connectorLines(realPage().querySelector('article')!)).toEqual({ above: false, below: false });
  });
});

describe('a conversation page', () => {
  it('reads the brand post and the acting account', () => {
    const read = createXAdapter().read(conversation(), POST_URL);
    expect(read.post).toEqual({
      platform: 'x',
      id: '1981646846161846274',
      url: 'https://x.com/acme/status/1981646846161846274',
      author: { handle: 'acme', displayName: 'Acme Coffee', profileUrl: 'https://x.com/acme' },
    });
    expect(read.actingHandle).toBe('acme');
  });

  it('reads every reply in page order, threads joined to the row above, and nothing from Discover more', () => {
    const read = createXAdapter().read(conversation(), POST_URL);
    expect(summary(read)).toEqual([
      'maria_lopez Pumpkin Spice Mocha Dream! ☕🎃',
      'acme ↳1981661945656246275 Love it, María! It’s on the shortlist 🧡',
      'maria_lopez ↳1981664462238646276 Yay! Will it be in the Budapest store too?',
      'kovacs_anna Mikor lesz kapható Budapesten? Alig várom! 😍',
      'dhaka_brews ঢাকায় কবে আসবে? ☕',
      'sofia_garcia ¿Tendrán una opción sin lactosa?',
      'chris_p Cinnamon Cloud ☁️',
      'nina_writes This is the one 👇',
      'sam_h Will there be a decaf version?',
      'acme ↳1981659429073846284 Yes! Decaf arrives two weeks after launch.',
      'tom_brews Honestly the old autumn blend was better.',
      'jen_k ↳1981329756779446286 Agree, bring back Maple Roast!',
      'tom_brews ↳1981339823109046287 Right?? @acme please bring it back 🙏',
    ]);
    expect(read.comments.map((c) => c.comment.order)).toEqual([...read.comments.keys()]);
    expect(read.candidates).toBe(13);
    expect(read.problems).toEqual([]);
  });

  it('gives a thread the id of its first reply and each direct reply a thread of its own', () => {
    const read = createXAdapter().read(conversation(), POST_URL);
    const byText = (start: string) => read.comments.find((c) => c.comment.text.startsWith(start))!.comment;
    expect(byText('Yay!').threadKey).toBe(byText('Pumpkin').id);
    expect(byText('Love it').threadKey).toBe(byText('Pumpkin').id);
    expect(byText('Pumpkin').parentId).toBeUndefined();
    expect(byText('Pumpkin').threadKey).toBe(byText('Pumpkin').id);
    expect(byText('Mikor').parentId).toBeUndefined();
    expect(byText('Mikor').threadKey).toBe(byText('Mikor').id);
  });

  it('reads authors, emoji from image alts, line breaks and the language', () => {
    const read = createXAdapter().read(conversation(), POST_URL);
    const [maria] = read.comments;
    expect(maria!.comment).toMatchObject({
      platform: 'x',
      id: '1981661945656246275',
      postId: '1981646846161846274',
      author: { handle: 'maria_lopez', displayName: 'María López 🌻', profileUrl: 'https://x.com/maria_lopez' },
      text: 'Pumpkin Spice Mocha Dream! ☕🎃',
      lang: 'en',
      permalink: 'https://x.com/maria_lopez/status/1981661945656246275',
      postedAt: Date.parse('2025-10-24T10:00:00.000Z'),
      postedAtPrecision: 'exact',
    });
    const sofia = read.comments.find((c) => c.comment.author.handle === 'sofia_garcia')!.comment;
    expect(sofia.text).toBe('¿Tendrán una opción sin lactosa?\nMi hermano es intolerante.');
    expect(sofia.lang).toBe('es');
    expect(read.comments.find((c) => c.comment.lang === 'bn')?.comment.author.displayName).toBe('রাহুল দাস');
    // Handles compare lower-cased; the profile link keeps X's spelling.
    const tom = read.comments.find((c) => c.comment.author.handle === 'tom_brews')!.comment;
    expect(tom.author.profileUrl).toBe('https://x.com/Tom_Brews');
  });

  it('marks each reply on its own article', () => {
    const read = createXAdapter().read(conversation(), POST_URL);
    for (const { comment, element } of read.comments) {
      expect(element.matches('article[data-testid="tweet"]')).toBe(true);
      expect(element.querySelector('time')!.closest('a')!.getAttribute('href')).toContain(comment.id);
    }
  });

  it('takes the creation time of an edited reply from its id and the edit time from the page', () => {
    const read = createXAdapter().read(conversation(), POST_URL);
    const edited = read.comments.find((c) => c.comment.author.handle === 'chris_p')!.comment;
    expect(edited.postedAt).toBe(Date.parse('2025-10-24T11:10:00.000Z'));
    expect(edited.editedAt).toBe(Date.parse('2025-10-24T11:20:00.000Z'));
    expect(read.comments.filter((c) => c.comment.editedAt !== undefined)).toHaveLength(1);
  });

  it('reads a quoting reply as itself, not as the post it quotes', () => {
    const doc = conversation();
    const read = createXAdapter().read(doc, POST_URL);
    const nina = read.comments.find((c) => c.comment.author.handle === 'nina_writes')!;
    expect(nina.comment.id).toBe('1981683839923126283');
    expect(nina.comment.text).toBe('This is the one 👇');
    expect(nina.comment.author.displayName).toBe('Nina ✍️');
    // The quote card links its own status (photo) inside the reply.
    expect(nina.element.querySelector('div[role="link"] a[href*="/status/1978732643742646282"]')).not.toBeNull();
  });

  it('reads the focused post’s own time link, not the quote’s status link that comes first', () => {
    const doc = conversation();
    const focused = doc.querySelector('article[tabindex="-1"]')!;
    const links = [...focused.querySelectorAll('a[href*="/status/"]')].map((a) => a.getAttribute('href'));
    expect(links[0]).toBe('/coffee_facts/status/1980182195205046273/photo/1');
    expect(readArticle(focused, POST_URL)).toMatchObject({ id: '1981646846161846274', author: { handle: 'acme' } });
  });

  it('lists the collapsed parts of the conversation with X’s words, and not the reply box', () => {
    const read = createXAdapter().read(conversation(), POST_URL);
    expect(read.collapsed.map(({ kind, label, parentId }) => ({ kind, label, parentId }))).toEqual([
      { kind: 'more-replies', label: 'Show replies', parentId: '1981666978821046285' },
      { kind: 'more-replies', label: 'Show more replies', parentId: undefined },
      { kind: 'spam', label: 'Show probable spam', parentId: undefined },
      {
        kind: 'offensive',
        label: 'Show additional replies, including those that may contain offensive content',
        parentId: undefined,
      },
    ]);
    for (const part of read.collapsed) expect(part.element.matches('button')).toBe(true);
  });

  it('knows collapsed parts in another language by their shape', () => {
    const doc = conversation();
    const button = [...doc.querySelectorAll('button')].find((b) => b.textContent === 'Show probable spam')!;
    button.querySelector('span')!.textContent = 'Valószínűleg kéretlen tartalom megjelenítése';
    const read = createXAdapter().read(doc, POST_URL);
    expect(read.collapsed.map((c) => c.label)).toContain('Valószínűleg kéretlen tartalom megjelenítése');
    expect(read.collapsed.find((c) => c.label.startsWith('Valószínűleg'))?.kind).toBe('more-replies');
  });

  it('ends the conversation at the Discover more heading in any language', () => {
    const doc = conversation();
    const heading = doc.querySelector('[data-testid="cellInnerDiv"] h2')!;
    heading.querySelector('span')!.textContent = 'Továbbiak felfedezése';
    heading.nextElementSibling!.querySelector('span')!.textContent = 'Az X-en innen-onnan';
    const read = createXAdapter().read(doc, POST_URL);
    expect(read.comments.map((c) => c.comment.author.handle)).not.toContain('city_news');
    expect(read.comments.map((c) => c.comment.author.handle)).not.toContain('corner_bakery');
    expect(read.comments).toHaveLength(13);
  });

  it('keeps replies under a probable-spam heading in the conversation', () => {
    const doc = conversation();
    const spamRow = cells(doc).find((c) => c.textContent === 'Show probable spam')!;
    const heading = doc.createElement('h2');
    heading.setAttribute('role', 'heading');
    heading.textContent = 'Probable spam';
    spamRow.replaceChildren(heading);
    const jen = cells(doc).find((c) => c.textContent?.includes('Maple Roast'))!;
    const spamRanked = jen.cloneNode(true) as HTMLElement; // a spam-ranked reply shown below that heading
    spamRanked.querySelector('time')!.closest('a')!.setAttribute('href', '/jen_k/status/1981700000000000001');
    spamRow.after(spamRanked);
    const read = createXAdapter().read(doc, POST_URL);
    expect(read.comments.filter((c) => c.comment.author.handle === 'jen_k')).toHaveLength(2);
    expect(read.comments.map((c) => c.comment.author.handle)).not.toContain('city_news');
  });
});

describe('thread lines', () => {
  const articleBy = (doc: Document, handle: string, nth = 0) =>
    [...doc.querySelectorAll('article')].filter((a) => a.querySelector(`a[href="/${handle}"]`))[nth]!;

  it('finds the line above a reply that answers the row above, and the line below the row it answers', () => {
    const doc = conversation();
    expect(connectorLines(articleBy(doc, 'maria_lopez', 0))).toEqual({ above: false, below: true });
    expect(connectorLines(articleBy(doc, 'acme', 1))).toEqual({ above: true, below: true });
    expect(connectorLines(articleBy(doc, 'maria_lopez', 1))).toEqual({ above: true, below: false });
    expect(connectorLines(articleBy(doc, 'kovacs_anna'))).toEqual({ above: false, below: false });
  });

  it('tells the lines by shape alone when no style sheet applies', () => {
    const doc = conversation();
    doc.querySelector('style')!.remove();
    expect(connectorLines(articleBy(doc, 'acme', 1))).toEqual({ above: true, below: true });
    expect(connectorLines(articleBy(doc, 'kovacs_anna'))).toEqual({ above: false, below: false });
    expect(summary(createXAdapter().read(doc, POST_URL))).toEqual(
      summary(createXAdapter().read(conversation(), POST_URL)),
    );
  });

  it('does not take a wide empty box for a line (where the computed width is known: Typed OM, Chromium)', () => {
    const doc = conversation();
    const style = doc.createElement('style');
    style.textContent = '.r-m5arl1 { width: 40px !important; }';
    doc.head.append(style);
    // Chromium's computedStyleMap, from the style sheet's width (happy-dom has no Typed OM).
    Object.defineProperty(Element.prototype, 'computedStyleMap', {
      configurable: true,
      value(this: Element) {
        const width = Number.parseFloat(this.ownerDocument.defaultView!.getComputedStyle(this).width);
        return new Map([['width', Number.isNaN(width) ? undefined : { value: width, unit: 'px' }]]);
      },
    });
    try {
      expect(connectorLines(articleBy(doc, 'acme', 1))).toEqual({ above: false, below: false });
    } finally {
      delete (Element.prototype as { computedStyleMap?: unknown }).computedStyleMap;
    }
  });
});

describe('rows X has recycled or unmounted', () => {
  it('reads what an article shows now, when X reuses it for another status', () => {
    const doc = conversation();
    const adapter = createXAdapter();
    const first = adapter.read(doc, POST_URL).comments[3]!;
    expect(first.comment.author.handle).toBe('kovacs_anna');
    // X re-renders the same article element for another status.
    const article = first.element;
    article.querySelector('time')!.closest('a')!.setAttribute('href', '/zoe_latte/status/1981690000000000000');
    for (const a of article.querySelectorAll('[data-testid="User-Name"] a:not([href*="/status/"])')) {
      a.setAttribute('href', '/zoe_latte');
    }
    article.querySelectorAll('[data-testid="User-Name"] span span')[0]!.textContent = 'Zoë';
    [...article.querySelectorAll('[data-testid="User-Name"] span')].find(
      (s) => s.textContent === '@kovacs_anna',
    )!.textContent = '@zoe_latte';
    article.querySelector('[data-testid="tweetText"]')!.replaceChildren('Is the new blend fair trade?');
    const again = adapter.read(doc, POST_URL).comments.find((c) => c.element === article)!;
    expect(again.comment).toMatchObject({
      id: '1981690000000000000',
      author: { handle: 'zoe_latte', displayName: 'Zoë' },
      text: 'Is the new blend fair trade?',
    });
  });

  it('keeps the post and the thread of a reply whose rows above have scrolled out', () => {
    const doc = conversation();
    const adapter = createXAdapter();
    adapter.read(doc, POST_URL);
    // Scrolled down: X unmounted the focused post, the reply box and the first two rows of María's thread.
    for (const cell of cells(doc).slice(0, 4)) cell.remove();
    const read = adapter.read(doc, POST_URL);
    expect(read.post?.author.displayName).toBe('Acme Coffee');
    expect(read.comments[0]!.comment).toMatchObject({
      author: { handle: 'maria_lopez' },
      parentId: '1981664462238646276',
      threadKey: '1981661945656246275',
    });
    expect(read.problems).toEqual([]);
  });

  /** Reads the page once, then unmounts every row up to and including the Discover more heading. */
  function scrolledPastHeading() {
    const doc = conversation();
    const adapter = createXAdapter();
    adapter.read(doc, POST_URL);
    const all = cells(doc);
    const headingAt = all.findIndex((c) => c.querySelector('h2'));
    for (const cell of all.slice(0, headingAt + 1)) cell.remove();
    return { doc, adapter, discover: all.slice(headingAt + 1) };
  }

  it('keeps Discover more posts it saw below the heading out after the heading has scrolled out', () => {
    const { doc, adapter } = scrolledPastHeading();
    const read = adapter.read(doc, POST_URL);
    expect(cells(doc).some((c) => c.querySelector('article'))).toBe(true);
    expect(read.comments).toEqual([]);
    expect(read.candidates).toBe(0);
  });

  it('keeps a Discover more post it never saw out when X places it below where the heading was', () => {
    const { doc, adapter, discover } = scrolledPastHeading();
    const fresh = discover[0]!;
    for (const cell of discover.slice(1)) cell.remove();
    fresh.style.transform = 'translateY(99999px)';
    fresh.querySelector('time')!.closest('a')!.setAttribute('href', '/city_news/status/1981690000000000001');
    expect(adapter.read(doc, POST_URL).comments).toEqual([]);
    // Above where the heading was, an unseen row is a reply.
    fresh.style.transform = 'translateY(100px)';
    fresh.querySelector('time')!.closest('a')!.setAttribute('href', '/city_news/status/1981690000000000002');
    expect(adapter.read(doc, POST_URL).comments.map((c) => c.comment.id)).toEqual(['1981690000000000002']);
  });
});

describe('reading each row once until it changes', () => {
  const textOf = (read: PageRead, i: number) => read.comments[i]?.comment.text;

  it('serves unchanged rows from the last reading and re-reads the rows a change touched', () => {
    const doc = conversation();
    const adapter = createXAdapter();
    const first = adapter.read(doc, POST_URL);
    const [a, b] = [first.comments[0]!, first.comments[1]!];
    const textNodeIn = (el: Element) => {
      const walker = doc.createTreeWalker(el.querySelector('[data-testid="tweetText"]')!, NodeFilter.SHOW_TEXT);
      return walker.nextNode() as Text;
    };
    const nodeA = textNodeIn(a.element);
    const nodeB = textNodeIn(b.element);
    nodeA.data = 'changed A';
    nodeB.data = 'changed B';
    // Only A's change was seen: A is read again, B's last reading stands.
    const second = adapter.read(doc, POST_URL, new Set([nodeA]));
    expect(textOf(second, 0)).toContain('changed A');
    expect(textOf(second, 1)).toBe(b.comment.text);
    // Without a change set everything is read.
    expect(textOf(adapter.read(doc, POST_URL), 1)).toContain('changed B');
  });

  it('re-reads a cell added or changed, and no other row when one joins or leaves the list', () => {
    const doc = conversation();
    const adapter = createXAdapter();
    const first = adapter.read(doc, POST_URL);
    const [a, b] = [first.comments[0]!, first.comments[1]!];
    const cellOf = (el: Element) => el.closest('[data-testid="cellInnerDiv"]')!;
    b.element.querySelector('[data-testid="tweetText"]')!.append(doc.createTextNode(' more'));
    // A row left the list (the list itself changed): the other rows stand as read.
    const list = cellOf(a.element).parentElement!;
    const second = adapter.read(doc, POST_URL, new Set([list]));
    expect(textOf(second, 1)).toBe(b.comment.text);
    // B's cell was put back (X recycles cells): it is read again.
    expect(textOf(adapter.read(doc, POST_URL, new Set([cellOf(b.element)])), 1)).toMatch(/ more$/);
  });
});

describe('when the page cannot be read', () => {
  it('does not read two rows showing one status as two replies: the page is not what it seems', () => {
    const doc = conversation();
    const jen = cells(doc).find((c) => c.textContent?.includes('Maple Roast'))!;
    jen.after(jen.cloneNode(true));
    const read = createXAdapter().read(doc, POST_URL);
    expect(read.comments.filter((c) => c.comment.author.handle === 'jen_k')).toHaveLength(1);
    expect(read.candidates).toBe(14);
    expect(read.problems.join(' ')).toMatch(/1 of 14 replies could not be read \(two rows show the same post\)/);
  });

  it('says which replies it could not read and still reads the others', () => {
    const doc = conversation();
    const anna = [...doc.querySelectorAll('article')].find((a) => a.querySelector('a[href="/kovacs_anna"]'))!;
    anna.querySelector('time')!.closest('a')!.remove();
    const read = createXAdapter().read(doc, POST_URL);
    expect(read.candidates).toBe(13);
    expect(read.comments).toHaveLength(12);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatch(/1 of 13 replies could not be read/);
  });

  it('reports a page whose posts it cannot read at all (the caller shows it as broken)', () => {
    const doc = conversation();
    for (const time of doc.querySelectorAll('time')) time.remove();
    const read = createXAdapter().read(doc, POST_URL);
    expect(read.comments).toEqual([]);
    expect(read.candidates).toBeGreaterThan(0);
    expect(read.problems.length).toBeGreaterThan(0);
  });

  it('has no post when neither the page nor the URL names its author', () => {
    const doc = conversation();
    for (const time of doc.querySelectorAll('time')) time.remove();
    const read = createXAdapter().read(doc, new URL('https://x.com/i/web/status/1981646846161846274'));
    expect(read.post).toBeNull();
    expect(read.problems).toContain('The post’s author could not be found on the page.');
  });

  it('reads nothing on pages that are not a post', () => {
    const read = createXAdapter().read(conversation(), new URL('https://x.com/home'));
    expect(read).toMatchObject({ post: null, comments: [], collapsed: [], candidates: 0, problems: [] });
    expect(read.actingHandle).toBe('acme');
  });
});

describe('theme', () => {
  const withBody = (color: string) => {
    const doc = parse('<!doctype html><html><body></body></html>');
    doc.body.style.backgroundColor = color;
    return doc;
  };
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(0, 0, 0)', 'dark'],
    ['rgb(21, 32, 43)', 'dark'],
    ['rgba(0, 0, 0, 0)', 'light'],
  ] as const)('a body painted %s is %s', (color, expected) => {
    expect(theme(withBody(color))).toBe(expected);
  });

  it('is light on the conversation fixture', () => {
    expect(theme(conversation())).toBe('light');
  });
});

/** X's reply dialog as a test builds it: a Draft editor in tweetTextarea_0 and the dialog's Reply button. */
function replyDialog(doc: Document, disabled: boolean): HTMLElement {
  const dialog = doc.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  const box = doc.createElement('div');
  box.setAttribute('data-testid', 'tweetTextarea_0');
  const editor = doc.createElement('div');
  editor.className = 'notranslate public-DraftEditor-content';
  editor.setAttribute('contenteditable', 'true');
  editor.setAttribute('role', 'textbox');
  box.append(editor);
  const send = doc.createElement('button');
  send.setAttribute('data-testid', 'tweetButton');
  if (disabled) send.setAttribute('disabled', '');
  dialog.append(box, send);
  doc.body.append(dialog);
  return editor;
}

describe('reply boxes', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('finds the focused Draft editor and its send button', () => {
    const editor = replyDialog(document, true);
    expect(focusedEditor(document)).toBeNull();
    editor.focus();
    expect(focusedEditor(document)).toBe(editor);
    expect(editorKind(editor)).toBe('draft');
    expect(sendEnabled(editor)).toBe(false);
    editor.parentElement!.nextElementSibling!.removeAttribute('disabled');
    expect(sendEnabled(editor)).toBe(true);
  });

  it('ignores focused editable elements that are not X reply boxes', () => {
    const other = document.createElement('div');
    other.setAttribute('contenteditable', 'true');
    document.body.append(other);
    other.focus();
    expect(focusedEditor(document)).toBeNull();
  });

  it('finds the inline reply box’s own button', () => {
    const doc = conversation();
    const inline = doc.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"] .public-DraftEditor-content')!;
    expect(sendEnabled(inline)).toBe(false);
    const button = doc.querySelector('[data-testid="tweetButtonInline"]')!;
    button.removeAttribute('disabled');
    button.removeAttribute('aria-disabled');
    expect(sendEnabled(inline)).toBe(true);
  });

  it('opens the reply dialog from a reply’s own button and resolves to its focused editor', async () => {
    const doc = document;
    const article = parse(fixture('x-conversation.html')).querySelectorAll('article')[2]!;
    doc.body.append(doc.importNode(article, true));
    const mounted = doc.querySelector<HTMLElement>('article')!;
    let clicked = 0;
    mounted.querySelector('[data-testid="reply"]')!.addEventListener('click', () => {
      clicked++;
      setTimeout(() => replyDialog(doc, true), 120); // X renders the dialog a little later
    });
    const editor = await openReply(mounted);
    expect(clicked).toBe(1);
    expect(editor).not.toBeNull();
    expect(editor!.closest('[role="dialog"]')).not.toBeNull();
    expect(doc.activeElement).toBe(editor);
  });

  it('gives up when no dialog appears', async () => {
    vi.useFakeTimers();
    const article = document.importNode(parse(fixture('x-conversation.html')).querySelectorAll('article')[2]!, true);
    document.body.append(article);
    const result = openReply(article);
    await vi.advanceTimersByTimeAsync(3500);
    await expect(result).resolves.toBeNull();
  });

  it('does not take a dialog that was open before for the new one', async () => {
    vi.useFakeTimers();
    replyDialog(document, true);
    const article = document.importNode(parse(fixture('x-conversation.html')).querySelectorAll('article')[2]!, true);
    document.body.append(article);
    const result = openReply(article);
    await vi.advanceTimersByTimeAsync(3500);
    await expect(result).resolves.toBeNull();
  });
});

/**
 * X's reply dialog opened with X's own Reply on a customer's reply: the post being answered (its author, its text,
 * maybe a quoted post), "Replying to @handle", then the reply box; other @-links sit where X shows them.
 */
function replyDialogFor(
  doc: Document,
  opts: { author: string; replyingTo: string[]; textMentions?: string[]; quoted?: string },
): HTMLElement {
  const dialog = doc.createElement('div');
  dialog.setAttribute('role', 'dialog');
  const link = (handle: string) => {
    const a = doc.createElement('a');
    a.setAttribute('href', `/${handle}`);
    a.setAttribute('role', 'link');
    a.textContent = `@${handle}`;
    return a;
  };
  const name = doc.createElement('div');
  name.setAttribute('data-testid', 'User-Name');
  name.append(link(opts.author));
  const text = doc.createElement('div');
  text.setAttribute('data-testid', 'tweetText');
  text.setAttribute('dir', 'auto');
  text.setAttribute('lang', 'en');
  text.append('cc ');
  for (const h of opts.textMentions ?? []) text.append(link(h), ' ');
  text.append('is the new blend out?');
  dialog.append(name, text);
  if (opts.quoted) {
    const quote = doc.createElement('div');
    quote.setAttribute('role', 'link');
    const qName = doc.createElement('div');
    qName.setAttribute('data-testid', 'User-Name');
    qName.append(link(opts.quoted));
    quote.append(qName);
    dialog.append(quote);
  }
  const replying = doc.createElement('div');
  replying.setAttribute('dir', 'ltr');
  replying.append('Replying to ');
  for (const [i, h] of opts.replyingTo.entries()) replying.append(...(i ? [' and '] : []), link(h));
  dialog.append(replying);
  doc.body.append(dialog);
  const box = doc.createElement('div');
  box.setAttribute('data-testid', 'tweetTextarea_0');
  const editor = doc.createElement('div');
  editor.className = 'public-DraftEditor-content';
  editor.setAttribute('contenteditable', 'true');
  box.append(editor);
  dialog.append(box);
  return editor;
}

describe('whose reply a dialog opened with X’s own Reply is (replyTargetHandle)', () => {
  afterEach(() => document.body.replaceChildren());

  it('names the customer X says it is replying to', () => {
    const editor = replyDialogFor(document, { author: 'Maria_Lopez', replyingTo: ['Maria_Lopez'] });
    expect(replyTargetHandle(editor)).toBe('maria_lopez');
  });

  it('is not fooled by an @-link in the text of the post being answered', () => {
    const editor = replyDialogFor(document, {
      author: 'tom_brews',
      replyingTo: ['tom_brews'],
      textMentions: ['jen_k', 'acme'],
    });
    // Without the User-Name link, the text's mention is the first @-link in the dialog.
    document.querySelector('[role="dialog"] [data-testid="User-Name"]')!.remove();
    expect(replyTargetHandle(editor)).toBe('tom_brews');
    // Post text that lost its testid is still the post's text: X gives it a language.
    document.querySelector('[role="dialog"] [data-testid="tweetText"]')!.removeAttribute('data-testid');
    expect(replyTargetHandle(editor)).toBe('tom_brews');
  });

  it('is not fooled by the author of a post the answered post quotes', () => {
    const editor = replyDialogFor(document, {
      author: 'nina_writes',
      replyingTo: ['nina_writes'],
      quoted: 'coffee_facts',
    });
    document.querySelector('[role="dialog"] [data-testid="User-Name"]')!.remove();
    expect(replyTargetHandle(editor)).toBe('nina_writes');
  });

  it('takes the first handle when X replies to several', () => {
    const editor = replyDialogFor(document, {
      author: 'jen_k',
      replyingTo: ['jen_k', 'tom_brews'],
      textMentions: ['tom_brews'],
    });
    expect(replyTargetHandle(editor)).toBe('jen_k');
  });

  it('is null for a box outside a dialog (the inline box answers the post)', () => {
    const doc = conversation();
    const inline = doc.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"] .public-DraftEditor-content')!;
    expect(replyTargetHandle(inline)).toBeNull();
  });

  it('ignores an @-link whose address names someone else', () => {
    const editor = replyDialogFor(document, { author: 'sam_h', replyingTo: ['sam_h'] });
    for (const a of document.querySelectorAll('[role="dialog"] a')) a.setAttribute('href', '/evil_account');
    expect(replyTargetHandle(editor)).toBeNull();
  });
});
