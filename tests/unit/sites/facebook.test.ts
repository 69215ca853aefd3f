// The Facebook adapter on Facebook-shaped pages built here, for what the real captures lack: replies expanded
// (nested and as siblings, "Reply by NAME to OTHER's comment"), summaries naming the brand or a customer, Hungarian,
// Bengali, Khmer and Arabic interfaces, an unknown language, navigation, and reading only what changed.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { PROTOCOL } from '../../../utils/messaging/protocol';
import { createFacebookAdapter } from '../../../utils/sites/facebook';
import { matchPostPage, normalizeCommentId, parseCommentLink } from '../../../utils/sites/facebook/links';
import { FACEBOOK_WORDS } from '../../../utils/sites/facebook/word-lists';
import {
  actingNameIn,
  collapsedKindOf,
  commentCountIn,
  isFilteredOrder,
  repliersIn,
  setFacebookWords,
} from '../../../utils/sites/facebook/words';
import type { PageRead } from '../../../utils/sites/types';
import { buildPageView } from '../overlay/page-view';

const POST = 'https://www.facebook.com/acme/posts/pfbid0abc';
const URL_A = new URL(POST);
const STORY = '122178345602119874';
const HOUR = 3_600_000;

interface Spec {
  id: string;
  name: string;
  profile: string;
  text: string;
  /** The time link's words ("2h", "২ ঘণ্টা"). */
  ago: string;
  /** aria-label of the article. */
  label?: string;
  /** The thread's top comment, for a reply (its comment_id). */
  root?: string;
  lang?: string;
  base64?: boolean;
}

const idParam = (c: { id: string; base64?: boolean }) =>
  c.base64 ? encodeURIComponent(btoa(`comment:${STORY}_${c.id}`)) : c.id;

/** One comment article as Facebook draws it (avatar link, name link, text, time · Like · Reply). */
function article(c: Spec, post = POST): string {
  const ids = c.root ? `comment_id=${c.root}&amp;reply_comment_id=${idParam(c)}` : `comment_id=${idParam(c)}`;
  const profile = `https://www.facebook.com${c.profile}${c.profile.includes('?') ? '&amp;' : '?'}${ids}&amp;__tn__=R]-R`;
  return `<div role="article" aria-label="${c.label ?? `Comment by ${c.name} ${c.ago}`}" tabindex="-1">
    <a aria-hidden="true" href="${profile}" tabindex="-1"><svg></svg></a>
    <div><span><a aria-hidden="false" href="${profile}"><span dir="auto">${c.name}</span></a></span>
      <div><span dir="auto" lang="${c.lang ?? 'en'}"><div dir="auto">${c.text}</div></span></div></div>
    <ul><li><a href="${post}?${ids}&amp;__cft__[0]=AZ1">${c.ago}</a></li>
      <li><div aria-label="Like" role="button">Like</div></li>
      <li><div role="button">Reply</div></li></ul>
  </div>`;
}

