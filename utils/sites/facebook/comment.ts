// One Facebook comment or reply: a `div[role="article"]` whose own links carry `comment_id` (and, for a reply,
// `reply_comment_id`). The timestamp link (a post path) gives the ids and the time; the profile link gives the
// author; the `[lang]` span the text. The aria-label ("Comment by NAME 2 hours ago", translated) is only a fallback
// for the time: its name part is never read.
import type { Author } from '../../core/model';
import { parseRelativeTime } from '../../core/relative-time';
import { t } from '../../i18n';
import { oneLine, readText } from '../visible-text';
import { type CommentLink, parseCommentLink } from './links';

export const ARTICLE = '[role="article"]';

export interface CommentRead {
  id: string;
  parentId?: string;
  /**
   * The post as the comment's links name it (the timestamp link's path id, the base64 ids' numeric half): the same
   * post may be named by several pfbids, so these only ever prove a row belongs to a post seen before.
   */
  postKeys: string[];
  permalinkPath?: string;
  author: Author;
  text: string;
  lang?: string;
  /** Latest moment the time text allows, and how wide its unit is (true time in [at − unitMs, at]). */
  at: number;
  unitMs: number;
  precision: 'exact' | 'approx';
}

export type ArticleRead = CommentRead | { problem: string };

/** Whether an article is a comment candidate at all (loading placeholders and the post's own article are not). */
export function isCommentCandidate(article: Element): boolean {
  if (article.querySelector('[role="status"]') && !article.querySelector('a[href*="comment_id="]')) return false;
  for (const a of article.querySelectorAll('a[href*="comment_id="]')) if (a.closest(ARTICLE) === article) return true;
  return article.hasAttribute('aria-label') && article.querySelector(ARTICLE) === null;
}

/** The comment's own action list (time · Like · Reply): the `ul` inside the article, not in a nested one. */
export function actionList(article: Element): HTMLElement | null {
  for (const ul of article.querySelectorAll<HTMLElement>('ul')) if (ul.closest(ARTICLE) === article) return ul;
  return null;
}

export function readComment(article: Element, base: URL, now: number, lang?: string): ArticleRead {
  let time: CommentLink | null = null;
  let timeEl: Element | null = null;
  let profile: CommentLink | null = null;
  let name = '';
  for (const a of article.querySelectorAll('a[href]')) {
    if (a.closest(ARTICLE) !== article) continue;
    const link = parseCommentLink(a.getAttribute('href') ?? '', base);
    if (!link) continue;
    if (link.kind === 'time') {
      if (!time) {
        time = link;
        timeEl = a;
      }
      continue;
    }
    profile ??= link;
    // The avatar link is aria-hidden and has no words; the name link shows the author's name.
    const text = a.getAttribute('aria-hidden') === 'true' ? '' : oneLine(readText(a));
    if (text && !name && link.handle === profile.handle) name = text;
  }
  const ids = time ?? profile;
  if (!ids) return { problem: t('problem_reason_bad_link') };
  if (!profile?.handle) return { problem: t('problem_reason_no_author') };

  const when = readTime(timeEl, article, now, lang);
  if (!when) return { problem: t('problem_reason_bad_time') };

  const body = commentBody(article);
  const read: CommentRead = {
    id: ids.id,
    author: {
      handle: profile.handle,
      displayName: name || profile.handle,
      profileUrl: slashed(base.origin) + profile.handle,
    },
    text: body ? readText(body).trim() : '',
    postKeys: [...new Set([time?.postId, time?.postHalf, profile.postHalf].filter((k): k is string => !!k))],
    ...when,
  };
  if (ids.parentId && ids.parentId !== ids.id) read.parentId = ids.parentId;
  if (time?.permalinkPath) read.permalinkPath = time.permalinkPath;
  const bodyLang = body?.closest('[lang]')?.getAttribute('lang');
  if (bodyLang) read.lang = bodyLang.split(/[-_]/)[0]!.toLowerCase();
  return read;
}

/** `origin/`, one string for every comment's profile link (which is then it and the handle; issue #10, heap). */
let originSlash = ['', ''];
function slashed(origin: string): string {
  if (originSlash[0] !== origin) originSlash = [origin, `${origin}/`];
  return originSlash[1]!;
}

/**
 * The comment's text: the `[lang]` span Facebook wraps it in, else the first `dir="auto"` block outside links
 * and buttons (the name sits in a link).
 */
function commentBody(article: Element): Element | null {
  for (const el of article.querySelectorAll('[lang]')) {
    if (el.closest(ARTICLE) === article && !el.closest('a, [role="button"]')) return el;
  }
  for (const el of article.querySelectorAll('div[dir="auto"]')) {
    if (el.closest(ARTICLE) === article && !el.closest('a, [role="button"]')) return el;
  }
  return null;
}

/**
 * The time: each piece of the timestamp link's text ("2h", or "6ي" beside "منذ ٦ أيام"), then the tail of the
 * article's aria-label ("… 2 hours ago"), tried from its longest ending. Relative text gives `approx`.
 */
function readTime(
  timeEl: Element | null,
  article: Element,
  now: number,
  lang?: string,
): Pick<CommentRead, 'at' | 'unitMs' | 'precision'> | null {
  const tries: string[] = [];
  if (timeEl) {
    const title = timeEl.getAttribute('aria-label') ?? timeEl.getAttribute('title');
    if (title) tries.push(title);
    collectPieces(timeEl, tries);
    tries.push(readText(timeEl));
  }
  const label = article.getAttribute('aria-label');
  if (label) {
    const words = oneLine(label).split(' ');
    for (let k = Math.min(5, words.length); k >= 1; k--) tries.push(words.slice(-k).join(' '));
  }
  for (const text of tries) {
    const parsed = parseRelativeTime(text, now, lang);
    if (parsed.ok) return { at: parsed.postedAt, unitMs: parsed.unitMs, precision: parsed.precision };
  }
  return null;
}

function collectPieces(el: Element, out: string[]): void {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    const text = oneLine(readText(child));
    if (text) out.push(text);
  }
}
