// Which links Reply Radar keeps: only https links back to the sites it reads (a stored link is clicked on the
// dashboard). Plain code, no schema: the response-log schema and the content scripts share it.
const SITE_HOST = /^(?:x\.com|twitter\.com|(?:www|web|m)\.facebook\.com|www\.instagram\.com)$/;
export const MAX_PERMALINK_LENGTH = 500;

export function isSitePermalink(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_PERMALINK_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && SITE_HOST.test(url.hostname);
  } catch {
    return false;
  }
}
