import { describe, expect, it } from 'vitest';
import type { ResponseLogEntry } from '../../../utils/core/response-log';
import {
  dayOf,
  daysOfPeriod,
  type MetricsQuery,
  median,
  percentile,
  summarize,
} from '../../../utils/core/response-metrics';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Monday 2026-11-02 00:00 UTC. */
const MON = Date.UTC(2026, 10, 2);

function answered(key: string, postedAt: number, minutes: number, extra: Partial<ResponseLogEntry> = {}) {
  const entry: ResponseLogEntry = {
    key,
    platform: 'x',
    postId: 'p',
    postedAt,
    answeredAt: postedAt + minutes * MIN,
    responseMs: minutes * MIN,
    businessMs: minutes * MIN,
    ...extra,
  };
  return entry;
}
function waiting(key: string, postedAt: number, extra: Partial<ResponseLogEntry> = {}): ResponseLogEntry {
  return { key, platform: 'x', postId: 'p', postedAt, ...extra };
}

const query = (over: Partial<MetricsQuery> = {}): MetricsQuery => ({
  from: MON,
  to: MON + 7 * 24 * HOUR,
  platform: 'all',
  measure: 'wall',
  targets: { warnMinutes: 30, breachMinutes: 60 },
  now: MON + 7 * 24 * HOUR,
  timeZone: 'UTC',
  ...over,
});

describe('median and nearest-rank percentile', () => {
  it('are null for nothing', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
  });
  it('take the middle, or the mean of the two middles', () => {
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 10, 2])).toBe(3);
  });
  it('p90 is the value at rank ceil(0.9 n)', () => {
    // n = 10: rank 9. n = 11: rank ceil(9.9) = 10. n = 1: rank 1.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBe(10);
    expect(percentile([42], 90)).toBe(42);
  });
});

