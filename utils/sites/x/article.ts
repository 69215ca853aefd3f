// Reading one post row (`article[data-testid="tweet"]`): its id, author, text and times, or why it cannot be read.
import { normalizeHandle } from '../../core/keys';
import type { Author } from '../../core/model';
import { t } from '../../i18n';
import { oneLine, readText } from '../visible-text';
import { HANDLE, handleInPath, STATUS_PATH, snowflakeTime } from './links';
import { own, SEL } from './selectors';

export interface ArticleRead {
  id: string;
  author: Author;
  permalink: string;
  text: string;
  lang?: string;
  postedAt: number;
  editedAt?: number;
}

/** The status id an article shows: its own `time`'s status link (quoted posts have links of their own). */
export function articleStatusId(article: Element, base: URL): string | null {
  const link = own(article, SEL.time)?.closest<HTMLAnchorElement>(SEL.statusLink);
  return link ? statusIdOf(link, base) : null;
}

function statusIdOf(link: Element, base: URL): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  try {
    return STATUS_PATH.exec(new URL(href, base).pathname)?.[2] ?? null;
  } catch {
    return null;
  }
}

/** Reads one `article[data-testid="tweet"]`; says why when it cannot. */
export function readArticle(article: Element, base: URL): ArticleRead | { problem: string } {
  const time = own(article, SEL.time);
  if (!time) return { problem: t('problem_reason_no_time') };
  const link = time.closest(SEL.statusLink);
  const href = link?.getAttribute('href');
  if (!link || !href) return { problem: t('problem_reason_time_unlinked') };
  let linkPath: string;
  try {
    linkPath = new URL(href, base).pathname;
  } catch {
    return { problem: t('problem_reason_bad_link') };
  }
  const id = STATUS_PATH.exec(linkPath)?.[2];
  if (!id) return { problem: t('problem_reason_bad_link') };

  const nameBlock = own(article, SEL.userName);
  let handle: string | null = null;
  let displayName = '';
  // An "@…" that is not a handle (a bidi or zero-width character inside it, say) names nobody we can trust: the
  // author is unreadable, never a look-alike account (that would make the brand's own post read as someone else's).
  let garbled = false;
  if (nameBlock) {
    for (const a of nameBlock.querySelectorAll('a')) {
      const text = oneLine(readText(a));
      if (text.startsWith('@')) {
        if (HANDLE.test(text.slice(1))) handle ??= text.slice(1);
        else garbled = true;
      } else if (!displayName) displayName = oneLine(readText(a.querySelector('[dir]') ?? a));
    }
  }
  if (!handle && garbled) return { problem: t('problem_reason_no_author') };
  handle ??= handleInPath(linkPath);
  if (!handle) return { problem: t('problem_reason_no_author') };

  const datetime = Date.parse(time.getAttribute('datetime') ?? '');
  const postedAt = snowflakeTime(id) ?? datetime;
  if (!Number.isFinite(postedAt)) return { problem: t('problem_reason_bad_time') };
  // An edited post shows its edit time in `time`; the id still encodes when it was first posted.
  const edited = own(article, SEL.historyLink) !== null;
  const editedAt = edited && Number.isFinite(datetime) && Math.abs(datetime - postedAt) >= 1000 ? datetime : undefined;

  const textEl = own(article, SEL.tweetText);
  const origin = base.origin;
  const read: ArticleRead = {
    id,
    author: { handle: normalizeHandle(handle), displayName: displayName || handle, profileUrl: `${origin}/${handle}` },
    permalink: `${origin}/${handleInPath(linkPath) ?? handle}/status/${id}`,
    text: textEl ? readText(textEl).trim() : '',
    postedAt,
  };
  const lang = textEl?.getAttribute('lang');
  if (lang) read.lang = lang;
  if (editedAt !== undefined) read.editedAt = editedAt;
  return read;
}
