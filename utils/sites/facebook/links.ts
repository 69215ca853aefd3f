// Facebook addresses: which URLs are post pages, and what a comment's links say (its id, its thread's top comment,
// the post, the author's profile). URL strings only, no DOM: tested directly.
// Facts: /work/shared/reference/sites.md (Facebook) and the real captures in shared/fixtures/real/.

export const FACEBOOK_HOSTS = new Set(['www.facebook.com', 'web.facebook.com', 'm.facebook.com', 'facebook.com']);

/** Path segments that are Facebook's own pages, never a profile or Page name. */
const RESERVED = new Set([
  'posts',
  'permalink.php',
  'story.php',
  'photo',
  'photo.php',
  'photos',
  'reel',
  'reels',
  'watch',
  'videos',
  'groups',
  'events',
  'marketplace',
  'hashtag',
  'search',
  'home.php',
  'login',
  'login.php',
  'notifications',
  'messages',
  'settings',
  'stories',
  'share',
  'sharer.php',
  'l.php',
  'people',
  'pages',
  'gaming',
  'friends',
  'bookmarks',
  'saved',
  'help',
  'privacy',
  'policies',
  'ads',
  'business',
  'privacy_sandbox',
]);

const ID = /^(?:pfbid[0-9A-Za-z]+|\d{3,25})$/;

/** The post a URL shows, when it is one of Facebook's post addresses (dialogs over a post push these too). */
export function matchPostPage(url: URL): { postId: string } | null {
  if (!FACEBOOK_HOSTS.has(url.hostname)) return null;
  const postId = postIdOfPath(url.pathname, url.searchParams);
  return postId ? { postId } : null;
}

/**
 * `/<page>/posts/<id|pfbid>`, `/<page>/posts/<words>/<id>/`, `/groups/<g>/posts/<id>`, `/groups/<g>/permalink/<id>`,
 * `permalink.php?story_fbid=`, `story.php?story_fbid=`, `/photo/?fbid=`, `/photo.php?fbid=`, `/<page>/photos/…/<id>`,
 * `/reel/<id>`, `/watch/?v=<id>`, `/<page>/videos/…/<id>`.
 */
export function postIdOfPath(pathname: string, params: LinkParts['searchParams']): string | null {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  const first = parts[0]?.toLowerCase() ?? '';
  if (first === 'permalink.php' || first === 'story.php') return idOrNull(params.get('story_fbid'));
  if (first === 'photo.php' || first === 'photo') return idOrNull(params.get('fbid'));
  if (first === 'watch') return idOrNull(params.get('v'));
  if (first === 'reel' || first === 'reels') return idOrNull(parts[1]);
  if (first === 'groups') {
    const kind = parts[2]?.toLowerCase();
    if (kind === 'posts' || kind === 'permalink') return lastId(parts.slice(3));
    return null;
  }
  const kind = parts[1]?.toLowerCase();
  if (parts.length >= 3 && (kind === 'posts' || kind === 'photos' || kind === 'videos')) return lastId(parts.slice(2));
  return null;
}

function lastId(parts: string[]): string | null {
  for (let i = parts.length - 1; i >= 0; i--) if (ID.test(parts[i]!)) return parts[i]!;
  return null;
}

