// Turning a message key into text: the catalog of one locale, {name} placeholders, plural forms chosen with
// Intl.PluralRules, and numbers formatted in the same locale as the words around them. Pure (no browser APIs).
import type enMessages from '../../public/_locales/en/messages.json';
import { smallInteger } from '../core/small-numbers';
import type { Locale } from './locales';

/** Every key of the English catalog; the other locales carry the same keys (a unit test checks). */
export type MessageKey = keyof typeof enMessages;
/** Keys that come as plural forms: `<base>_one` and `<base>_other` (all four languages need no more). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
export type Params = Record<string, string | number>;
/** key → message text (the `message` field of messages.json). */
export type Messages = Readonly<Record<string, string>>;

export interface Catalog {
  locale: Locale;
  /** Message text, or undefined when the catalog lacks the key. */
  lookup(key: string): string | undefined;
}

export function catalogFromMessages(locale: Locale, messages: Messages, fallback?: Catalog): Catalog {
  return {
    locale,
    lookup: (key) => (Object.hasOwn(messages, key) ? messages[key] : fallback?.lookup(key)),
  };
}

/** messages.json ({ key: { message, description } }) → { key: message }; anything malformed is left out. */
export function messagesFromJson(json: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof json !== 'object' || json === null) return out;
  for (const [key, entry] of Object.entries(json)) {
    const message = (entry as { message?: unknown } | null)?.message;
    if (typeof message === 'string') out[key] = message;
  }
  return out;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

export function formatNumber(locale: Locale, n: number): string {
  const small = smallInteger(locale, n);
  if (small !== null) return small;
  let nf = numberFormats.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale);
    numberFormats.set(locale, nf);
  }
  return nf.format(n);
}

export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  let pr = pluralRules.get(locale);
  if (!pr) {
    pr = new Intl.PluralRules(locale);
    pluralRules.set(locale, pr);
  }
  return pr.select(n);
}

/** Fill {name} placeholders; numbers are written in the catalog's locale. Unknown {names} stay as they are. */
export function fill(locale: Locale, text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(locale, value) : String(value);
  });
}

export function translate(catalog: Catalog, key: MessageKey, params?: Params): string {
  const text = catalog.lookup(key);
  // A missing key shows itself rather than an empty control; the locale check keeps this out of releases.
  return text === undefined ? key : fill(catalog.locale, text, params);
}

/** The plural form of `base` for `count` (also available as {count}, formatted). */
export function translatePlural(catalog: Catalog, base: PluralKey, count: number, params?: Params): string {
  const category = pluralCategory(catalog.locale, count);
  const key = `${base}_${category}`;
  const text = catalog.lookup(key) ?? catalog.lookup(`${base}_other`);
  return text === undefined ? base : fill(catalog.locale, text, { count, ...params });
}
