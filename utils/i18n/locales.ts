// The interface languages Reply Radar ships, and how the setting ("auto" or one of them) picks one.
// Pure: no browser APIs, so the options page, the popup, the content scripts and tests share it.

export const LOCALES = ['en', 'hu', 'bn', 'km'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's own name for itself, shown in the language menu (so a user can find theirs whatever is shown). */
// i18n-ignore-start: each language's name in itself, the same whatever the interface language
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
  en: 'English',
  hu: 'Magyar',
  bn: 'বাংলা',
  km: 'ភាសាខ្មែរ',
};
// i18n-ignore-end

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** "hu-HU", "bn_BD", "KM" → the shipped locale for that language, or null. */
export function matchLocale(tag: string | undefined | null): Locale | null {
  const primary = (tag ?? '').split(/[-_]/)[0]?.toLowerCase();
  return isLocale(primary) ? primary : null;
}

/**
 * The language to show: the one chosen in the options, else the browser's, else English. A browser language
 * Reply Radar does not ship falls back to English for words and numbers alike, so the two never mix.
 */
export function resolveLocale(setting: string | undefined, browserLanguages: readonly string[]): Locale {
  if (setting && setting !== 'auto') {
    const chosen = matchLocale(setting);
    if (chosen) return chosen;
  }
  for (const tag of browserLanguages) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
