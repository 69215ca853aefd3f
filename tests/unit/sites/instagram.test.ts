// The Instagram adapter against saved pages: every real capture in ../shared/fixtures/real/ (beside the clone; CI
// has it there) and whole pages saved from the routed fixture (instagram-fixtures/: a post page with threads open and
// closed, the same post opened as a dialog over the profile, a reel).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createInstagramAdapter,
  matchPostPage,
  parseCommentHref,
  profileHandleOf,
  theme,
} from '../../../utils/sites/instagram';
import { replyTargetHandle } from '../../../utils/sites/instagram/composer';
import { instagramPermalink } from '../../../utils/sites/instagram/conversation-parts';
import { ConversationReader, readActingHandle } from '../../../utils/sites/instagram/read';
import { sendEnabled } from '../../../utils/sites/instagram/reply-box';
import type { PageRead } from '../../../utils/sites/types';
import { REAL_CAPTURES as REAL } from './real-captures';

// Opening the reply box is the overlay's deferred code, which the background injects in the extension; here the
// adapter gets the same actions directly.
vi.mock('../../../utils/overlay/actions-loader', async () => {
  const { overlayActions } = await import('../../../utils/overlay/actions');
  return { loadActions: async () => overlayActions, loadedActions: () => overlayActions };
});

const real = (name: string) => readFileSync(path.join(REAL, name), 'utf8');
const own = (name: string) => readFileSync(path.join(import.meta.dirname, 'instagram-fixtures', name), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A capture is a fragment of the comments column: put it in a page under a post header, as Instagram does. */
function pageAround(fragment: string, owner = 'brand.account'): Document {
  return parse(
    `<html><body><div role="navigation"><a href="/cm.account/"><img alt=""><span>Profile</span></a></div>` +
      `<main role="main"><header><a href="/${owner}/"><img alt=""></a><a href="/${owner}/">${owner}</a>` +
      `<div role="button">Follow</div></header><div class="comments">${fragment}</div>` +
      `<section><form><textarea aria-label="Ajouter un commentaire…"></textarea><div role="button" aria-disabled="true">Publier</div></form></section>` +
      `</main></body></html>`,
  );
}

function readConversation(fragment: string, code: string) {
  const doc = parse(`<main>${fragment}</main>`);
  const main = doc.querySelector('main') as Element;
  return new ConversationReader().read(main, code, new URL(`https://www.instagram.com/p/${code}/`), null);
}

const ids = (read: { comments: PageRead['comments'] }) => read.comments.map((c) => c.comment.id);
const byId = (read: { comments: PageRead['comments'] }, id: string) =>
  read.comments.find((c) => c.comment.id === id)?.comment;

describe('addresses', () => {
  it.each([
    ['https://www.instagram.com/p/DWD5jrEoGa8/', 'DWD5jrEoGa8'],
    ['https://www.instagram.com/p/DPPr8SID-Dd/c/18076541783031842/', 'DPPr8SID-Dd'],
    ['https://www.instagram.com/reel/DEMOreel1/', 'DEMOreel1'],
    ['https://www.instagram.com/reels/DEMOreel1/', 'DEMOreel1'],
    ['https://www.instagram.com/acme.coffee/p/DEMOpost1/', 'DEMOpost1'],
    ['https://www.instagram.com/acme.coffee/reel/DEMOreel1/?igsh=abc', 'DEMOreel1'],
  ])('%s shows post %s', (url, postId) => {
    expect(matchPostPage(new URL(url))).toEqual({ postId });
  });

  it.each([
    'https://www.instagram.com/',
    'https://www.instagram.com/acme.coffee/',
    'https://www.instagram.com/reels/',
    'https://www.instagram.com/explore/p/DEMOpost1/',
    'https://www.instagram.com/direct/inbox/',
    'https://example.com/p/DEMOpost1/',
  ])('%s is not a post page', (url) => {
    expect(matchPostPage(new URL(url))).toBeNull();
  });

  it('reads comment permalinks in both shapes and profile links', () => {
    const base = new URL('https://www.instagram.com/p/X12345/');
    expect(parseCommentHref('/p/DWD5jrEoGa8/c/17935489566037131/', base)).toEqual({
      code: 'DWD5jrEoGa8',
      id: '17935489566037131',
    });
    expect(parseCommentHref('/p/DEMOpost1/c/17817603137215901/r/17992815901396245/', base)).toEqual({
      code: 'DEMOpost1',
      id: '17992815901396245',
      parentId: '17817603137215901',
    });
    expect(parseCommentHref('/p/DEMOpost1/', base)).toBeNull(); // the caption's own time links the post
    expect(profileHandleOf('/davi_na_dagher/')).toBe('davi_na_dagher');
    expect(profileHandleOf('/explore/')).toBeNull();
    expect(profileHandleOf('/explore/tags/acmecoffee/')).toBeNull();
    expect(profileHandleOf('https://evil.example/acme/')).toBeNull();
  });
});

describe('real captures', () => {
  it('French thread: one comment and 14 replies told apart by nesting, exact times, "Afficher plus de réponses"', () => {
    const read = readConversation(real('instagram-comment-thread-2026-03.html'), 'DWD5jrEoGa8');
    expect(read.candidates).toBe(15);
    expect(read.problems).toEqual([]);
    expect(read.comments).toHaveLength(15);
    const [first, ...replies] = read.comments.map((c) => c.comment);
    expect(first).toMatchObject({
      id: '18109876459691320',
      author: { handle: 'davi_na_dagher', displayName: 'davi_na_dagher' },
      text: 'On veut savoir la fin du careme et non pas Ramadan svp',
      postedAt: Date.parse('2026-03-19T09:39:23.000Z'),
      postedAtPrecision: 'exact',
      threadKey: '18109876459691320',
      permalink: 'https://www.instagram.com/p/DWD5jrEoGa8/',
    });
    // The comment keeps its post's link; the adapter makes the comment's own when the response log needs it.
    expect(instagramPermalink(first!)).toBe('https://www.instagram.com/p/DWD5jrEoGa8/c/18109876459691320/');
    expect(first?.parentId).toBeUndefined();
    expect(replies.every((r) => r.parentId === '18109876459691320' && r.threadKey === '18109876459691320')).toBe(true);
    expect(replies.map((r) => r.author.handle)).toEqual([
      'johan_demorieux',
      'thefoster._',
      'theangrydad',
      'elmahi.eba',
      'nanou.dzz',
      'davi_na_dagher',
      'davi_na_dagher',
      'davi_na_dagher',
      'davi_na_dagher',
      'tazkult2026',
      'johan_demorieux',
      '__.vavaaaa.__',
      'nanou.dzz',
      'un_croissant_sans_gluten_',
    ]);
    expect(new Set(replies.map((r) => r.author.handle)).size).toBe(9);
    expect(new Date(replies.at(-1)?.postedAt ?? 0).toISOString()).toBe('2026-03-19T18:50:59.000Z');
    // Prettier's whitespace inside text nodes is what a reader sees: one space. The @mention stays in the text.
    expect(replies[0]?.text).toBe('@davi_na_dagher google est ton ami');
    expect(byId(read, '17978499078002801')?.text).toBe('@davi_na_dagher pleure ça fait du bien 😌');
    // "Masquer toutes les réponses" above the shown replies hides them; "Afficher plus de réponses" below holds more.
    expect(read.collapsed.map((c) => [c.kind, c.label, c.parentId])).toEqual([
      ['more-replies', 'Afficher plus de réponses', '18109876459691320'],
    ]);
    // Each reply is its own row: the row holds its own timestamp and no other.
    for (const { element } of read.comments) expect(element.querySelectorAll('time').length).toBe(1);
  });

  it('English row with "View all 5 replies"', () => {
    const read = readConversation(real('instagram-comment-row-2025-10.html'), 'DPPr8SID-Dd');
    expect(ids(read)).toEqual(['18076541783031842']);
    expect(read.comments[0]?.comment).toMatchObject({
      author: { handle: 'alaricvarghese' },
      text: 'Hey, is the notion link down again? I still can’t manage to duplicate it properly. Thanks',
      postedAt: Date.parse('2025-10-02T15:44:52.000Z'),
    });
    expect(read.collapsed.map((c) => [c.kind, c.label, c.parentId])).toEqual([
      ['more-replies', 'View all 5 replies', '18076541783031842'],
    ]);
  });

  it('a comment that is only an image counts, and without a time stamp it is said to be unreadable', () => {
    const read = readConversation(real('instagram-comment-image-fr-2026.html'), 'DWD5jrEoGa8');
    expect(read.candidates).toBe(1);
    expect(read.comments).toEqual([]);
    expect(read.problems.join(' ')).toMatch(/1 of 1 comments could not be read/);
  });

  it('two rows naming one comment make the read incomplete, not one comment read twice (found by fuzzing)', () => {
    const doc = parse(`<main>${real('instagram-comment-thread-2026-03.html')}</main>`);
    const timeLinks = [...doc.querySelectorAll('a')].filter((a) => a.querySelector('time'));
    timeLinks[2]?.setAttribute('href', timeLinks[1]?.getAttribute('href') ?? '');
    const read = new ConversationReader().read(
      doc.querySelector('main') as Element,
      'DWD5jrEoGa8',
      new URL('https://www.instagram.com/p/DWD5jrEoGa8/'),
      null,
    );
    expect(read.candidates).toBe(15);
    expect(read.comments).toHaveLength(14);
    expect(new Set(ids(read)).size).toBe(14);
    expect(read.problems.join(' ')).toMatch(/1 of 15 comments could not be read \(two rows show the same comment\)/);
  });

  it('the "6 commentaires sur Facebook" row is not a comment', () => {
    const read = readConversation(real('instagram-facebook-comments-placeholder-fr-2026.html'), 'DWD5jrEoGa8');
    expect(read.candidates).toBe(0);
    expect(read.comments).toEqual([]);
    expect(read.collapsed).toEqual([]);
    expect(read.problems).toEqual([]);
  });

  it('the whole adapter reads a capture under a post header: owner, acting account, composer', () => {
    const doc = pageAround(real('instagram-comment-thread-2026-03.html'));
    const read = createInstagramAdapter().read(doc, new URL('https://www.instagram.com/p/DWD5jrEoGa8/'));
    expect(read.post).toMatchObject({ platform: 'instagram', id: 'DWD5jrEoGa8', author: { handle: 'brand.account' } });
    expect(read.actingHandle).toBe('cm.account');
    expect(read.comments).toHaveLength(15);
    expect(read.candidates).toBe(15);
    // The header's Follow and the composer's Publier are not parts of the conversation.
    expect(read.collapsed.map((c) => c.label)).toEqual(['Afficher plus de réponses']);
    const textarea = doc.querySelector('textarea') as HTMLTextAreaElement;
    expect(sendEnabled(textarea)).toBe(false);
  });

  it('image and placeholder captures in one page: the image row is a candidate, the placeholder is not', () => {
    const doc = pageAround(
      real('instagram-facebook-comments-placeholder-fr-2026.html') +
        real('instagram-comment-row-2025-10.html') +
        real('instagram-comment-image-fr-2026.html'),
    );
    const read = createInstagramAdapter().read(doc, new URL('https://www.instagram.com/p/DPPr8SID-Dd/'));
    expect(ids(read)).toEqual(['18076541783031842']);
    expect(read.candidates).toBe(2);
    expect(read.problems.join(' ')).toMatch(/1 of 2 comments could not be read/);
  });
});

describe('own fixture pages', () => {
  const POST = new URL('https://www.instagram.com/p/DEMOpost1/');

  it('a post page: header owner, navigation account, caption and placeholder left out, nesting, image comment', () => {
    const doc = parse(own('instagram-post-page.html'));
    const read = createInstagramAdapter().read(doc, POST);
    expect(read.post).toEqual({
      platform: 'instagram',
      id: 'DEMOpost1',
      url: 'https://www.instagram.com/p/DEMOpost1/',
      author: {
        handle: 'acme.coffee',
        displayName: 'acme.coffee',
        profileUrl: 'https://www.instagram.com/acme.coffee/',
      },
    });
    expect(read.actingHandle).toBe('acme.coffee');
    expect(read.problems).toEqual([]);
    expect(read.candidates).toBe(read.comments.length);
    const texts = read.comments.map((c) => c.comment.text);
    expect(texts.some((t) => t.includes('Our autumn blend is back'))).toBe(false); // the caption
    expect(texts.some((t) => /Facebook/.test(t))).toBe(false);
    // Maria's thread is open: its replies (linked /c/<id>/ like any comment) hang under her comment by nesting.
    for (const id of ['17813186091390996', '17930824628194821', '18051819093786579']) {
      expect(byId(read, id)).toMatchObject({ parentId: '18126018159083016', threadKey: '18126018159083016' });
    }
    expect(byId(read, '17813186091390996')?.author.handle).toBe('acme.coffee');
    // Top-level comments stay top-level even though the list of threads holds earlier comments.
    expect(byId(read, '17854323194875749')?.parentId).toBeUndefined();
    expect(byId(read, '18024467281135523')).toMatchObject({ text: '', author: { handle: 'kai.w' } });
    expect(byId(read, '17851402614014193')?.text).toBe('What’s the price going to be? 💸');
    // The brand's verified mark is not part of the comment.
    expect(byId(read, '17922279180588871')?.text).toBe('Thanks for all the love, keep the ideas coming! 🙌');
    expect(read.comments.every((c) => c.comment.postedAtPrecision === 'exact')).toBe(true);
  });

  it('a post page: hidden replies and "Load more comments" (an icon) are hidden parts; "Hide all replies" is not', () => {
    const read = createInstagramAdapter().read(parse(own('instagram-post-page.html')), POST);
    const parts = read.collapsed.map((c) => `${c.kind} ${c.label} ${c.parentId ?? ''}`.trim());
    expect(parts).toContain('more-replies View replies (2) 17850752917034236');
    expect(parts).toContain('more-replies View all 1 replies 17817603137215901');
    expect(parts).toContain('more-replies View more replies 18171177774121547');
    expect(parts).toContain('more-comments Load more comments');
    expect(parts.some((p) => /Hide/.test(p))).toBe(false);
    expect(parts.some((p) => /Follow|Post|Like|Share|Save/.test(p))).toBe(false);
  });

  it('a reply linked /c/<parent>/r/<id>/ takes its parent from the link', () => {
    const doc = parse(own('instagram-post-page.html'));
    const link = doc.querySelector('a[href="/p/DEMOpost1/c/17930824628194821/"]') as HTMLAnchorElement;
    link.setAttribute('href', '/p/DEMOpost1/c/18126018159083016/r/17930824628194821/');
    const read = createInstagramAdapter().read(doc, POST);
    expect(byId(read, '17930824628194821')).toMatchObject({ parentId: '18126018159083016' });
  });

  it('the same post as a dialog over the profile: only the dialog is read', () => {
    const doc = parse(own('instagram-dialog-over-profile.html'));
    const read = createInstagramAdapter().read(doc, new URL('https://www.instagram.com/p/DEMOpost2/'));
    expect(read.post?.author.handle).toBe('acme.coffee');
    expect(read.actingHandle).toBe('acme.coffee');
    expect(ids(read)).toEqual(['17817483380141269', '18192086828890931', '17902516780083740', '17818818174143337']);
    const dialog = doc.querySelector('[role="dialog"]') as Element;
    expect(read.comments.every((c) => dialog.contains(c.element))).toBe(true);
    expect(read.collapsed.map((c) => c.label)).toEqual(['View all 1 replies']);
  });

  it('a reel: comments linked /reel/<code>/c/<id>/, replies nested, the reel address kept', () => {
    const doc = parse(own('instagram-reel.html'));
    const read = createInstagramAdapter().read(doc, new URL('https://www.instagram.com/reel/DEMOreel1/'));
    expect(read.post).toMatchObject({ id: 'DEMOreel1', url: 'https://www.instagram.com/reel/DEMOreel1/' });
    expect(read.comments.map((c) => [c.comment.id, c.comment.parentId ?? null])).toEqual([
      ['18110462255083111', null],
      ['17997431020515222', '18110462255083111'],
      ['18000511870214333', '18110462255083111'],
      ['17869024455187444', null],
    ]);
    expect(read.collapsed).toEqual([]);
  });

  it('a page showing another post (a navigation not rendered yet) gives no post and no comments', () => {
    const read = createInstagramAdapter().read(
      parse(own('instagram-post-page.html')),
      new URL('https://www.instagram.com/p/DEMOpost2/'),
    );
    expect(read.post).toBeNull();
    expect(read.comments).toEqual([]);
  });

  it('a page whose comment times changed markup: rows are candidates, none readable', () => {
    const doc = parse(own('instagram-post-page.html'));
    for (const time of doc.querySelectorAll('a[href*="/c/"] time')) {
      const span = doc.createElement('span');
      span.textContent = time.textContent;
      time.replaceWith(span);
    }
    const read = createInstagramAdapter().read(doc, POST);
    expect(read.post).not.toBeNull();
    expect(read.comments).toEqual([]);
    expect(read.candidates).toBeGreaterThan(10);
    expect(read.problems.join(' ')).toMatch(/could not be read/);
  });
});

describe('the post a page shows', () => {
  const CAPTURED = new URL('https://www.instagram.com/p/DWD5jrEoGa8/');
  const feedPost = (owner: string, code: string) =>
    `<article><header><a href="/${owner}/"><img alt=""></a><a href="/${owner}/">${owner}</a></header>` +
    `<div><img alt=""></div><a href="/p/${code}/"><time datetime="2026-03-19T09:00:00.000Z">9 sem</time></a></article>`;

  /** The feed (another account's post first, then this one) with this post opened as a dialog over it. */
  function feedWithDialog(): Document {
    return parse(
      `<html><body><div role="navigation"><a href="/cm.account/"><img alt=""></a></div><main role="main">` +
        `${feedPost('someone.else', 'OTHERpost1')}${feedPost('brand.account', 'DWD5jrEoGa8')}</main>` +
        `<div role="dialog"><article><header><a href="/brand.account/"><img alt=""></a>` +
        `<a href="/brand.account/">brand.account</a></header>` +
        `<div><a href="/p/DWD5jrEoGa8/"><time datetime="2026-03-19T09:00:00.000Z">9 sem</time></a></div>` +
        `<div class="comments">${real('instagram-comment-thread-2026-03.html')}</div></article></div></body></html>`,
    );
  }

  it('a post opened as a dialog over the feed: the dialog is read, with its owner, not the feed around it', () => {
    const doc = feedWithDialog();
    const read = createInstagramAdapter().read(doc, CAPTURED);
    expect(read.post?.author.handle).toBe('brand.account');
    expect(read.actingHandle).toBe('cm.account');
    expect(read.comments).toHaveLength(15);
    const dialog = doc.querySelector('[role="dialog"]') as Element;
    expect(read.comments.every((c) => dialog.contains(c.element))).toBe(true);
  });
});

describe('reading only what changed', () => {
  const POST = new URL('https://www.instagram.com/p/DEMOpost1/');

  it('parses a row again only when a change lands inside it, and picks up rows appended to the list', () => {
    const doc = parse(own('instagram-post-page.html'));
    const adapter = createInstagramAdapter();
    const first = adapter.read(doc, POST);
    const anna = first.comments.find((c) => c.comment.id === '17854323194875749');
    const devRow = first.comments.find((c) => c.comment.id === '17851402614014193');
    if (!anna || !devRow) throw new Error('fixture changed');
    const walker = doc.createTreeWalker(anna.element, NodeFilter.SHOW_TEXT);
    let text: Text | null = null;
    for (let node = walker.nextNode(); node && !text; node = walker.nextNode()) {
      if ((node as Text).data.startsWith('Mikor')) text = node as Text;
    }
    if (!text) throw new Error('fixture changed');
    text.data = 'Edited words';
    // A change elsewhere: Anna's row is served from what was read before.
    expect(byId(adapter.read(doc, POST, new Set([devRow.element])), anna.comment.id)?.text).not.toBe('Edited words');
    // The change itself: her row is read again.
    expect(byId(adapter.read(doc, POST, new Set([text])), anna.comment.id)?.text).toBe('Edited words');

    // Instagram appends a batch of threads to the list: the list is what changed, the new rows are read.
    const list = anna.element.closest('ul')?.parentElement?.parentElement ?? anna.element.parentElement?.parentElement;
    const thread = anna.element.parentElement?.parentElement as Element;
    const copy = thread.cloneNode(true) as Element;
    const link = copy.querySelector('a[href*="/c/"]') as Element;
    link.setAttribute('href', '/p/DEMOpost1/c/18999999999999999/');
    thread.parentElement?.append(copy);
    const after = adapter.read(doc, POST, new Set([copy]));
    // A delta: only the new row, and the page's readable total.
    expect(after.comments.map((c) => c.comment.id)).toEqual(['18999999999999999']);
    expect(byId(after, '18999999999999999')).toMatchObject({ text: 'Edited words', author: { handle: 'kovacs.anna' } });
    expect(after.delta).toEqual({ released: [], readable: first.comments.length + 1 });
    expect(list).toBeTruthy();
  });
});

describe('the composer', () => {
  it('opens the reply box with Instagram’s own Reply, keeps the "@user " it writes, caret after it', async () => {
    const doc = parse(own('instagram-post-page.html'));
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
    const adapter = createInstagramAdapter();
    const read = adapter.read(document, new URL('https://www.instagram.com/p/DEMOpost1/'));
    const alex = read.comments.find((c) => c.comment.id === '18197971147104974');
    if (!alex) throw new Error('fixture changed');
    const textarea = document.querySelector('textarea') as HTMLTextAreaElement;
    // What Instagram's Reply does: write "@user " into the composer and focus it.
    const reply = [...alex.element.querySelectorAll('[role="button"]')].find((b) => b.textContent === 'Reply');
    reply?.addEventListener('click', () => {
      textarea.value = '@alex.r ';
      textarea.focus();
      textarea.setSelectionRange(0, 0);
    });
    const editor = await adapter.openReply(alex.element);
    expect(editor).toBe(textarea);
    expect(textarea.selectionStart).toBe('@alex.r '.length);
    expect(adapter.focusedEditor(document)).toBe(textarea);
    expect(adapter.editorKind(textarea)).toBe('textarea');
    expect(adapter.replyTargetHandle?.(textarea)).toBe('alex.r');
    expect(adapter.replyTargetId?.(textarea)).toBe('18197971147104974');
    // Once the box answers someone else, it no longer answers Alex's comment.
    textarea.value = '@sofia.garcia ';
    expect(adapter.replyTargetId?.(textarea)).toBeNull();
    // A click the page made up (not the user's) is never taken for Instagram's Reply.
    adapter.noteClick(new MouseEvent('click'));
    document.body.replaceChildren();
  });

  it('knows the contenteditable layout and its mention', () => {
    const doc = parse(
      '<main><form><div contenteditable="true" data-lexical-editor="true"><p>@jen_k hi</p></div><div role="button">Post</div></form></main>',
    );
    const box = doc.querySelector('[contenteditable]') as HTMLElement;
    const adapter = createInstagramAdapter();
    expect(adapter.editorKind(box)).toBe('lexical');
    expect(replyTargetHandle(box)).toBe('jen_k');
    expect(sendEnabled(box)).toBe(true);
    const plain = parse('<main><div contenteditable="true">@jen_k</div></main>').querySelector('div') as HTMLElement;
    expect(adapter.editorKind(plain)).toBe('contenteditable');
  });

  it('finds the acting account in the navigation, never in the post', () => {
    const doc = parse(
      '<div role="navigation"><a href="/"><svg></svg></a><a href="/cm.one/"><img alt=""></a></div><main><a href="/someone/"><img alt=""></a></main>',
    );
    expect(readActingHandle(doc)).toBe('cm.one');
    expect(readActingHandle(parse('<main><a href="/someone/"><img alt=""></a></main>'))).toBeNull();
  });

  it('tells the dark theme from the light one', () => {
    const doc = parse('<body style="background-color: rgb(0, 0, 0)"></body>');
    expect(theme(doc)).toBe('dark');
    expect(theme(parse('<body style="background-color: rgb(255, 255, 255)"></body>'))).toBe('light');
  });
});
