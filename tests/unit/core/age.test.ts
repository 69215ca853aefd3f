import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAge,
  instantWhenWaited,
  type Level,
  levelFor,
  nextLevelChangeAt,
  waitingMs,
} from '../../../utils/core/age';
import type { BusinessHours, Targets } from '../../../utils/core/settings';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TARGETS: Targets = { warnMinutes: 30, breachMinutes: 60 };

const weekdays = (timeZone: string, start = '09:00', end = '17:00'): BusinessHours => ({
  enabled: true,
  days: [1, 2, 3, 4, 5],
  start,
  end,
  timeZone,
});
const everyDay = (timeZone: string, start: string, end: string): BusinessHours => ({
  enabled: true,
  days: [0, 1, 2, 3, 4, 5, 6],
  start,
  end,
  timeZone,
});

/** An instant written as UTC, so each case shows the local time and offset it means. */
const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('waitingMs without business hours', () => {
  it.each([
    { name: 'counts plain time', posted: 0, now: 5 * MIN, hours: undefined, want: 5 * MIN },
    { name: 'is never negative (clock skew)', posted: 5 * MIN, now: 0, hours: undefined, want: 0 },
    {
      name: 'ignores disabled business hours',
      posted: utc('2024-03-30T10:00'), // a Saturday
      now: utc('2024-03-30T12:00'),
      hours: { ...weekdays('UTC'), enabled: false },
      want: 2 * HOUR,
    },
    { name: 'treats a missing time as no wait', posted: Number.NaN, now: 5 * MIN, hours: undefined, want: 0 },
  ])('$name', ({ posted, now, hours, want }) => {
    expect(waitingMs(posted, now, hours)).toBe(want);
  });
});

describe('waitingMs with business hours', () => {
  const cases: Array<{ name: string; hours: BusinessHours; posted: string; now: string; minutes: number }> = [
    {
      name: 'Budapest: inside hours, same day',
      hours: weekdays('Europe/Budapest'),
      posted: '2024-01-09T09:00', // Tue 10:00 CET
      now: '2024-01-09T11:30', // 12:30 CET
      minutes: 150,
    },
    {
      name: 'Budapest: posted Friday evening, checked Monday morning across the spring DST change',
      hours: weekdays('Europe/Budapest'),
      posted: '2024-03-29T17:00', // Fri 18:00 CET
      now: '2024-04-01T08:00', // Mon 10:00 CEST (clocks went forward on Sunday)
      minutes: 60,
    },
    {
      name: 'Budapest: overnight, posted after closing and checked the next morning',
      hours: weekdays('Europe/Budapest'),
      posted: '2024-01-09T19:00', // Tue 20:00
      now: '2024-01-10T08:45', // Wed 09:45
      minutes: 45,
    },
    {
      name: 'Budapest: posted before opening',
      hours: weekdays('Europe/Budapest'),
      posted: '2024-01-08T06:00', // Mon 07:00
      now: '2024-01-08T08:30', // Mon 09:30
      minutes: 30,
    },
    {
      name: 'Budapest: the whole weekend counts nothing',
      hours: weekdays('Europe/Budapest'),
      posted: '2024-01-06T09:00', // Sat 10:00
      now: '2024-01-07T20:00', // Sun 21:00
      minutes: 0,
    },
    {
      name: 'Budapest: several days, Mon 16:00 to Wed 10:00',
      hours: weekdays('Europe/Budapest'),
      posted: '2024-01-08T15:00',
      now: '2024-01-10T09:00',
      minutes: 60 + 480 + 60,
    },
    {
      name: 'Budapest: round the clock, the spring-forward Sunday has 23 hours',
      hours: everyDay('Europe/Budapest', '00:00', '24:00'),
      posted: '2024-03-30T11:00', // Sat 12:00 CET
      now: '2024-04-01T10:00', // Mon 12:00 CEST
      minutes: 47 * 60,
    },
    {
      name: 'Budapest: Sundays only, the fall-back Sunday has 25 hours',
      hours: { ...everyDay('Europe/Budapest', '00:00', '24:00'), days: [0] },
      posted: '2024-10-26T10:00', // Sat 12:00 CEST
      now: '2024-10-28T11:00', // Mon 12:00 CET
      minutes: 25 * 60,
    },
    {
      name: 'Budapest: opening hour on the first summer-time Monday is 09:00 CEST',
      hours: weekdays('Europe/Budapest'),
      posted: '2024-04-01T06:00', // Mon 08:00 CEST
      now: '2024-04-01T07:15', // Mon 09:15 CEST
      minutes: 15,
    },
    {
      name: 'Budapest: a 01:30–05:00 shift on the fall-back night lasts 4½ hours',
      hours: { ...everyDay('Europe/Budapest', '01:30', '05:00'), days: [0] },
      posted: '2024-10-26T12:00',
      now: '2024-10-28T12:00',
      minutes: 270, // 01:30 CEST (23:30Z) to 05:00 CET (04:00Z)
    },
    {
      name: 'Budapest: a start time skipped by the spring change opens one hour later',
      hours: { ...everyDay('Europe/Budapest', '02:30', '05:00'), days: [0] },
      posted: '2024-03-30T12:00',
      now: '2024-04-01T12:00',
      minutes: 90, // 02:30 does not exist on 31 March: 03:30 CEST (01:30Z) to 05:00 CEST (03:00Z)
    },
    {
      name: 'New York: Friday afternoon to Monday morning across the fall-back change',
      hours: weekdays('America/New_York'),
      posted: '2024-11-01T20:30', // Fri 16:30 EDT
      now: '2024-11-04T14:30', // Mon 09:30 EST
      minutes: 60,
    },
    {
      name: 'New York: a comment posted at night waits from opening time',
      hours: weekdays('America/New_York'),
      posted: '2024-07-10T03:00', // Tue 23:00 EDT
      now: '2024-07-10T13:20', // Wed 09:20 EDT
      minutes: 20,
    },
    {
      name: 'Kolkata: half-hour offset',
      hours: weekdays('Asia/Kolkata'),
      posted: '2024-01-08T02:30', // Mon 08:00 IST
      now: '2024-01-08T03:45', // Mon 09:15 IST
      minutes: 15,
    },
    {
      name: 'a night shift 22:00–06:00 runs past midnight',
      hours: everyDay('UTC', '22:00', '06:00'),
      posted: '2024-01-08T12:00',
      now: '2024-01-09T12:00',
      minutes: 8 * 60,
    },
    {
      name: 'a night shift counts from yesterday’s window after midnight',
      hours: { ...everyDay('UTC', '22:00', '06:00'), days: [1] }, // Monday night only
      posted: '2024-01-09T01:00', // Tue 01:00, inside Monday's shift
      now: '2024-01-09T03:00',
      minutes: 120,
    },
    {
      name: 'end 24:00 closes at midnight',
      hours: weekdays('UTC', '20:00', '24:00'),
      posted: '2024-01-08T23:00',
      now: '2024-01-09T09:00',
      minutes: 60,
    },
  ];

  it.each(cases)('$name', ({ hours, posted, now, minutes }) => {
    expect(waitingMs(utc(posted), utc(now), hours)).toBe(minutes * MIN);
  });

  it('counts a year of weekday office hours', () => {
    // 2024 has 262 weekdays of 8 hours.
    expect(waitingMs(utc('2024-01-01T00:00'), utc('2025-01-01T00:00'), weekdays('UTC'))).toBe(262 * 8 * HOUR);
  });

  it('falls back to the plain clock when the settings cannot be used', () => {
    const posted = utc('2024-01-06T09:00'); // a Saturday
    const now = posted + 3 * HOUR;
    expect(waitingMs(posted, now, weekdays('Mars/Olympus_Mons'))).toBe(3 * HOUR);
    expect(waitingMs(posted, now, { ...weekdays('UTC'), days: [] })).toBe(3 * HOUR);
    expect(waitingMs(posted, now, { ...weekdays('UTC'), start: '9am' })).toBe(3 * HOUR);
  });
});

