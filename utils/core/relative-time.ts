// Reads the "posted 2h ago" text Facebook shows instead of a date (and the long forms of its aria-labels),
// in the languages our users run Facebook in. A wrong age is worse than none: anything we cannot read with
// confidence comes back as unparsed, never as a guess, a NaN or a time in the future.
//
// postedAt is always the LATEST moment the text allows (Facebook floors: "2h" means 2h–2h59m ago), so the
// age we show is never more than the real one; the true time lies in [postedAt − unitMs, postedAt].
// precision is 'approx' for every relative form (the page contract: derived from text like "2h"); 'exact' only
// when the text names a clock time ("Yesterday at 3:15 PM", "March 3 at 10:02").
import { normalizeTimeText } from './time-text';

export type ParsedTime =
  | { ok: true; postedAt: number; precision: 'approx' | 'exact'; unitMs: number }
  | { ok: false; reason: 'unparsed' };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Months and years are counted as 30 and 365 days; Facebook's own labels are no finer than that. */
const UNIT_MS = { s: SECOND, min: MINUTE, h: HOUR, d: DAY, w: 7 * DAY, mo: 30 * DAY, y: 365 * DAY } as const;
type Unit = keyof typeof UNIT_MS;

/** Longest count we accept: nothing is 100 000 units old, and longer digit runs are not timestamps. */
const MAX_COUNT = 99_999;
/** Longer text is never a timestamp; don't spend work on it. */
const MAX_TEXT_LENGTH = 120;

/** The words relative times are written with (./relative-time-words.ts), as plain data that can be sent. */
export interface RelativeTimeWords {
  /** Per language (primary subtag), each unit's spellings separated by spaces. */
  units: Record<string, Partial<Record<Unit, string>>>;
  /** Words that carry their own count, separated by spaces, per count. */
  counted: [number, string][];
  /** Words for "one" before a unit, separated by spaces. */
  one: string;
  /** Whole texts meaning "just now", separated by "|". */
  now: string;
  /** Words for "yesterday", separated by "|". */
  yesterday: string;
  prefixes: string[];
  suffixes: string[];
}

// Empty until the words are handed in: relative times then come back unparsed, never guessed.
let UNIT_LOOKUP = new Map<string, Map<string, Unit>>();
let COUNTED_WORDS = new Map<string, number>();
let ONE_WORDS = new Set<string>();
let NOW_WORDS = new Set<string>();
let YESTERDAY_WORDS = new Set<string>();
let PREFIXES: string[] = [];
let SUFFIXES: string[] = [];

/**
 * The words every later parse uses. A unit spelled the same in several tables with different meanings is decided
 * by the page language; without one, English wins for ASCII forms and any other conflict stays unparsed.
 */
export function setRelativeTimeWords(w: RelativeTimeWords): void {
  UNIT_LOOKUP = new Map(
    Object.entries(w.units).map(([lang, table]) => [
      lang,
      new Map(
        Object.entries(table).flatMap(([unit, list]) =>
          Object.hasOwn(UNIT_MS, unit)
            ? list.split(' ').map((word) => [normalizeTimeText(word), unit as Unit] as const)
            : [],
        ),
      ),
    ]),
  );
  COUNTED_WORDS = new Map(
    w.counted.flatMap(([count, list]) => list.split(' ').map((word) => [normalizeTimeText(word), count] as const)),
  );
  ONE_WORDS = words(w.one);
  NOW_WORDS = words(w.now, '|');
  YESTERDAY_WORDS = words(w.yesterday, '|');
  PREFIXES = w.prefixes.map(normalizeTimeText);
  SUFFIXES = w.suffixes.map(normalizeTimeText);
}

const UNPARSED: ParsedTime = { ok: false, reason: 'unparsed' };

/**
 * Reads a relative (or simple English absolute) timestamp. `lang` is the page's UI language (Facebook's
 * `<html lang>`), which decides units that mean different things in different languages.
 */
