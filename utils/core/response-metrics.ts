// The dashboard's numbers, from the response log. Pure, so every figure is tested against hand-computed values.
//
// Conventions (say them once, use them everywhere):
// - A period is [from, to) and holds the comments *posted* in it; each day is a calendar day in `timeZone`.
// - Median: the middle value, or the mean of the two middle values. 90th percentile: nearest rank, the value at
//   position ceil(0.9 × n) of the sorted list (always one of the measured times).
// - "Within warn": answered before the warn target (levelFor's "ok"); "within breach": before the breach target.
// - Approximate entries (a time read from text like "2h") count like the others; how many there are is reported.
// - The same comment listed twice counts once, with its earliest answer (see mergeEntries).
import { LABEL_KINDS } from './labels';
import type { Platform } from './model';
import { mergeEntries, type ResponseLogEntry } from './response-log';
import type { LabelKind, Targets } from './settings';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type Measure = 'wall' | 'business';

export interface MetricsQuery {
  from: number;
  to: number;
  platform: Platform | 'all';
  measure: Measure;
  targets: Targets;
  now: number;
  timeZone: string;
  slowestCount?: number;
}

export interface DayBucket {
  /** "YYYY-MM-DD" in the query's time zone. */
  day: string;
  /** Comments posted that day, answered that were, and the median first-response time of those. */
  received: number;
  answered: number;
  medianMs: number | null;
}

export interface Spread {
  answered: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface ResponseMetrics extends Spread {
  received: number;
  /** Answered entries whose posted or answer time is approximate. */
  approx: number;
  /** Shares (0…1) of the answered entries; null when none were answered. */
  withinWarn: number | null;
  withinBreach: number | null;
  /** Comments still waiting now (any period), and the longest wait among them. */
  backlog: { count: number; oldestWaitMs: number | null; oldest: ResponseLogEntry | null };
  days: DayBucket[];
  slowest: ResponseLogEntry[];
  byLabel: Record<LabelKind | 'none', Spread>;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0…100]. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** One entry per comment key, the earliest answer kept. */
export function dedupeEntries(entries: readonly ResponseLogEntry[]): ResponseLogEntry[] {
  const byKey = new Map<string, ResponseLogEntry>();
  for (const e of entries) {
    const prev = byKey.get(e.key);
    byKey.set(e.key, prev ? mergeEntries(prev, e) : e);
  }
  return [...byKey.values()];
}

/** The first-response time of an answered entry in the chosen measure (old records without durations: recomputed). */
export function responseTime(entry: ResponseLogEntry, measure: Measure): number | null {
  if (entry.answeredAt === undefined) return null;
  const wall = entry.responseMs ?? Math.max(0, entry.answeredAt - entry.postedAt);
  return measure === 'business' ? (entry.businessMs ?? wall) : wall;
}

export function isApprox(entry: ResponseLogEntry): boolean {
  return entry.precision === 'approx' || entry.answerPrecision === 'approx' || entry.answerSource === 'seen';
}

function spread(times: number[]): Spread {
  return { answered: times.length, medianMs: median(times), p90Ms: percentile(times, 90) };
}

export function summarize(entries: readonly ResponseLogEntry[], q: MetricsQuery): ResponseMetrics {
  const all = dedupeEntries(entries).filter((e) => q.platform === 'all' || e.platform === q.platform);
  const inPeriod = all.filter((e) => e.postedAt >= q.from && e.postedAt < q.to);
  const answered = inPeriod.filter((e) => e.answeredAt !== undefined);
  const timeOf = (e: ResponseLogEntry) => responseTime(e, q.measure) ?? 0;
  const times = answered.map(timeOf);
  const waiting = all.filter((e) => e.answeredAt === undefined);
  const oldest = waiting.reduce<ResponseLogEntry | null>((o, e) => (!o || e.postedAt < o.postedAt ? e : o), null);

  const byLabel = {} as Record<LabelKind | 'none', Spread>;
  for (const kind of [...LABEL_KINDS, 'none'] as const) {
    const group = answered.filter((e) =>
      kind === 'none' ? !(e.labels?.length ?? 0) : (e.labels ?? []).includes(kind),
    );
    byLabel[kind] = spread(group.map(timeOf));
  }

  return {
    ...spread(times),
    received: inPeriod.length,
    approx: answered.filter(isApprox).length,
    withinWarn: share(times, (t) => t < q.targets.warnMinutes * MINUTE),
    withinBreach: share(times, (t) => t < q.targets.breachMinutes * MINUTE),
    backlog: {
      count: waiting.length,
      oldestWaitMs: oldest ? Math.max(0, q.now - oldest.postedAt) : null,
      oldest,
    },
    days: dayBuckets(inPeriod, q, timeOf),
    slowest: [...answered].sort((a, b) => timeOf(b) - timeOf(a)).slice(0, q.slowestCount ?? 10),
    byLabel,
  };
}

function share(times: number[], within: (t: number) => boolean): number | null {
  return times.length ? times.filter(within).length / times.length : null;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The calendar day of an instant in a time zone, as "YYYY-MM-DD" (an unknown zone falls back to UTC). */
export function dayOf(instant: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
    try {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
    }
    dayFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Every calendar day the period touches, empty ones too, oldest first. */
export function daysOfPeriod(from: number, to: number, timeZone: string): string[] {
  const days: string[] = [];
  if (!(to > from)) return days;
  // Step in quarter days: every local day is at least 23 hours long, so none is skipped across a DST change.
  for (let t = from; t < to; t += DAY / 4) {
    const day = dayOf(t, timeZone);
    if (days[days.length - 1] !== day) days.push(day);
  }
  const last = dayOf(to - 1, timeZone);
  if (days[days.length - 1] !== last) days.push(last);
  return days;
}

function dayBuckets(
  entries: readonly ResponseLogEntry[],
  q: MetricsQuery,
  timeOf: (e: ResponseLogEntry) => number,
): DayBucket[] {
  const groups = new Map<string, ResponseLogEntry[]>();
  for (const day of daysOfPeriod(q.from, q.to, q.timeZone)) groups.set(day, []);
  for (const e of entries) groups.get(dayOf(e.postedAt, q.timeZone))?.push(e);
  return [...groups].map(([day, list]) => {
    const times = list.filter((e) => e.answeredAt !== undefined).map(timeOf);
    return { day, received: list.length, answered: times.length, medianMs: median(times) };
  });
}
