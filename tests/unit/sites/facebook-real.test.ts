// The Facebook adapter against the real captures in ../shared/fixtures/real (CI keeps a copy of shared/ beside
// the clone): a logged-in post dialog with 44 comments over an aria-hidden feed, a logged-out permalink page, and
// Arabic fragments with a real reply_comment_id. Where a capture disagrees with sites.md, the capture wins.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import type { PageFacts } from '../../../utils/overlay/view-model';
import { createFacebookAdapter } from '../../../utils/sites/facebook';
import { parseCommentLink } from '../../../utils/sites/facebook/links';
import type { PageRead } from '../../../utils/sites/types';
import { buildPageView } from '../overlay/page-view';
import { REAL_CAPTURES as REAL } from './real-captures';

const load = (name: string) =>
  new DOMParser().parseFromString(readFileSync(path.join(REAL, name), 'utf8'), 'text/html');

const DAY = 24 * 60 * 60 * 1000;

/** What the panel would say for a read, with `brand` as the brand's Facebook identities. */
function viewOf(read: PageRead, brand: string[]) {
  const facts: PageFacts = {
    isPostPage: true,
    post: read.post,
    actingHandle: read.actingHandle,
    comments: read.comments.map((c) => c.comment),
    collapsed: read.collapsed,
    candidates: read.candidates,
    readable: read.comments.length,
    problems: read.problems,
    loading: false,
  };
  const settings = { ...DEFAULT_SETTINGS, brand: { x: [], facebook: brand, instagram: [] } };
  return buildPageView(facts, settings, new Map(), Date.now(), 'en');
}

/** Every comment of the dialog in page order (timestamp link's numeric comment_id, the name of its aria-label). */
const DIALOG_COMMENTS: Array<[string, string]> = [
  ['1525515098105648', 'Kristoffer Courts'],
  ['368137376342143', 'Ryujin Hans'],
  ['981839327113012', 'Nanski Short'],
  ['564162269689962', 'Janggler Masadao Mendoza'],
  ['902946081938849', 'Osaragi'],
  ['442895202188381', 'Teddy Williams'],
  ['585693327269720', 'Steven Trevino'],
  ['469422125713741', 'Jeriel Buenaventura'],
  ['1125156309122209', 'Andrei Da Bu'],
  ['603228472234252', 'Ne L Son'],
  ['2078119855953888', 'Simone Spadafora'],
  ['933766145297959', 'Offemaria Kyle'],
  ['1202096760858913', 'Nazirsha Mondal'],
  ['1092039922361068', 'NSTR BLSM II'],
  ['1095881291999984', 'Lu Chen'],
  ['1596048567650988', 'Ralph Francisco Roferos'],
  ['1701035337135734', 'Mark Anthony Sunga Osorio'],
  ['2130924517323772', 'Rupert Blanco'],
  ['1627633931294023', 'Drew Yamato'],
  ['2096449660807310', 'Richard Cubyano'],
  ['889344300015981', 'Joshua Lumactod Silvano'],
  ['1113389540444378', 'Joshua Mathew'],
  ['486718604526484', 'Solaiman A. Abdulbasith'],
  ['897118799203108', 'Hadhi Wahyu'],
  ['585892400598893', 'Eren Yager'],
  ['574179745017540', 'Ret Zonort'],
  ['491601287237475', 'Watashi Chin DeSu'],
  ['1214640482958660', 'Rozz Ocampo'],
  ['510136982177925', 'Ghianrick Botor'],
  ['1816620642474827', 'Kim John Miraflor'],
  ['544091301825493', 'Pavlos Angelov'],
  ['1870439210030215', 'Asedir Odin'],
  ['1508628239836519', 'Tobi Lasac'],
  ['533717472828733', 'Robert Sarabia'],
  ['502808889580513', 'Mark Spencer Laudiana'],
  ['1356700995308729', 'Rei Jonathan'],
  ['1614536129162678', 'Akanbi Demola'],
  ['561201529885463', 'Fpaul Francisco'],
  ['952725010037185', 'Rhanz Pasigado Dantes'],
  ['366559873168767', 'Rens Angeles'],
  ['878512434267730', 'Alamer Jake'],
  ['1083005116355632', 'Prince Mirhan'],
  ['1084222276261601', 'Zieryll Eman'],
  ['1101716914910625', 'Mahin Vai'],
];