function idOrNull(value: string | null | undefined): string | null {
  return value && ID.test(value) ? value : null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * One comment id from a `comment_id` / `reply_comment_id` value: digits as they are; base64 of
 * "comment:<post>_<comment>" (URLSearchParams has already undone the URL encoding) decoded to its comment part.
 */
export function normalizeCommentId(value: string | null): { id: string; postId?: string } | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{1,30}$/.test(trimmed)) return { id: trimmed };
  let decoded: string;
  try {
    decoded = atob(trimmed.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const m = /^comment:(\d{1,30})_(\d{1,30})$/.exec(decoded);
  return m ? { id: m[2]!, postId: m[1]! } : null;
}

export interface CommentLink {
  kind: 'time' | 'profile';
  /** The comment this link belongs to: `reply_comment_id` when present, else `comment_id`. */
  id: string;
  /** For a reply: its thread's top comment (`comment_id`). */
  parentId?: string;
  /** The post, when the timestamp link's path says it. */
  postId?: string;
  /** The numeric post id a base64 comment id carries ("comment:<post>_<comment>"). */
  postHalf?: string;
  /** The timestamp link's path without tracking noise: the post's permalink. */
  permalinkPath?: string;
  /** For a profile link: the author's handle ("acme", "profile.php?id=100…"). */
  handle?: string;
}

/** The parts of an address the comment links are read by: a URL has them, and so has `plainLink`'s answer. */
interface LinkParts {
  hostname: string;
  pathname: string;
  searchParams: { get(name: string): string | null };
}

/** What a link inside a comment says, or null when it is not one of the comment's own links (a mention, a hashtag). */
export function parseCommentLink(href: string, base: URL): CommentLink | null {
  const plain = plainLink(href, base);
  if (plain) return commentLinkOf(plain);
  try {
    return commentLinkOf(new URL(href, base));
  } catch {
    return null;
  }
}

/** What a comment link says, from its parsed address (exported for tests: plain and URL-parsed alike). */
export function commentLinkOf(url: LinkParts): CommentLink | null {
  if (!FACEBOOK_HOSTS.has(url.hostname)) return null;
  const top = normalizeCommentId(url.searchParams.get('comment_id'));
  if (!top) return null;
  const reply = normalizeCommentId(url.searchParams.get('reply_comment_id'));
  const link: CommentLink = reply ? { kind: 'time', id: reply.id, parentId: top.id } : { kind: 'time', id: top.id };
  const handle = profileHandle(url);
  const postFromPath = postIdOfPath(url.pathname, url.searchParams);
  if (handle && !postFromPath) link.kind = 'profile';
  if (link.kind === 'profile') link.handle = handle!;
  else if (postFromPath) {
    link.postId = postFromPath;
    link.permalinkPath = permalinkPath(url);
  } else if (!handle) return null;
  const postHalf = reply?.postId ?? top.postId;
  if (postHalf) link.postHalf = postHalf;
  return link;
}

/** The post address without comment and tracking parameters. */
function permalinkPath(url: LinkParts): string {
  const keep = new URLSearchParams();
  for (const key of ['story_fbid', 'id', 'fbid', 'v', 'set']) {
    const value = url.searchParams.get(key);
    if (value) keep.set(key, value);
  }
  const query = keep.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

/** A profile address's handle: "/acme" → "acme", "/profile.php?id=42" → "profile.php?id=42"; else null. */
export function profileHandle(url: Pick<LinkParts, 'pathname' | 'searchParams'>): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 1 && parts[0]!.toLowerCase() === 'profile.php') {
    const id = url.searchParams.get('id');
    return id && /^\d{1,25}$/.test(id) ? `profile.php?id=${id}` : null;
  }
  // Group members: /groups/<g>/user/<id>/
  if (parts[0]?.toLowerCase() === 'groups' && parts[2]?.toLowerCase() === 'user' && /^\d{1,25}$/.test(parts[3] ?? '')) {
    return `profile.php?id=${parts[3]}`;
  }
  if (parts.length === 1) {
    const name = safeDecode(parts[0]!);
    if (RESERVED.has(name.toLowerCase()) || !/^[\p{L}\p{N}._-]{1,80}$/u.test(name)) return null;
    return name.toLowerCase();
  }
  return null;
}

/**
 * An absolute https address on a lowercase host or a path from the root; a path of plain segments; a query of
 * printable ASCII without `#`; a hash. The URL parser would escape, strip or turn around anything else.
 */
const PLAIN_LINK = /^(?:https:\/\/([a-z.]+))?(\/(?!\/)[\w.~-]*(?:\/[\w.~-]*)*)(?:\?([!"$-~]*))?(?:#.*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * A comment's links read without `new URL` and `URLSearchParams`: a Facebook page holds three such links per
 * comment, and those two cost 90-125 ms of a 2,000-comment page's first read in Chromium (issue #10). Only the plain
 * shape Facebook writes is taken; anything else, or a query whose escapes do not decode, is left to the URL parser
 * (null), so both give the same answers (tests/unit/sites/facebook-links.test.ts compares them).
 */
export function plainLink(href: string, base: URL): LinkParts | null {
  const m = PLAIN_LINK.exec(href);
  const hostname = m && (m[1] ?? base.hostname);
  if (!hostname || DOT_SEGMENT.test(m[2]!)) return null;
  const query = m[3] ?? '';
  try {
    // Whole, it decodes only if every name and value does (`&` and `=` never split an escape).
    decodeURIComponent(query);
  } catch {
    return null;
  }
  return { hostname, pathname: m[2]!, searchParams: plainQuery(query) };
}

/** A query's first value of a name, decoded as URLSearchParams does, searched when asked (no table per link). */
const plainQuery = (q: string): LinkParts['searchParams'] => ({
  get(name) {
    for (let at = 0; at <= q.length; ) {
      let end = q.indexOf('&', at);
      if (end < 0) end = q.length;
      const eq = q.indexOf('=', at);
      const cut = eq >= 0 && eq < end ? eq : end;
      if (end > at && formDecode(q.slice(at, cut)) === name) return formDecode(q.slice(cut + 1, end));
      at = end + 1;
    }
    return null;
  },
});

const formDecode = (text: string) => (/[%+]/.test(text) ? decodeURIComponent(text.replace(/\+/g, ' ')) : text);
