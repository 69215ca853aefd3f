// Every selector and URL shape of Instagram (www.instagram.com) lives in utils/sites/instagram/. Instagram's class
// names are hashed and change with every release, so structure, roles, hrefs and `time[datetime]` are the anchors;
// no English (or other) word is ever matched. Facts: /work/shared/reference/sites.md and the real captures in
// /work/shared/fixtures/real/instagram-*.html.

export const SEL = {
  /** A post opened over a profile or the feed. */
  dialog: '[role="dialog"]',
  main: 'main, [role="main"]',
  navigation: 'nav, [role="navigation"]',
  /** A comment's timestamp: `a[href*="/c/"] > time[datetime]` (the caption's time links the post itself). */
  commentTime: 'a[href*="/c/"] time[datetime]',
  time: 'time[datetime]',
  link: 'a[href]',
  /** A profile picture: an image inside a link (to the profile, checked by its href). */
  avatarImage: 'a[href] img',
  control: '[role="button"], button',
  iconLabel: 'svg[aria-label]',
  progress: '[role="progressbar"]',
  /** Containers of the page's own controls that are not the conversation (action row, composer, header). */
  notConversation: 'section, header, form, nav, [role="navigation"]',
  editor: 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
  lexical: '[data-lexical-editor="true"]',
} as const;

/**
 * The elements under `root` (itself left out) that match `selector`, each of whose alternatives ends in a `tag`
 * element, in document order; lazily, so the first ones cost only the way to them. Chrome's querySelector(All)
 * with a combinator ('a[href] img') costs in proportion to the page, not to `root`: 20 new Instagram threads took
 * 0.03 ms at 200 comments and 1.3–2.8 ms at 10,000 that way, 0.01 ms by tag and `matches` (issue #10).
 */
export function* matching(root: Element, tag: string, selector: string): Generator<Element> {
  // By item(), not for…of: its iterator asks the live collection's length, which counts the whole subtree first.
  const all = root.getElementsByTagName(tag);
  for (let i = 0, el = all.item(0); el; el = all.item(++i)) if (el.matches(selector)) yield el;
}

export const IG_HOSTS = new Set(['www.instagram.com', 'instagram.com']);

/** Instagram usernames: letters, digits, "." and "_", up to 30. */
const HANDLE = '[A-Za-z0-9._]{1,30}';
const CODE = '[A-Za-z0-9_-]{5,64}';

/** `/p/<code>/`, `/reel/<code>/`, `/reels/<code>/`, `/<user>/p/<code>/`, `/<user>/reel/<code>/`, any tail. */
const POST_PATH = new RegExp(`^/(?:(${HANDLE})/)?(p|reels?|tv)/(${CODE})(?:/|$)`);
/** A comment's permalink: `/p/<code>/c/<id>/`, or a reply's `/p/<code>/c/<parent>/r/<id>/`. */
const COMMENT_PATH = new RegExp(`^/(?:${HANDLE}/)?(?:p|reels?|tv)/(${CODE})/c/(\\d{1,25})(?:/r/(\\d{1,25}))?/?$`);
const PROFILE_PATH = new RegExp(`^/(${HANDLE})/?$`);

/** First path segments that look like a username but are Instagram's own pages. */
const RESERVED = new Set([
  'p',
  'reel',
  'reels',
  'tv',
  'explore',
  'direct',
  'accounts',
  'stories',
  'about',
  'legal',
  'developer',
  'web',
  'challenge',
  'emails',
  'session',
  'privacy',
  'your_activity',
]);

export function postCodeOf(url: URL): string | null {
  if (!IG_HOSTS.has(url.hostname)) return null;
  const m = POST_PATH.exec(url.pathname);
  if (!m) return null;
  if (m[1] && RESERVED.has(m[1].toLowerCase())) return null;
  return m[3] ?? null;
}

export interface CommentLink {
  code: string;
  id: string;
  /** Set when the link names the parent (`/c/<parent>/r/<id>/`). */
  parentId?: string;
}

/** Reads a comment permalink href (relative or absolute, on Instagram's host). */
export function parseCommentHref(href: string | null, base: URL): CommentLink | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!IG_HOSTS.has(url.hostname)) return null;
  const m = COMMENT_PATH.exec(url.pathname);
  if (!m?.[1] || !m[2]) return null;
  return m[3] ? { code: m[1], id: m[3], parentId: m[2] } : { code: m[1], id: m[2] };
}

/** The username a single-segment profile link points to (`/acme.coffee/`), else null. */
export function profileHandleOf(href: string | null): string | null {
  if (!href) return null;
  let path = href;
  if (/^https?:/i.test(href)) {
    try {
      const url = new URL(href);
      if (!IG_HOSTS.has(url.hostname)) return null;
      path = url.pathname;
    } catch {
      return null;
    }
  } else if (!href.startsWith('/') || href.startsWith('//')) {
    return null;
  }
  const m = PROFILE_PATH.exec(path.split(/[?#]/)[0] ?? '');
  if (!m?.[1] || RESERVED.has(m[1].toLowerCase())) return null;
  return m[1];
}

/** Relative links on the page resolve against Instagram's own origin (the content script runs nowhere else). */
export const IG_BASE = new URL('https://www.instagram.com/');

/**
 * A timestamp linking to this post (its date, its caption, a comment permalink): proves the page shows this post
 * and not the previous one still on screen. Thumbnails of other posts ("More posts from …") link without a time.
 */
export function postTimeSelector(code: string): string {
  // `code` matched CODE above: letters, digits, "_" and "-" only, safe inside the attribute selector.
  return ['p', 'reel', 'reels', 'tv'].map((kind) => `a[href*="/${kind}/${code}/"] ${SEL.time}`).join(', ');
}

/**
 * Another post's own timestamp (its link names another post, not a comment): a part of the page showing one is a
 * list of posts (the feed under a closed dialog), not this post's page.
 */
export function otherPostTimeSelector(code: string): string {
  return `:is(a[href*="/p/"],a[href*="/reel"],a[href*="/tv/"]):not([href*="/c/"],[href*="/${code}/"]) ${SEL.time}`;
}
