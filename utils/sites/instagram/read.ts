// Reads one Instagram post page: its owner (header), the account the user acts as, and the part of the page showing
// the post. Its comments are read by the incremental ConversationReader (conversation.ts).
import { normalizeHandle } from '../../core/keys';
import type { Post } from '../../core/model';
import { t } from '../../i18n';
import type { PageRead } from '../types';
import { authorFor, ORIGIN } from './conversation-parts';
import { avatarLinks, profileLinkHandle } from './rows';
import { otherPostTimeSelector, postCodeOf, postTimeSelector, SEL } from './selectors';

export { ConversationReader } from './conversation';
export { authorFor } from './conversation-parts';
export type { ConversationRead } from './read-result';

/**
 * The part of the page that shows post `code`: its dialog when open over a profile or the feed, else main. Not main
 * when it shows other posts' own times too: the feed under a dialog that closed while the address still names the
 * post shows this post among others, and its comments are not this post's conversation.
 */
export function postScope(doc: Document, code: string): Element | null {
  const own = postTimeSelector(code);
  const dialogs = [...doc.querySelectorAll(SEL.dialog)].filter((d) => d.querySelector(own));
  if (dialogs.length) return dialogs[dialogs.length - 1] ?? null;
  const main = doc.querySelector(SEL.main) ?? doc.body;
  return main?.querySelector(own) && !main.querySelector(otherPostTimeSelector(code)) ? main : null;
}

/** The post's owner: the first profile link of the post (its header), preferring a `header` element. */
export function readOwner(scope: Element): { handle: string; link: Element } | null {
  const header = scope.querySelector('header');
  for (const root of header ? [header, scope] : [scope]) {
    for (const link of root.querySelectorAll(SEL.link)) {
      const handle = profileLinkHandle(link);
      // Outside a `header`, the first profile link may be a commenter's once the post's header is gone: that
      // would make the brand's post read as the commenter's and go untracked. Not an owner, then: none at all.
      if (handle && (root === header || !commenterLink(link, scope))) return { handle, link };
    }
  }
  return null;
}

/**
 * Whether `link` sits in a comment's row (its author's picture or name, or a mention in its text): the nearest block
 * around the link holding a comment time is inside that comment's row, whose first time is the comment's own.
 */
function commenterLink(link: Element, scope: Element): boolean {
  for (let block = link.parentElement; block && block !== scope; block = block.parentElement) {
    const time = block.querySelector(SEL.commentTime);
    if (!time) continue;
    // The comment's row: the nearest block around its time holding a profile picture (its author's).
    for (let row = time.parentElement; row && row !== scope; row = row.parentElement) {
      if (row.querySelector(SEL.avatarImage)?.closest('a')) return row.contains(link);
    }
    return true;
  }
  return false;
}

/** The account the user acts as: the navigation's own profile link (the one with the user's picture). */
export function readActingHandle(doc: Document): string | null {
  const outsidePost = (el: Element) => !el.closest(`${SEL.main}, ${SEL.dialog}`);
  for (const nav of doc.querySelectorAll(SEL.navigation)) {
    if (!outsidePost(nav)) continue;
    const link = avatarLinks(nav)[0];
    const handle = link ? profileLinkHandle(link) : null;
    if (handle) return normalizeHandle(handle);
  }
  for (const link of avatarLinks(doc.body ?? doc.documentElement)) {
    if (!outsidePost(link)) continue;
    const handle = profileLinkHandle(link);
    if (handle) return normalizeHandle(handle);
  }
  return null;
}

export interface PostRead {
  post: Post | null;
  scope: Element | null;
  /** The header's profile link. */
  ownerLink: Element | null;
  problems: string[];
}

/** The post on this page: its code from the URL, its owner from the header of the part of the page showing it. */
export function readPost(doc: Document, url: URL): PostRead {
  const code = postCodeOf(url);
  if (!code) return { post: null, scope: null, ownerLink: null, problems: [] };
  const scope = postScope(doc, code);
  // Not rendered yet, or still the previous post under the new address.
  if (!scope) return { post: null, scope: null, ownerLink: null, problems: [] };
  const owner = readOwner(scope);
  if (!owner) {
    return { post: null, scope, ownerLink: null, problems: [t('problem_post_author_missing')] };
  }
  const kind = /^\/(?:[^/]+\/)?(reels?|tv)\//.test(url.pathname) ? 'reel' : 'p';
  return {
    post: { platform: 'instagram', id: code, url: `${ORIGIN}/${kind}/${code}/`, author: authorFor(owner.handle) },
    scope,
    ownerLink: owner.link,
    problems: [],
  };
}

export type { PageRead };