function page(body: string, opts: { lang?: string; order?: string; count?: string } = {}): Document {
  const html = `<html lang="${opts.lang ?? 'en'}"><body>
    <div aria-hidden="true"><div role="main"><div role="feed">${article({
      id: '999',
      name: 'Feed Person',
      profile: '/feed.person',
      text: 'preview in the feed',
      ago: '1h',
    })}<div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Write a public comment…"></div>
    </div></div></div>
    <div role="dialog" aria-modal="true"><div>
      <div data-ad-rendering-role="profile_name"><h2><a href="https://www.facebook.com/acme?__tn__=-UC"><strong><span>Acme Coffee</span></strong></a></h2></div>
      <a href="" aria-label="Monday">2d</a>
      ${opts.count ? `<div role="button"><span dir="auto">${opts.count}</span></div>` : ''}
      ${opts.order ? `<div role="button" aria-haspopup="menu"><span dir="auto">${opts.order}</span></div>` : ''}
      <ul>${body}</ul>
      <div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Write a comment…"></div>
    </div></div></body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

const ann = { name: 'Anna Kovács', profile: '/anna.kovacs.123' };
const brand = { name: 'Acme Coffee', profile: '/acme' };
const jen = { name: 'Jen Kim', profile: '/profile.php?id=100034567890123' };

function view(read: PageRead) {
  const settings = { ...DEFAULT_SETTINGS, brand: { x: [], facebook: ['acme'], instagram: [] } };
  return buildPageView(
    {
      isPostPage: true,
      post: read.post,
      actingHandle: read.actingHandle,
      comments: read.comments.map((c) => c.comment),
      collapsed: read.collapsed,
      candidates: read.candidates,
      readable: read.comments.length,
      problems: read.problems,
      loading: false,
    },
    settings,
    new Map(),
    Date.now(),
    'en',
  );
}

const statesOf = (read: PageRead) => {
  const v = view(read);
  return Object.fromEntries([...v.comments.values()].map((c) => [c.comment.id, c.state]));
};

describe('threads with their replies shown', () => {
  const nested = `<li>${article({ id: '101', ...ann, text: 'Mikor lesz kapható?', ago: '2h' })}
    <div><ul>
      <li>${article({ id: '102', ...brand, text: 'Jövő héten!', ago: '1h', root: '101', base64: true, label: "Reply by Acme Coffee to Anna Kovács's comment 1 hour ago" })}</li>
      <li>${article({ id: '103', ...ann, text: 'Köszönöm! És zabtejes?', ago: '25m', root: '101', label: "Reply by Anna Kovács to Acme Coffee's comment 25 minutes ago" })}</li>
    </ul></div></li>`;
  const sibling = `<li>${article({ id: '201', name: 'Tom Baker', profile: '/tom.baker.77', text: 'Bring back the old blend', ago: '1d' })}</li>
    <li>${article({ id: '202', ...jen, text: 'Agree!', ago: '23h', root: '201', label: "Reply by Jen Kim to Tom Baker's comment 23 hours ago" })}</li>
    <li>${article({ id: '301', name: 'Sofía García', profile: '/profile.php?id=100087654321098', text: '¿Sin lactosa?', ago: '3m', lang: 'es' })}</li>`;
  const read = createFacebookAdapter().read(page(nested + sibling), URL_A);

  it('gives nested and sibling replies the thread of the comment_id they carry', () => {
    const c = Object.fromEntries(read.comments.map((r) => [r.comment.id, r.comment]));
    expect(Object.keys(c)).toEqual(['101', '102', '103', '201', '202', '301']);
    expect(c['102']).toMatchObject({ parentId: '101', threadKey: '101', author: { handle: 'acme' } });
    expect(c['103']).toMatchObject({ parentId: '101', threadKey: '101' });
    expect(c['202']).toMatchObject({
      parentId: '201',
      threadKey: '201',
      author: { handle: 'profile.php?id=100034567890123' },
    });
    expect(c['301']!.parentId).toBeUndefined();
    // The name comes from the profile link, never from "Reply by NAME to OTHER's comment …".
    expect(c['202']!.author.displayName).toBe('Jen Kim');
    expect(c['103']!.permalink).toBe(POST);
    expect(createFacebookAdapter().permalink?.(c['103']!)).toBe(`${POST}?comment_id=101&reply_comment_id=103`);
    expect(createFacebookAdapter().permalink?.(c['101']!)).toBe(`${POST}?comment_id=101`);
  });

  it('classifies them: the Page’s reply answers what came before it in the thread, nothing else', () => {
    expect(statesOf(read)).toEqual({
      '101': 'answered',
      '102': 'brand',
      '103': 'unanswered',
      '201': 'unanswered',
      '202': 'unanswered',
      '301': 'unanswered',
    });
    expect(view(read).health).toBe('ok');
  });

  it('never reads the aria-hidden feed behind the dialog', () => {
    expect(read.comments.some((c) => c.comment.id === '999')).toBe(false);
    expect(read.post?.author).toMatchObject({ handle: 'acme', displayName: 'Acme Coffee' });
  });

  it('reads again only the rows a batch touched', () => {
    const adapter = createFacebookAdapter();
    const doc = page(nested);
    adapter.read(doc, URL_A);
    const text = [...doc.querySelectorAll('[role="dialog"] [lang] div')][0]!;
    text.textContent = 'changed';
    const untouched = adapter.read(doc, URL_A, new Set([doc.body]));
    // A delta: nothing it was told about changed a row, and the page still shows its three comments.
    expect(untouched.delta).toEqual({ released: [], readable: 3 });
    expect(untouched.comments).toEqual([]);
    const touched = adapter.read(doc, URL_A, new Set([text.firstChild!]));
    expect(touched.comments.map((c) => c.comment.text)).toEqual(['changed']);
    expect(touched.delta?.readable).toBe(3);
  });
});

describe('who answers, and when', () => {
  const thread = `<li>${article({ id: '101', ...ann, text: 'Mikor lesz kapható?', ago: '2d' })}</li>`;
  /** The dialog's comment box labelled as Facebook labels it for the account the user acts as. */
  const actingAs = (label: string) => {
    const doc = page(thread);
    doc.querySelector('[role="dialog"] [role="textbox"]')!.setAttribute('aria-label', label);
    return createFacebookAdapter().read(doc, URL_A).actingHandle;
  };

  it('a box that says "Comment as NAME" names the acting identity: the post’s Page or someone on the page', () => {
    expect(actingAs('Comment as Acme Coffee')).toBe('acme');
    expect(actingAs('Hozzászólás mint Anna Kovács')).toBe('anna.kovacs.123');
    expect(actingAs('Anna Kovács হিসেবে মন্তব্য করুন')).toBe('anna.kovacs.123');
    // A name the page shows nowhere names no account: never guessed.
    expect(actingAs('Comment as Nobody Here')).toBeNull();
    expect(actingAs('Write a comment…')).toBeNull();
  });

  it('an absolute time in the time link’s label wins over its relative words, exact to the minute', () => {
    const withDate = thread.replace('>2d</a>', ' aria-label="Monday, November 30, 2026 at 2:15 PM">2d</a>');
    const [exact] = createFacebookAdapter().read(page(withDate), URL_A).comments;
    expect(exact?.comment).toMatchObject({
      postedAt: new Date(2026, 10, 30, 14, 15).getTime(),
      postedAtPrecision: 'exact',
    });
    const [approx] = createFacebookAdapter().read(page(thread), URL_A).comments;
    expect(approx?.comment.postedAtPrecision).toBe('approx');
  });
});

describe('collapsed replies', () => {
  const thread = (summary: string) =>
    page(
      `<li>${article({ id: '401', ...ann, text: 'Kérdés', ago: '2h' })}
       <div><div role="button"><span dir="auto">${summary}</span></div></div></li>`,
    );

  it('a summary naming the brand answers the comment it hides replies of', () => {
    const read = createFacebookAdapter().read(thread('Acme Coffee replied · 2 Replies'), URL_A);
    expect(read.collapsed).toMatchObject([{ kind: 'more-replies', parentId: '401', repliers: ['Acme Coffee'] }]);
    expect(statesOf(read)).toEqual({ '401': 'answered' });
    expect(view(read).health).toBe('ok');
  });

  it('a summary naming a customer leaves it waiting, and the view incomplete', () => {
    const read = createFacebookAdapter().read(thread('Jen Kim replied · 1 Reply'), URL_A);
    expect(read.collapsed[0]?.repliers).toEqual(['Jen Kim']);
    expect(statesOf(read)).toEqual({ '401': 'unanswered' });
    expect(view(read).health).toBe('incomplete');
  });

  it('in an unknown language, a text control after a comment still makes the view incomplete', () => {
    const read = createFacebookAdapter().read(thread('Zobrazit všech 5 odpovědí'), URL_A);
    expect(read.collapsed).toMatchObject([{ kind: 'more-replies', parentId: '401' }]);
    expect(view(read).health).toBe('incomplete');
  });
});

describe('interfaces in other languages', () => {
  const cases = [
    {
      lang: 'hu',
      ago: '2 ó',
      label: 'Hozzászólás tőle: Anna Kovács 2 órája',
      more: 'Az összes válasz megtekintése (3)',
      order: 'Legrelevánsabb',
      count: '12 hozzászólás',
    },
    {
      lang: 'bn',
      ago: '২ ঘণ্টা',
      label: 'Anna Kovács-এর মন্তব্য ২ ঘণ্টা আগে',
      more: 'সবগুলো ৩টি উত্তর দেখুন',
      order: 'সবচেয়ে প্রাসঙ্গিক',
      count: '১২টি মন্তব্য',
    },
    {
      lang: 'km',
      ago: '២ ម៉ោង',
      label: 'មតិយោបល់ដោយ Anna Kovács ២ ម៉ោង មុន',
      more: 'មើលការឆ្លើយតបទាំង ៣',
      order: 'ពាក់ព័ន្ធបំផុត',
      count: '១២ មតិយោបល់',
    },
    {
      lang: 'ar',
      ago: '\u200f٢ س',
      label: 'تعليق من Anna Kovács منذ ساعتين',
      more: 'عرض كل الردود الـ 3',
      order: 'الأكثر صلة',
      count: '١٢ تعليقًا',
    },
  ];

  it.each(cases)('$lang: ids, author, an approximate two-hour age, hidden replies, order and count', (c) => {
    const before = Date.now();
    const doc = page(
      `<li>${article({ id: '501', ...ann, text: 'szöveg', ago: c.ago, label: c.label, lang: c.lang })}
       <div><div role="button"><span dir="auto">${c.more}</span></div></div></li>`,
      { lang: c.lang, order: c.order, count: c.count },
    );
    const read = createFacebookAdapter().read(doc, URL_A);
    expect(read.comments).toHaveLength(1);
    const comment = read.comments[0]!.comment;
    expect(comment).toMatchObject({ id: '501', author: { handle: 'anna.kovacs.123', displayName: 'Anna Kovács' } });
    expect(comment.postedAtPrecision).toBe('approx');
    expect(before - comment.postedAt).toBeGreaterThanOrEqual(2 * HOUR - 1000);
    expect(before - comment.postedAt).toBeLessThan(3 * HOUR);
    expect(read.collapsed.map((p) => [p.kind, p.label])).toEqual([
      ['more-replies', c.more],
      ['more-comments', c.order],
      ['more-comments', c.count],
    ]);
    expect(view(read).health).toBe('incomplete');
  });

  it('falls back to the aria-label when the time link says nothing readable', () => {
    const doc = page(article({ id: '601', ...ann, text: 'x', ago: '•', label: 'تعليق من Anna منذ ٦ أيام' }), {
      lang: 'ar',
    });
    const read = createFacebookAdapter().read(doc, URL_A);
    expect(Math.round((Date.now() - read.comments[0]!.comment.postedAt) / (24 * HOUR))).toBe(6);
  });

  it('says a comment whose time cannot be read is unreadable, and never guesses', () => {
    const read = createFacebookAdapter().read(
      page(article({ id: '701', ...ann, text: 'x', ago: '???', label: '???' })),
      URL_A,
    );
    expect(read.comments).toHaveLength(0);
    expect(read.candidates).toBe(1);
    expect(view(read).health).toBe('broken');
  });
});

describe('navigation', () => {
  it('does not read the previous post’s dialog as the next post', () => {
    const adapter = createFacebookAdapter();
    const doc = page(article({ id: '801', ...ann, text: 'x', ago: '2h' }));
    expect(adapter.read(doc, URL_A).comments).toHaveLength(1);
    const next = adapter.read(doc, new URL('https://www.facebook.com/acme/posts/pfbid0next'));
    expect(next.post).toBeNull();
    expect(next.comments).toHaveLength(0);
  });
});

describe('a post dialog opened over a page whose address names no post', () => {
  const FEED = new URL('https://www.facebook.com/acme');
  const anna = (post?: string) => article({ id: '811', ...ann, text: 'Is it vegan?', ago: '2h' }, post);

  it('shows the dialog’s post, recovered from its comment links (its own timestamp link is empty)', () => {
    const adapter = createFacebookAdapter();
    const doc = page(anna());
    expect(adapter.shownPostId?.(doc)).toBe('pfbid0abc');
    const read = adapter.read(doc, FEED);
    expect(read.post?.id).toBe('pfbid0abc');
    expect(read.post?.author.handle).toBe('acme');
    expect(read.comments.map((c) => c.comment.id)).toEqual(['811']);
    expect(read.comments[0]!.comment.postId).toBe('pfbid0abc');
  });

  it('takes the post from a base64 comment id when no link names the post’s address', () => {
    const doc = page(
      article({ id: '812', ...ann, text: 'x', ago: '2h', base64: true }, 'https://www.facebook.com/acme'),
    );
    expect(createFacebookAdapter().shownPostId?.(doc)).toBe(STORY);
  });

  it('shows no post without a dialog, or when the dialog is behind an aria-hidden layer', () => {
    const adapter = createFacebookAdapter();
    const feedOnly = page(anna());
    feedOnly.querySelector('[role="dialog"]')!.remove();
    expect(adapter.shownPostId?.(feedOnly)).toBeNull();
    expect(adapter.read(feedOnly, FEED).post).toBeNull();
    const hidden = page(anna());
    hidden.querySelector('[role="dialog"]')!.setAttribute('aria-hidden', 'true');
    expect(adapter.shownPostId?.(hidden)).toBeNull();
  });

  it('another post’s dialog shows that post', () => {
    const adapter = createFacebookAdapter();
    expect(adapter.shownPostId?.(page(anna()))).toBe('pfbid0abc');
    expect(adapter.shownPostId?.(page(anna('https://www.facebook.com/acme/posts/pfbid0next')))).toBe('pfbid0next');
  });
});

describe('links', () => {
  it('knows post addresses', () => {
    const id = (u: string) => matchPostPage(new URL(u))?.postId ?? null;
    expect(id('https://www.facebook.com/acme/posts/pfbid02abc')).toBe('pfbid02abc');
    expect(id('https://web.facebook.com/acme/posts/some-words/3741738029450159/')).toBe('3741738029450159');
    expect(id('https://www.facebook.com/permalink.php?story_fbid=123456&id=42')).toBe('123456');
    expect(id('https://www.facebook.com/groups/coffee/posts/987654321/')).toBe('987654321');
    expect(id('https://www.facebook.com/photo/?fbid=55512345')).toBe('55512345');
    expect(id('https://www.facebook.com/reel/1234567890')).toBe('1234567890');
    expect(id('https://www.facebook.com/watch/?v=1234567890')).toBe('1234567890');
    expect(id('https://www.facebook.com/acme')).toBeNull();
    expect(id('https://www.facebook.com/')).toBeNull();
    expect(id('https://example.com/acme/posts/123456')).toBeNull();
  });

  it('normalizes numeric and base64 comment ids to one id', () => {
    expect(normalizeCommentId('1525515098105648')).toEqual({ id: '1525515098105648' });
    expect(normalizeCommentId(btoa('comment:1024370536388146_1525515098105648'))).toEqual({
      id: '1525515098105648',
      postId: '1024370536388146',
    });
    expect(normalizeCommentId('bm90IGEgY29tbWVudA==')).toBeNull();
  });

  it('tells a profile link from the timestamp link by path', () => {
    const base = new URL(POST);
    expect(parseCommentLink('/profile.php?id=42&comment_id=7', base)).toMatchObject({
      kind: 'profile',
      handle: 'profile.php?id=42',
      id: '7',
    });
    expect(parseCommentLink('/acme/posts/pfbid0abc?comment_id=7&reply_comment_id=8', base)).toMatchObject({
      kind: 'time',
      id: '8',
      parentId: '7',
      postId: 'pfbid0abc',
    });
    expect(parseCommentLink('/acme?__cft__[0]=x', base)).toBeNull(); // a mention in the text
  });
});

describe('words', () => {
  it('reads comment counts in several scripts and abbreviations', () => {
    expect(commentCountIn('820 comments')).toBe(820);
    expect(commentCountIn('1.2K comments')).toBe(1200);
    expect(commentCountIn('৮২০টি মন্তব্য')).toBe(820);
    expect(commentCountIn('14 shares')).toBeNull();
  });

  it('knows collapsed controls, the filtered order and who replied', () => {
    expect(collapsedKindOf('View more comments')).toBe('more-comments');
    expect(collapsedKindOf('View 1 reply')).toBe('more-replies');
    expect(collapsedKindOf('Xem tất cả 5 phản hồi')).toBe('more-replies');
    expect(collapsedKindOf('Like')).toBeNull();
    expect(isFilteredOrder('Most relevant')).toBe(true);
    expect(isFilteredOrder('All comments')).toBe(false);
    expect(repliersIn('María López 🌻 respondió · 2 respuestas')).toEqual(['María López 🌻']);
  });

  // The content script does not bundle them: the background hands them over once ('facebook.words').
  describe('handed over', () => {
    afterEach(() => setFacebookWords(FACEBOOK_WORDS));
    const labels = ['820 comments', 'View all 5 replies', 'View more comments', 'Most relevant', 'Comment as Acme'];
    const readAll = () =>
      labels.map((l) => [commentCountIn(l), collapsedKindOf(l), isFilteredOrder(l), repliersIn(l), actingNameIn(l)]);

    it('before they are in, nothing is read by words (the reader falls back to structure)', () => {
      const none = {
        moreReplies: [],
        moreComments: [],
        replied: [],
        filteredOrder: [],
        commentWords: '$^',
        commentAs: [],
      };
      setFacebookWords(none);
      for (const read of readAll()) expect(read).toEqual([null, null, false, [], null]);
    });

    it('pass the message schema and read the same after a trip through the message (JSON)', () => {
      const before = readAll();
      const sent = JSON.parse(JSON.stringify(FACEBOOK_WORDS));
      expect(PROTOCOL['facebook.words'].response.shape.reading.safeParse(sent).success).toBe(true);
      setFacebookWords(sent);
      expect(readAll()).toEqual(before);
      expect(actingNameIn('Comment as Acme Coffee')).toBe('Acme Coffee');
      expect(actingNameIn('COMMENT AS Acme Coffee')).toBe('Acme Coffee');
    });
  });
});