describe('summarize', () => {
  // Five answered on Monday and Tuesday, one waiting, one outside the period.
  const log: ResponseLogEntry[] = [
    answered('x:1', MON + 9 * HOUR, 10, { labels: ['question'] }),
    answered('x:2', MON + 10 * HOUR, 20, { labels: ['question', 'order'] }),
    answered('x:3', MON + 11 * HOUR, 45, { labels: ['complaint'] }),
    answered('x:4', MON + 24 * HOUR + 9 * HOUR, 90, { precision: 'approx' }),
    answered('facebook:5', MON + 24 * HOUR + 10 * HOUR, 30, { platform: 'facebook', labels: ['order'] }),
    waiting('x:6', MON + 2 * 24 * HOUR + 8 * HOUR),
    answered('x:7', MON - 2 * HOUR, 5),
  ];

  it('gives the hand-computed figures for the period', () => {
    const m = summarize(log, query());
    // Times 10, 20, 30, 45, 90 minutes.
    expect(m.received).toBe(6);
    expect(m.answered).toBe(5);
    expect(m.medianMs).toBe(30 * MIN);
    expect(m.p90Ms).toBe(90 * MIN); // rank ceil(4.5) = 5
    expect(m.withinWarn).toBe(2 / 5); // 10, 20 (30 is not within 30)
    expect(m.withinBreach).toBe(4 / 5); // 10, 20, 30, 45
    expect(m.approx).toBe(1);
    expect(m.backlog).toMatchObject({ count: 1, oldestWaitMs: 7 * 24 * HOUR - (2 * 24 + 8) * HOUR });
    expect(m.backlog.oldest?.key).toBe('x:6');
    expect(m.slowest.map((e) => e.key)).toEqual(['x:4', 'x:3', 'facebook:5', 'x:2', 'x:1']);
  });

  it('buckets by calendar day, empty days included', () => {
    const m = summarize(log, query());
    expect(m.days.map((d) => d.day)).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
    ]);
    expect(m.days[0]).toEqual({ day: '2026-11-02', received: 3, answered: 3, medianMs: 20 * MIN });
    expect(m.days[1]).toEqual({ day: '2026-11-03', received: 2, answered: 2, medianMs: 60 * MIN }); // (90+30)/2
    expect(m.days[2]).toEqual({ day: '2026-11-04', received: 1, answered: 0, medianMs: null });
    expect(m.days[3]).toEqual({ day: '2026-11-05', received: 0, answered: 0, medianMs: null });
  });

  it('groups by label (a comment with two labels counts in both)', () => {
    const m = summarize(log, query());
    expect(m.byLabel.question).toEqual({ answered: 2, medianMs: 15 * MIN, p90Ms: 20 * MIN });
    expect(m.byLabel.order).toEqual({ answered: 2, medianMs: 25 * MIN, p90Ms: 30 * MIN });
    expect(m.byLabel.complaint).toEqual({ answered: 1, medianMs: 45 * MIN, p90Ms: 45 * MIN });
    expect(m.byLabel.none).toEqual({ answered: 1, medianMs: 90 * MIN, p90Ms: 90 * MIN });
  });

  it('filters by platform, the backlog too', () => {
    const m = summarize(log, query({ platform: 'facebook' }));
    expect(m.answered).toBe(1);
    expect(m.medianMs).toBe(30 * MIN);
    expect(m.withinWarn).toBe(0);
    expect(m.withinBreach).toBe(1);
    expect(m.backlog).toEqual({ count: 0, oldestWaitMs: null, oldest: null });
  });

  it('says nothing rather than zero for an empty period', () => {
    const m = summarize(log, query({ from: MON + 30 * 24 * HOUR, to: MON + 31 * 24 * HOUR }));
    expect(m).toMatchObject({
      received: 0,
      answered: 0,
      medianMs: null,
      p90Ms: null,
      withinWarn: null,
      withinBreach: null,
      approx: 0,
      slowest: [],
    });
    expect(m.days).toEqual([{ day: '2026-12-02', received: 0, answered: 0, medianMs: null }]);
    expect(summarize([], query()).days).toHaveLength(7);
  });

  it('counts one comment listed twice once, with its earliest answer', () => {
    const twice = [
      answered('x:1', MON + 9 * HOUR, 50),
      answered('x:1', MON + 9 * HOUR, 40),
      answered('x:2', MON + 9 * HOUR, 10),
    ];
    const m = summarize(twice, query());
    expect(m.received).toBe(2);
    expect(m.answered).toBe(2);
    expect(m.medianMs).toBe(25 * MIN); // (40 + 10) / 2
    expect(m.slowest[0]?.responseMs).toBe(40 * MIN);
  });

  it('uses business-hours times when asked, and recomputes old records without stored times', () => {
    const log2: ResponseLogEntry[] = [
      // Posted Friday 16:30, answered Monday 09:30: 65 h on the wall clock, 1 h of business time (9–17 Mon–Fri).
      answered('x:1', MON + 4 * 24 * HOUR + 16.5 * HOUR, 0, {
        answeredAt: MON + 9.5 * HOUR + 7 * 24 * HOUR,
        responseMs: 65 * HOUR,
        businessMs: HOUR,
      }),
      { key: 'x:2', platform: 'x', postId: 'p', postedAt: MON + 9 * HOUR, answeredAt: MON + 9 * HOUR + 12 * MIN },
    ];
    const q = query({ to: MON + 14 * 24 * HOUR });
    expect(summarize(log2, q).slowest.map((e) => e.key)).toEqual(['x:1', 'x:2']);
    const wall = summarize(log2, { ...q, measure: 'wall' });
    const business = summarize(log2, { ...q, measure: 'business' });
    expect(wall.medianMs).toBe((65 * HOUR + 12 * MIN) / 2);
    expect(business.medianMs).toBe((HOUR + 12 * MIN) / 2);
    expect(business.withinBreach).toBe(1 / 2); // 12 min yes; 60 min is not within 60
  });
});

describe('days in a time zone', () => {
  it('names the local calendar day', () => {
    expect(dayOf(Date.UTC(2026, 10, 2, 23, 30), 'UTC')).toBe('2026-11-02');
    expect(dayOf(Date.UTC(2026, 10, 2, 23, 30), 'Europe/Budapest')).toBe('2026-11-03');
    expect(dayOf(Date.UTC(2026, 10, 2, 23, 30), 'Not/AZone')).toBe('2026-11-02');
  });
  it('lists every day across a DST change', () => {
    // Europe/Budapest leaves summer time on 2026-10-25 (a 25-hour day).
    const from = Date.UTC(2026, 9, 23, 22); // 24 Oct 00:00 local
    const to = Date.UTC(2026, 9, 26, 23); // 27 Oct 00:00 local
    expect(daysOfPeriod(from, to, 'Europe/Budapest')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });
});