const DIALOG_URL = new URL(
  'https://www.facebook.com/animeworldgobal/posts/pfbid02vnj2KuSa7yrG6weZr5TKyT7h2VrK6HnZT7jCchjHs7MQGGaNyQjnq9DF8WhkWf8Kl',
);

describe('the logged-in post dialog (44 comments, November 2024)', () => {
  const doc = load('facebook-post-dialog-44-comments-2024-11.html');
  const before = Date.now();
  const read = createFacebookAdapter().read(doc, DIALOG_URL);

  it('finds all 44 comments of the dialog with their ids and authors, in page order', () => {
    expect(read.comments.map((c) => [c.comment.id, c.comment.author.displayName])).toEqual(DIALOG_COMMENTS);
    expect(read.candidates).toBe(44);
    for (const { comment, element } of read.comments) {
      expect(element.getAttribute('role')).toBe('article');
      expect(comment.postId).toBe(DIALOG_URL.pathname.split('/').at(-1));
      expect(comment.threadKey).toBe(comment.id);
      expect(comment.parentId).toBeUndefined();
      expect(comment.author.handle).toMatch(/^(profile\.php\?id=\d+|[a-z0-9.]+)$/);
    }
    const kristoffer = read.comments[0]!.comment;
    expect(kristoffer.author).toEqual({
      handle: 'kristoffer.courts.3',
      displayName: 'Kristoffer Courts',
      profileUrl: 'https://www.facebook.com/kristoffer.courts.3',
    });
    expect(kristoffer.text).toBe('Upside down rainbow death stranding');
    expect(kristoffer.lang).toBe('en');
    // The comment keeps its post's link; the adapter makes the comment's own when the response log needs it.
    expect(kristoffer.permalink).toBe(DIALOG_URL.href);
    expect(createFacebookAdapter().permalink?.(kristoffer)).toBe(`${DIALOG_URL.href}?comment_id=1525515098105648`);
    expect(read.comments[1]!.comment.author.handle).toBe('profile.php?id=100071418043760');
  });

  it('ignores the aria-hidden feed behind the dialog: its preview comment, its controls, its post', () => {
    expect(read.comments.some((c) => c.comment.author.displayName === '飯先 タベル')).toBe(false);
    expect(read.collapsed.some((c) => /View more comments/.test(c.label))).toBe(false);
    expect(read.post?.author).toEqual({
      handle: 'animeworldgobal',
      displayName: 'Anime World',
      profileUrl: 'https://www.facebook.com/animeworldgobal',
    });
  });

  it('reads "a day ago" and "1d" as an approximate age of one day, never an invented minute', () => {
    const after = Date.now();
    const kristoffer = read.comments[0]!.comment; // "a day ago", "1d"
    expect(kristoffer.postedAtPrecision).toBe('approx');
    expect(kristoffer.postedAt).toBeGreaterThanOrEqual(before - DAY);
    expect(kristoffer.postedAt).toBeLessThanOrEqual(after - DAY);
    const nanski = read.comments[2]!.comment; // "2 days ago"
    expect(after - nanski.postedAt).toBeGreaterThanOrEqual(2 * DAY);
    expect(after - nanski.postedAt).toBeLessThan(3 * DAY);
  });

  it('is incomplete: collapsed replies under their comments, "Most relevant", 820 comments of 44', () => {
    const hidden = read.collapsed.map((c) => [c.kind, c.label, c.parentId]);
    expect(hidden).toEqual([
      ['more-replies', 'View all 3 replies', '1525515098105648'],
      ['more-replies', 'View all 3 replies', '368137376342143'],
      ['more-replies', 'View 1 reply', '981839327113012'],
      ['more-replies', 'View all 2 replies', '902946081938849'],
      ['more-comments', 'Most relevant', undefined],
      ['more-comments', '820 comments', undefined],
    ]);
    const view = viewOf(read, ['animeworldgobal']);
    expect(view.tracked).toBe(true);
    expect(view.health).toBe('incomplete');
    expect(view.queue).toHaveLength(44);
    expect(view.collapsedHints).toContain('View all 3 replies');
  });

  it('offers to adopt the Page when it is not a brand identity', () => {
    const view = viewOf(read, []);
    expect(view.tracked).toBe(false);
    expect(view.adoptable?.handle).toBe('animeworldgobal');
  });

  it('reads the acting account nowhere: the dialog composer says "Write a comment…"', () => {
    expect(read.actingHandle).toBeNull();
  });
});