describe('levelFor', () => {
  it.each<{ wait: number; want: Level }>([
    { wait: 0, want: 'ok' },
    { wait: 30 * MIN - 1, want: 'ok' },
    { wait: 30 * MIN, want: 'warn' },
    { wait: 60 * MIN - 1, want: 'warn' },
    { wait: 60 * MIN, want: 'breach' },
    { wait: 10 * DAY, want: 'breach' },
  ])('$wait ms is $want', ({ wait, want }) => {
    expect(levelFor(wait, TARGETS)).toBe(want);
  });
});

describe('nextLevelChangeAt', () => {
  const posted = utc('2024-01-08T10:00'); // Mon
  it.each([
    { name: 'ok turns warn at 30 min', now: posted + 5 * MIN, hours: undefined, want: posted + 30 * MIN },
    { name: 'warn turns breach at 60 min', now: posted + 45 * MIN, hours: undefined, want: posted + 60 * MIN },
    { name: 'breach never changes', now: posted + 2 * HOUR, hours: undefined, want: null },
    {
      name: 'with business hours the change waits for Monday',
      now: utc('2024-01-05T16:50'), // Fri 16:50, posted Fri 16:45
      posted: utc('2024-01-05T16:45'),
      hours: weekdays('UTC'),
      want: utc('2024-01-08T09:15'), // 15 min on Friday + 15 on Monday
    },
  ])('$name', ({ now, hours, want, ...rest }) => {
    expect(nextLevelChangeAt(rest.posted ?? posted, now, TARGETS, hours)).toBe(want);
  });

  it('instantWhenWaited is null for a time that is not a number; with no business day it uses the plain clock', () => {
    expect(instantWhenWaited(Number.NaN, HOUR, weekdays('UTC'))).toBeNull();
    expect(instantWhenWaited(posted, Number.POSITIVE_INFINITY, weekdays('UTC'))).toBeNull();
    expect(instantWhenWaited(posted, HOUR, { ...weekdays('UTC'), days: [] })).toBe(posted + HOUR); // plain clock
    expect(instantWhenWaited(posted, 0, weekdays('UTC'))).toBe(posted);
  });
});

