// How long a comment has waited, against which response target, and how to say it briefly.
// With business hours on, the clock runs only inside the configured local hours (as Hootsuite SLA policies do);
// local wall-clock comes from Intl in the configured time zone, so DST changes are handled by the platform's tz data.
import type { BusinessHours, Targets } from './settings';
import { primaryLanguage, smallInteger } from './small-numbers';

export type Level = 'ok' | 'warn' | 'breach';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Spans longer than this count their oldest part at the nominal weekly rate, to keep the day walk short. */
const EXACT_SPAN = 3 * 366 * DAY;
// Instants outside these years are not real comments; they get the plain clock (Intl cannot format them all).
const MIN_INSTANT = Date.UTC(1900, 0, 1);
const MAX_INSTANT = Date.UTC(9000, 0, 1);

/** Milliseconds the comment has waited: now − postedAt, or only the business time in between when hours are on. */
export function waitingMs(postedAt: number, now: number, hours?: BusinessHours): number {
  if (!Number.isFinite(postedAt) || !Number.isFinite(now) || now <= postedAt) return 0;
  const plain = now - postedAt;
  const plan = planFor(hours);
  if (!plan || postedAt < MIN_INSTANT || now > MAX_INSTANT) return plain;
  let from = postedAt;
  let approx = 0;
  if (plain > EXACT_SPAN) {
    from = now - EXACT_SPAN;
    approx = ((from - postedAt) * plan.weekMs) / WEEK;
  }
  let total = 0;
  for (const [start, end] of windowsFrom(plan, from)) {
    if (start >= now) break;
    total += Math.max(0, Math.min(end, now) - Math.max(start, from));
  }
  return Math.min(plain, total + approx);
}

/** The level a comment that has waited `waitMs` is at. */
export function levelFor(waitMs: number, targets: Targets): Level {
  if (waitMs >= targets.breachMinutes * MINUTE) return 'breach';
  if (waitMs >= targets.warnMinutes * MINUTE) return 'warn';
  return 'ok';
}

/**
 * When the comment's level will next change (epoch ms), or null when it is already at breach or the clock
 * never runs again. Lets the view keep one timer for all badges instead of ticking every second.
 */
export function nextLevelChangeAt(
  postedAt: number,
  now: number,
  targets: Targets,
  hours?: BusinessHours,
): number | null {
  if (!Number.isFinite(postedAt)) return null;
  const waited = waitingMs(postedAt, now, hours);
  for (const minutes of [targets.warnMinutes, targets.breachMinutes]) {
    if (waited < minutes * MINUTE) return instantWhenWaited(postedAt, minutes * MINUTE, hours);
  }
  return null;
}

/** The first instant at which waitingMs(postedAt, instant, hours) reaches `target`. */
export function instantWhenWaited(postedAt: number, target: number, hours?: BusinessHours): number | null {
  if (!Number.isFinite(postedAt) || !Number.isFinite(target)) return null;
  if (target <= 0) return postedAt;
  const plan = planFor(hours);
  if (!plan || postedAt < MIN_INSTANT || postedAt + target > MAX_INSTANT) return postedAt + target;
  if (plan.weekMs === 0) return null;
  // Every week holds plan.weekMs of business time, so this many days always suffice (plus DST slack).
  const maxDays = Math.ceil((target / plan.weekMs) * 7) + 14;
  let day = 0;
  let total = 0;
  for (const [start, end] of windowsFrom(plan, postedAt)) {
    if (++day > maxDays) break;
    const from = Math.max(start, postedAt);
    const len = Math.max(0, end - from);
    if (total + len >= target) return from + (target - total);
    total += len;
  }
  return null;
}

/**
 * Short localized age: "<1 min", "12 min", "3 hr", "2 days", "5 wks", in the locale files' words for the interface's
 * languages (English abbreviates; the others write the unit out: Intl's short forms there are cryptic, "24 ó").
 */
export function formatAge(ms: number, locale: string): string {
  const age = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (age < MINUTE) return `<${unitFormat(locale, 'minute').format(1)}`;
  if (age < HOUR) return unitFormat(locale, 'minute').format(Math.floor(age / MINUTE));
  if (age < 48 * HOUR) return unitFormat(locale, 'hour').format(Math.floor(age / HOUR));
  if (age < 14 * DAY) return unitFormat(locale, 'day').format(Math.floor(age / DAY));
  return unitFormat(locale, 'week').format(Math.floor(age / WEEK));
}

/** When formatAge's text for a comment posted at `postedAt` next changes (epoch ms), or Infinity when it never does. */
export function nextAgeTextChangeAt(postedAt: number, now: number): number {
  if (!Number.isFinite(postedAt) || !Number.isFinite(now)) return Number.POSITIVE_INFINITY;
  const age = Math.max(0, now - postedAt);
  const step = age < 48 * HOUR ? (age < HOUR ? MINUTE : HOUR) : age < 14 * DAY ? DAY : WEEK;
  return postedAt + (Math.floor(age / step) + 1) * step;
}

type AgeUnit = 'minute' | 'hour' | 'day' | 'week';
type Formatter = { format(n: number): string };
const unitFormats = new Map<string, Formatter>();

/** A unit's word after exactly 1 and after any other number ("day" / "days"). */
export type AgeUnitWords = Record<AgeUnit, { one: string; other: string }>;

