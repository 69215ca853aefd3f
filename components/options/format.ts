// Small text helpers of the options page: dates, counts, tags and handles as people read and type them.
import type { Platform } from '../../utils/core/model';
import { currentLocale, LOCALE_NATIVE_NAMES, type Locale, t } from '../../utils/i18n';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "just now", "5 minutes ago", "3 days ago", then a date. */
export function timeAgo(at: number, now: number = Date.now(), locale: string = currentLocale()): string {
  const diff = Math.max(0, now - at);
  const minutes = Math.floor(diff / 60_000);
  if (minutes < 1) return t('time_just_now');
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 30) return rtf.format(-days, 'day');
  return new Date(at).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Whole days until `deletedAt + keepMs`, rounded up, never below 0. */
export function daysLeft(deletedAt: number, keepMs: number, now: number = Date.now()): number {
  return Math.max(0, Math.ceil((deletedAt + keepMs - now) / DAY_MS));
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "thanks, order , ,Order" → ["thanks", "order", "Order"]: trimmed, blanks dropped, exact repeats dropped. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}

const PROFILE_HOSTS: Record<Platform, RegExp> = {
  x: /^(?:www\.|mobile\.)?(?:x|twitter)\.com$/i,
  facebook: /^(?:www\.|web\.|m\.)?facebook\.com$/i,
  instagram: /^(?:www\.)?instagram\.com$/i,
};

/**
 * What the user meant by a typed or pasted identity: "@Acme" → "Acme", "https://x.com/acme/status/1" → "acme",
 * "https://www.facebook.com/profile.php?id=42" → "profile.php?id=42". Facebook page names may hold spaces.
 */
export function parseIdentity(platform: Platform, input: string): string {
  const text = input.trim();
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    if (PROFILE_HOSTS[platform].test(url.hostname)) {
      const first = url.pathname.split('/').find((p) => p !== '') ?? '';
      if (platform === 'facebook' && first === 'profile.php') {
        const id = url.searchParams.get('id');
        return id ? `profile.php?id=${id}` : '';
      }
      return decodeURIComponent(first).replace(/^@/, '');
    }
  } catch {
    // Not a URL: a plain name.
  }
  return text.replace(/^@/, '');
}

/** Problem with an identity the user wants to add, or null when it can be added. */
export function identityProblem(platform: Platform, value: string, existing: readonly string[]): string | null {
  if (value === '') return t('identity_empty');
  if (existing.some((e) => e.replace(/^@/, '').toLowerCase() === value.toLowerCase())) return t('identity_duplicate');
  if (platform === 'x' && !/^\w{1,15}$/.test(value)) return t('identity_bad_x');
  if (platform === 'instagram' && !/^[\w.]{1,30}$/.test(value)) return t('identity_bad_instagram');
  if (value.length > 100) return t('identity_too_long');
  return null;
}

export const PLATFORM_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' };

/** "en" → "English", "hu" → "magyar (hu)"-style names where the runtime knows them. */
export function languageName(code: string, displayLocale?: string): string {
  if (code === '*') return t('common_any_language');
  const shownIn = displayLocale ?? currentLocale();
  try {
    const names = new Intl.DisplayNames([shownIn], { type: 'language' });
    const name = names.of(code);
    // Without data for the page's language (Chrome has no Khmer) Intl answers in English: our four languages are
    // then named in their own words, as the language menu names them.
    const speaks = names.resolvedOptions().locale.split('-')[0] === shownIn.split('-')[0];
    if (!speaks && Object.hasOwn(LOCALE_NATIVE_NAMES, code)) return LOCALE_NATIVE_NAMES[code as Locale];
    if (name && name !== code) return name;
  } catch {
    // Not a valid tag: show it as typed.
  }
  return code;
}

/** What went wrong, for the user, in the interface language (the error's locale text). */
export { errorText } from '../error-text';