export function parseRelativeTime(text: string, now: number, lang?: string): ParsedTime {
  try {
    if (typeof text !== 'string' || !Number.isFinite(now) || text.length > MAX_TEXT_LENGTH) return UNPARSED;
    const s = normalizeTimeText(text);
    if (!s) return UNPARSED;
    return checked(parseNormalized(s, now, primaryLanguage(lang)), now);
  } catch {
    return UNPARSED;
  }
}

function parseNormalized(s: string, now: number, lang: string | undefined): ParsedTime {
  if (NOW_WORDS.has(s)) return ago(now, 0, MINUTE);
  const yesterday = parseYesterday(s, now);
  if (yesterday) return yesterday;
  const absolute = parseEnglishDate(s, now);
  if (absolute) return absolute;

  const core = stripAffixes(s);
  if (NOW_WORDS.has(core)) return ago(now, 0, MINUTE);
  const amount = parseAmount(core, lang);
  if (!amount) return UNPARSED;
  const unitMs = UNIT_MS[amount.unit];
  return ago(now, amount.count * unitMs, unitMs);
}

/** Guards the promise of the type: a finite time, never after `now`. */
function checked(result: ParsedTime, now: number): ParsedTime {
  if (!result.ok) return result;
  if (!Number.isFinite(result.postedAt) || result.postedAt > now || !Number.isFinite(result.unitMs)) return UNPARSED;
  return result;
}

function ago(now: number, ageMs: number, unitMs: number): ParsedTime {
  return { ok: true, postedAt: now - ageMs, precision: 'approx', unitMs };
}