/**
 * Unit words of the interface's languages, from the locale files (utils/i18n registers each catalog's). Ages in
 * those languages are written with them, not Intl's unit formats: Chrome ships ICU without Khmer (Intl then answers
 * "24 hours" beside Khmer words), Firefox's data differs from Chrome's, and Intl.NumberFormat's first use in a page
 * costs tens of milliseconds before the first badge (issue #10).
 */
const unitWords = new Map<string, AgeUnitWords>();

/** The unit words of a language; formats made before for it are made again with them. */
export function setAgeUnitWords(locale: string, words: AgeUnitWords): void {
  const lang = primaryLanguage(locale);
  unitWords.set(lang, words);
  for (const key of [...unitFormats.keys()])
    if (primaryLanguage(key.split('|')[0] ?? '') === lang) unitFormats.delete(key);
}

/** "24 ម៉ោង", "১ দিন", "3 days": the number in the language's digits, then the unit word (English's one form after 1). */
function wordsFormat(locale: string, words: { one: string; other: string }): Formatter {
  let numbers: Intl.NumberFormat | null = null;
  const number = (n: number) => {
    const small = smallInteger(locale, n);
    if (small !== null) return small;
    numbers ??= intlNumbers(locale);
    return numbers.format(n);
  };
  return { format: (n) => `${number(n)} ${n === 1 ? words.one : words.other}` };
}

function intlNumbers(locale: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale);
  } catch {
    return new Intl.NumberFormat('en');
  }
}

function unitFormat(locale: string, unit: AgeUnit): Formatter {
  const key = `${locale}|${unit}`;
  let nf = unitFormats.get(key);
  if (!nf) {
    const words = unitWords.get(primaryLanguage(locale));
    nf = words ? wordsFormat(locale, words[unit]) : intlUnitFormat(locale, unit);
    unitFormats.set(key, nf);
  }
  return nf;
}

/** Intl's unit format, for a language without our words. English abbreviates; others write the unit out. */
function intlUnitFormat(locale: string, unit: AgeUnit): Formatter {
  const english = /^en\b/i.test(locale);
  const options: Intl.NumberFormatOptions = { style: 'unit', unit, unitDisplay: english ? 'short' : 'long' };
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat('en', { ...options, unitDisplay: 'short' }); // a malformed tag must not break the badge
  }
}

// --- business hours ---

interface Plan {
  days: ReadonlySet<number>;
  /** Minutes after local midnight. */
  start: number;
  /** Minutes after the window's local midnight; more than 1440 for a window that runs past midnight. */
  end: number;
  timeZone: string;
  /** Business time in a week without DST changes. */
  weekMs: number;
}

/**
 * Null when business hours are off or unusable: then the plain clock runs, because a misconfiguration
 * (no days ticked, unknown time zone) must never hide a waiting customer.
 */
function planFor(hours: BusinessHours | undefined): Plan | null {
  if (!hours?.enabled || !Array.isArray(hours.days)) return null;
  const days = new Set(hours.days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
  const start = parseClock(hours.start);
  const endClock = parseClock(hours.end);
  if (days.size === 0 || start === null || endClock === null || !offsetFormat(hours.timeZone)) return null;
  // end <= start is a window that closes the next day (night shift); equal means round the clock.
  const end = endClock > start ? endClock : endClock + 24 * 60;
  return { days, start, end, timeZone: hours.timeZone, weekMs: days.size * (end - start) * MINUTE };
}

function parseClock(text: unknown): number | null {
  const m = typeof text === 'string' ? /^(\d{2}):(\d{2})$/.exec(text) : null;
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 && Number(m[2]) < 60 ? minutes : null;
}

/** Business windows [start, end) as epoch ms, in order, from the one that may contain `from` onwards. */
function* windowsFrom(plan: Plan, from: number): Generator<[number, number]> {
  const first = localDate(from, plan.timeZone);
  // Start a day early: yesterday's window may run past midnight into `from`.
  for (let i = -1; ; i++) {
    const day = new Date(Date.UTC(first.y, first.m - 1, first.d + i));
    if (!plan.days.has(day.getUTCDay())) {
      // Still have to stop eventually: callers break on the window start, so yield an empty window at midnight.
      const midnight = zonedToUtc(day, 0, plan.timeZone);
      yield [midnight, midnight];
      continue;
    }
    yield [zonedToUtc(day, plan.start, plan.timeZone), zonedToUtc(day, plan.end, plan.timeZone)];
  }
}

/** The instant at which the wall clock in `timeZone` shows `minutes` after midnight of `day` (a UTC date). */
function zonedToUtc(day: Date, minutes: number, timeZone: string): number {
  const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 0, minutes);
  const o1 = offsetAt(wall, timeZone);
  const t1 = wall - o1;
  const o2 = offsetAt(t1, timeZone);
  if (o2 === o1) return t1;
  const t2 = wall - o2;
  // A wall time skipped by a spring-forward change: move it forward by the gap, as java.time does.
  return offsetAt(t2, timeZone) === o2 ? t2 : Math.max(t1, t2);
}

function localDate(instant: number, timeZone: string): { y: number; m: number; d: number } {
  const local = new Date(instant + offsetAt(instant, timeZone));
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

const offsetFormats = new Map<string, Intl.DateTimeFormat | null>();

function offsetFormat(timeZone: unknown): Intl.DateTimeFormat | null {
  if (typeof timeZone !== 'string' || !timeZone) return null;
  let f = offsetFormats.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    offsetFormats.set(timeZone, f);
  }
  return f;
}

/** Local time minus UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const f = offsetFormat(timeZone);
  if (!f) return 0;
  const whole = Math.floor(instant / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(whole)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return wall - whole;
}
