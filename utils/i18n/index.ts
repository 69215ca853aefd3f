// The interface language at run time: one current catalog per page or content script, `t` and `tn` to read it,
// and a way to switch (the options' language override reaches open tabs without a reload).
// browser.i18n.getMessage cannot switch language, so a chosen locale's messages are loaded from the packaged
// _locales/<locale>/messages.json: extension pages fetch it (packaged.ts), content scripts ask the background
// (from-background.ts); each sets its loader before its first applyLanguageSetting.
import { browser } from 'wxt/browser';
import { setAgeUnitWords } from '../core/age';
import { DEFAULT_LOCALE, type Locale, resolveLocale } from './locales';
import {
  type Catalog,
  catalogFromMessages,
  formatNumber as formatIn,
  type MessageKey,
  type Messages,
  type Params,
  type PluralKey,
  translate,
  translatePlural,
} from './translate';

export { LOCALE_NATIVE_NAMES, LOCALES, type Locale } from './locales';
export type { MessageKey, Params, PluralKey } from './translate';

export type MessagesLoader = (locale: Locale) => Promise<Messages>;

/** Before anything is loaded: the browser's own choice through browser.i18n (synchronous, no fetch). */
function browserCatalog(): Catalog {
  const locale = resolveLocale('auto', browserLanguages());
  return {
    locale,
    lookup(key) {
      try {
        // Typed by WXT for known keys only; any key of ours is fine here.
        return (browser.i18n.getMessage as (name: string) => string)(key) || undefined;
      } catch {
        return undefined;
      }
    },
  };
}

let current: Catalog = browserCatalog();
/** The locale whose packaged catalog is in use (null while browser.i18n answers). */
let shown: Locale | null = null;
// No default: the fetch is the pages' (packaged.ts), and content scripts would carry it unused (issue #10).
let loader: MessagesLoader = async () => {
  throw new Error('no messages loader set');
};
const listeners = new Set<(locale: Locale) => void>();
let applying = 0;

/** The text of `key` in the current language, with {placeholders} filled (numbers in the same language). */
export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

/** The plural form of `base` for `count`, e.g. tn('queue_waiting', 3) → "3 waiting". */
export function tn(base: PluralKey, count: number, params?: Params): string {
  return translatePlural(current, base, count, params);
}

/** Whether the current catalog has `key` (a plural base has `<key>_other`). */
export function hasMessage(key: string): boolean {
  return current.lookup(key) !== undefined;
}

export function formatNumber(n: number): string {
  return formatIn(current.locale, n);
}

export function currentLocale(): Locale {
  return current.locale;
}

/** Call `cb` with the new locale after each switch. Returns the function that stops listening. */
export function onLocaleChange(cb: (locale: Locale) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** Use these messages from now on (tests; and the loaders below). */
export function setCatalog(locale: Locale, messages: Messages): void {
  current = catalogFromMessages(locale, messages);
  shown = locale;
  const unit = (base: 'age_unit_minute' | 'age_unit_hour' | 'age_unit_day' | 'age_unit_week') => ({
    one: t(`${base}_one`),
    other: t(`${base}_other`),
  });
  setAgeUnitWords(locale, {
    minute: unit('age_unit_minute'),
    hour: unit('age_unit_hour'),
    day: unit('age_unit_day'),
    week: unit('age_unit_week'),
  });
  for (const cb of [...listeners]) cb(locale);
}

export function setMessagesLoader(next: MessagesLoader): void {
  loader = next;
}

/** The browser's languages, most preferred first. */
export function browserLanguages(): string[] {
  const tags: string[] = [];
  try {
    const ui = browser.i18n.getUILanguage();
    if (ui) tags.push(ui);
  } catch {
    // Not available here (tests): navigator says the same.
  }
  if (typeof navigator !== 'undefined') tags.push(...(navigator.languages ?? []), navigator.language);
  return tags.filter(Boolean);
}

const loaded = new Map<Locale, Messages>();

/**
 * Switch to the language the setting ("auto" or a locale) names. Resolves once the catalog is in place; a failed
 * load keeps the current language (and says so in the console). Later calls win over slower earlier ones.
 */
export async function applyLanguageSetting(setting: string | undefined): Promise<Locale> {
  const target = resolveLocale(setting, browserLanguages());
  const ticket = ++applying;
  let messages = loaded.get(target);
  if (!messages) {
    try {
      messages = await loader(target);
      loaded.set(target, messages);
    } catch (error) {
      console.warn(`[reply-radar] could not load the ${target} interface texts`, error);
      return current.locale;
    }
  }
  if (ticket === applying && shown !== target) setCatalog(target, messages);
  return current.locale;
}

export { DEFAULT_LOCALE };