describe('the logged-out permalink page (Bengali post, English interface, 2025)', () => {
  const url = new URL(
    'https://www.facebook.com/salmanmd.sultan.1/posts/pfbid02pwk1KyH6jtefw3dYQuPQPEESmxCrBGaigyWUdu5JRSbZzAQBAnRDfZsPP7av5ikql',
  );
  const read = createFacebookAdapter().read(load('facebook-permalink-logged-out-2025.html'), url);

  it('reads the 10 comments inside the post’s own article, all by the post’s author', () => {
    expect(read.comments).toHaveLength(10);
    expect(new Set(read.comments.map((c) => c.comment.id)).size).toBe(10);
    expect(read.post?.author.handle).toBe('salmanmd.sultan.1');
    for (const { comment } of read.comments) {
      expect(comment.author.handle).toBe('salmanmd.sultan.1');
      expect(comment.author.displayName).toBe('Salman Mohammad Sultan');
    }
  });

  it('knows 782 comments are not all there: incomplete, never all answered', () => {
    expect(read.collapsed.map((c) => c.label)).toEqual(
      expect.arrayContaining(['782 comments', 'Most relevant', 'Anayeat Khan replied · 1 reply']),
    );
    // "NAME replied · 1 reply" names a customer, under the comment it follows: it answers nothing.
    const named = read.collapsed.find((c) => c.repliers?.length);
    expect(named?.repliers).toEqual(['Anayeat Khan']);
    expect(read.comments.some((c) => c.comment.id === named?.parentId)).toBe(true);
    const view = viewOf(read, ['salmanmd.sultan.1']);
    expect(view.queue).toHaveLength(0);
    expect(view.health).toBe('incomplete');
    expect([...view.comments.values()].every((c) => c.state === 'brand')).toBe(true);
  });
});

describe('the Arabic fragments (June 2024)', () => {
  const url = new URL(
    'https://www.facebook.com/aljabel.matein3/posts/pfbid0wgxG1KM5ogtmcrm4BiVx9JGyYXqTuKRqwzgWfTZDBN9BamidEM4e4uzN8FLzvXxjl',
  );
  const doc = load('facebook-comment-and-reply-fragments-ar-2024-06.html');

  it('reads the comment: base64 and numeric ids agree, Arabic-Indic "منذ ٦ أيام" is six days', () => {
    const now = Date.now();
    const read = createFacebookAdapter().read(doc, url);
    expect(read.comments).toHaveLength(1);
    const comment = read.comments[0]!.comment;
    expect(comment.id).toBe('438424255652710');
    expect(comment.author.handle).toBe('300sc');
    expect(comment.author.displayName).toBe('حسين الحچيمي الحتروشي');
    expect(comment.text).toBe('شون راح نعرف المميزات');
    expect(comment.lang).toBe('ar');
    expect(comment.postedAtPrecision).toBe('approx');
    expect(Math.round((now - comment.postedAt) / DAY)).toBe(6);
  });

  it('reads the Page’s reply once it sits in its article: reply_comment_id is its id, comment_id its parent', () => {
    const links = [...doc.querySelectorAll('a[href*="reply_comment_id"]')];
    expect(links).toHaveLength(1);
    expect(parseCommentLink(links[0]!.getAttribute('href')!, url)).toMatchObject({
      kind: 'time',
      id: '842366701101047',
      parentId: '438424255652710',
    });
    // The fragment is the reply's inner body: give it the role=article wrapper Facebook renders around it.
    const body = links[0]!.closest('ul')!.parentElement!.parentElement!;
    const article = doc.createElement('div');
    article.setAttribute('role', 'article');
    body.replaceWith(article);
    article.append(body);
    const read = createFacebookAdapter().read(doc, url);
    const reply = read.comments.find((c) => c.comment.id === '842366701101047')?.comment;
    expect(reply).toMatchObject({
      parentId: '438424255652710',
      threadKey: '438424255652710',
      author: { handle: 'aljabel.matein3', displayName: 'شركة الجبل المتين' },
    });
    expect(reply?.text).toContain('مذكور داخل الصوره');
  });
});