describe('formatAge', () => {
  // English abbreviates ("12 min"); other languages write the unit out ("12 perc", not the cryptic "12 p").
  const unit = (locale: string, u: string, n: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: locale === 'en' ? 'short' : 'long' }).format(
      n,
    );

  const cases = [
    { ms: 0, unit: '<minute', n: 1 },
    { ms: 59_999, unit: '<minute', n: 1 },
    { ms: MIN, unit: 'minute', n: 1 },
    { ms: 12 * MIN + 59_000, unit: 'minute', n: 12 },
    { ms: 59 * MIN, unit: 'minute', n: 59 },
    { ms: HOUR, unit: 'hour', n: 1 },
    { ms: 3 * HOUR + 40 * MIN, unit: 'hour', n: 3 },
    { ms: 47 * HOUR, unit: 'hour', n: 47 },
    { ms: 48 * HOUR, unit: 'day', n: 2 },
    { ms: 13 * DAY, unit: 'day', n: 13 },
    { ms: 14 * DAY, unit: 'week', n: 2 },
    { ms: 100 * DAY, unit: 'week', n: 14 },
  ];

  for (const locale of ['en', 'hu', 'bn', 'km']) {
    it.each(cases)(`${locale}: $ms ms in $unit`, ({ ms, unit: u, n }) => {
      const want = u.startsWith('<') ? `<${unit(locale, u.slice(1), n)}` : unit(locale, u, n);
      expect(formatAge(ms, locale)).toBe(want);
    });
  }

  it('speaks the locale (Bengali digits, Hungarian units)', () => {
    expect(formatAge(5 * MIN, 'bn')).toContain('৫');
    expect(formatAge(5 * MIN, 'hu')).toBe('5 perc');
    expect(formatAge(24 * HOUR, 'hu')).toBe('24 óra');
  });

  it('treats negative or missing ages as just now and survives a bad locale', () => {
    expect(formatAge(-5 * MIN, 'en')).toBe(formatAge(0, 'en'));
    expect(formatAge(Number.NaN, 'en')).toBe(formatAge(0, 'en'));
    expect(formatAge(5 * MIN, 'not a locale!')).toBe(formatAge(5 * MIN, 'en'));
  });
});

// --- properties ---

const ZONES = ['UTC', 'Europe/Budapest', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const hoursArb: fc.Arbitrary<BusinessHours> = fc.record({
  enabled: fc.boolean(),
  days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
  start: clock,
  end: fc.oneof(clock, fc.constant('24:00')),
  timeZone: fc.constantFrom(...ZONES),
});
const instant = fc.integer({ min: utc('2000-01-01T00:00'), max: utc('2035-01-01T00:00') });
const span = fc.integer({ min: -DAY, max: 400 * DAY });

describe('properties', () => {
  it('waitingMs is never negative and never exceeds now − postedAt', () => {
    fc.assert(
      fc.property(instant, span, hoursArb, (posted, len, hours) => {
        const w = waitingMs(posted, posted + len, hours);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(w).toBeLessThanOrEqual(Math.max(0, len));
      }),
      { numRuns: 60 },
    );
  });

  it('waitingMs never shrinks as time goes on', () => {
    fc.assert(
      fc.property(instant, fc.nat(20 * DAY), fc.nat(3 * DAY), hoursArb, (posted, a, more, hours) => {
        expect(waitingMs(posted, posted + a + more, hours)).toBeGreaterThanOrEqual(
          waitingMs(posted, posted + a, hours),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('nextLevelChangeAt is exactly when the level changes', () => {
    fc.assert(
      fc.property(instant, fc.nat(5 * DAY), hoursArb, (posted, len, hours) => {
        const now = posted + len;
        const at = nextLevelChangeAt(posted, now, TARGETS, hours);
        const level = (t: number) => levelFor(waitingMs(posted, t, hours), TARGETS);
        if (at === null) return;
        expect(at).toBeGreaterThan(now);
        expect(level(at)).not.toBe(level(now));
        expect(level(at - 1)).toBe(level(now));
      }),
      { numRuns: 80 },
    );
  });

  it('levelFor is monotonic', () => {
    const rank: Record<Level, number> = { ok: 0, warn: 1, breach: 2 };
    const targets = fc
      .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
      .map(([w, extra]) => ({ warnMinutes: w, breachMinutes: w + extra }));
    fc.assert(
      fc.property(targets, fc.nat(), fc.nat(), (t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[levelFor(lo * 1000, t)]).toBeLessThanOrEqual(rank[levelFor(hi * 1000, t)]);
      }),
    );
  });
});
