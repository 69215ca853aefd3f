// X's status addresses: which URLs are a post's page, the id and handle they name, and the time an id encodes.
export const STATUS_PATH = /^\/(?:i\/web|([A-Za-z0-9_]{1,20}))\/status(?:es)?\/(\d{1,25})(?:\/|$)/;
/** What an X handle can be (letters, digits, underscore), as in STATUS_PATH. */
export const HANDLE = /^[A-Za-z0-9_]{1,20}$/;
const X_HOSTS = new Set(['x.com', 'twitter.com', 'www.x.com', 'www.twitter.com', 'mobile.x.com', 'mobile.twitter.com']);
/** Path segments that look like a handle but are X's own pages. */
const RESERVED = new Set(['i', 'home', 'explore', 'notifications', 'messages', 'settings', 'search', 'compose']);

/** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z). */
const TWEPOCH = 1288834974657n;
const YEAR_2100 = 4102444800000;

/**
 * Creation time (epoch ms) encoded in an X status id, or null when the id is not a snowflake
 * (ids from before November 2010 are plain counters). Exact to the millisecond, and unchanged by later edits.
 */
export function snowflakeTime(id: string): number | null {
  if (!/^\d{1,25}$/.test(id)) return null;
  const ms = Number((BigInt(id) >> 22n) + TWEPOCH);
  return ms > Number(TWEPOCH) && ms < YEAR_2100 ? ms : null;
}

export function matchPostPage(url: URL): { postId: string } | null {
  if (!X_HOSTS.has(url.hostname)) return null;
  const m = STATUS_PATH.exec(url.pathname);
  if (!m) return null;
  if (m[1] && RESERVED.has(m[1].toLowerCase())) return null;
  return { postId: m[2]! };
}

/** The handle written in a status URL, when it has one (`/i/web/status/<id>` has none). */
export function handleInPath(pathname: string): string | null {
  const m = STATUS_PATH.exec(pathname);
  return m?.[1] && !RESERVED.has(m[1].toLowerCase()) ? m[1] : null;
}
