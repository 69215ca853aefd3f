// Which of the three sites a tab shows, from its URL. The URL is visible to the popup only for tabs on the sites the
// extension has host access to; for any other tab it is absent, and the popup simply says "not on a site".
import type { Platform } from '../../utils/core/model';

const HOSTS: ReadonlyArray<readonly [RegExp, Platform]> = [
  [/^(?:www\.|mobile\.)?(?:x|twitter)\.com$/i, 'x'],
  [/^(?:www\.|web\.|m\.)?facebook\.com$/i, 'facebook'],
  [/^(?:www\.)?instagram\.com$/i, 'instagram'],
];

export function platformOfUrl(url: string | undefined): Platform | null {
  if (!url) return null;
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return null;
    host = parsed.hostname;
  } catch {
    return null;
  }
  return HOSTS.find(([re]) => re.test(host))?.[1] ?? null;
}