function stripAffixes(s: string): string {
  let out = s;
  for (const prefix of PREFIXES) {
    if (out.startsWith(`${prefix} `)) {
      out = out.slice(prefix.length + 1);
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (out.length > suffix.length && out.endsWith(suffix)) {
      out = out.slice(0, -suffix.length).trimEnd();
      break;
    }
  }
  return out;
}

type Amount = { count: number; unit: Unit };

function parseAmount(core: string, lang: string | undefined): Amount | undefined {
  // "5m", "2 ó", "২ ঘণ্টা" (digits already ASCII), "2小时"
  const numberFirst = /^(\d{1,6}) ?([^\s\d]+)$/.exec(core);
  if (numberFirst) return amount(Number(numberFirst[1]), numberFirst[2] ?? '', lang);
  // Arabic script may come out unit-first once bidi marks are gone: "س ٢".
  const numberLast = /^([\u0600-\u06FF]+) (\d{1,6})$/.exec(core);
  if (numberLast) return amount(Number(numberLast[2]), numberLast[1] ?? '', lang);
  // "an hour", "egy órája", "einer stunde"
  const worded = /^(\S+) (\S+)$/.exec(core);
  if (worded && ONE_WORDS.has(worded[1] ?? '')) return amount(1, worded[2] ?? '', lang);
  // "ساعتين"
  const counted = COUNTED_WORDS.get(core);
  if (counted !== undefined) return amount(counted, core, lang);
  return undefined;
}

function amount(count: number, token: string, lang: string | undefined): Amount | undefined {
  if (!Number.isSafeInteger(count) || count > MAX_COUNT) return undefined;
  const unit = resolveUnit(token, lang);
  return unit ? { count, unit } : undefined;
}

function resolveUnit(token: string, lang: string | undefined): Unit | undefined {
  const keys = token.endsWith('.') ? [token, token.slice(0, -1)] : [token];
  const own = lang ? UNIT_LOOKUP.get(lang) : undefined;
  if (own) {
    for (const key of keys) {
      const unit = own.get(key);
      if (unit) return unit;
    }
  }
  for (const key of keys) {
    const meanings = new Set<Unit>();
    for (const table of UNIT_LOOKUP.values()) {
      const unit = table.get(key);
      if (unit) meanings.add(unit);
    }
    if (meanings.size === 1) return [...meanings][0];
    if (meanings.size > 1) {
      const english = UNIT_LOOKUP.get('en')?.get(key);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
      return english && /^[\x00-\x7F]+$/.test(key) ? english : undefined;
    }
  }
  return undefined;
}

/** "yesterday", "tegnap", and "Yesterday at 3:15 PM" / "gestern um 15:15" (local time). */
function parseYesterday(s: string, now: number): ParsedTime | undefined {
  if (YESTERDAY_WORDS.has(s)) return { ok: true, postedAt: now - DAY, precision: 'approx', unitMs: DAY };
  const m =
    /^([^\s,]+(?: [^\s,]+)??),? (?:(?:at|um|à|a las|às|lúc|pukul) )?(\d{1,2})[:.](\d{2})(?: ?([ap])\.?m\.?)?$/.exec(s);
  if (!m || !YESTERDAY_WORDS.has(m[1] ?? '')) return undefined;
  const time = clockTime(m[2], m[3], m[4]);
  if (!time) return undefined;
  const d = new Date(now);
  const postedAt = new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1, time.hours, time.minutes).getTime();
  return { ok: true, postedAt, precision: 'exact', unitMs: MINUTE };
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?';
const MONTH = '([a-z]{3,9})\\.?';
const DAY_OF_MONTH = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_PART = '(?:,? (\\d{4}))?';
const TIME_PART = '(?:,? (?:at )?(\\d{1,2}):(\\d{2})(?: ?([ap])\\.?m\\.?)?)?';
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH} ${DAY_OF_MONTH}${YEAR_PART}${TIME_PART}$`);
const DAY_FIRST = new RegExp(`^${WEEKDAY}${DAY_OF_MONTH} ${MONTH}${YEAR_PART}${TIME_PART}$`);

/**
 * English absolute dates from Facebook tooltips and older posts: "March 3", "3 March 2024",
 * "Tuesday, March 3, 2024 at 2:15 PM". A date without a year is the most recent such day not after now.
 */
function parseEnglishDate(s: string, now: number): ParsedTime | undefined {
  const a = MONTH_FIRST.exec(s);
  const b = a ? undefined : DAY_FIRST.exec(s);
  const m = a ?? b;
  if (!m) return undefined;
  const [monthName, dayText] = a ? [m[1], m[2]] : [m[2], m[1]];
  const month = monthIndex(monthName ?? '');
  const day = Number(dayText);
  if (month < 0 || day < 1 || day > 31) return undefined;
  const time = m[4] === undefined ? undefined : clockTime(m[4], m[5], m[6]);
  if (m[4] !== undefined && !time) return undefined;

  const nowYear = new Date(now).getFullYear();
  let year = m[3] === undefined ? nowYear : Number(m[3]);
  if (m[3] === undefined && new Date(year, month, day).getTime() > now) year -= 1;
  const start = new Date(year, month, day);
  if (start.getMonth() !== month || start.getDate() !== day || start.getFullYear() !== year) return undefined;
  if (time) {
    const postedAt = new Date(year, month, day, time.hours, time.minutes).getTime();
    return postedAt > now ? undefined : { ok: true, postedAt, precision: 'exact', unitMs: MINUTE };
  }
  if (start.getTime() > now) return undefined;
  const endOfDay = new Date(year, month, day + 1).getTime() - 1;
  return { ok: true, postedAt: Math.min(endOfDay, now), precision: 'approx', unitMs: DAY };
}

function monthIndex(name: string): number {
  if (name === 'sept') return 8;
  return MONTHS.findIndex((full) => full === name || (name.length === 3 && full.startsWith(name)));
}

function clockTime(
  hourText: string | undefined,
  minuteText: string | undefined,
  meridiem: string | undefined,
): { hours: number; minutes: number } | undefined {
  let hours = Number(hourText);
  const minutes = Number(minuteText);
  if (!Number.isInteger(hours) || !Number.isInteger(minutes) || minutes > 59) return undefined;
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hours > 23) {
    return undefined;
  }
  return { hours, minutes };
}

function primaryLanguage(lang: string | undefined): string | undefined {
  if (typeof lang !== 'string') return undefined;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'in') return 'id'; // Java-era code some pages still use
  return primary || undefined;
}

function words(list: string, separator = ' '): Set<string> {
  return new Set(list.split(separator).map(normalizeTimeText));
}
