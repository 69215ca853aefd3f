import { describe, expect, it } from 'vitest';
import {
  applyObservation,
  type DurationRules,
  mergeEntries,
  type ResponseLogEntry,
  type ResponseObservation,
  withDurations,
} from '../../../utils/core/response-log';
import { summarize } from '../../../utils/core/response-metrics';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Friday 2026-11-06 16:30 UTC. */
const FRI_1630 = Date.UTC(2026, 10, 6, 16, 30);
const MON_0930 = Date.UTC(2026, 10, 9, 9, 30);

const RULES: DurationRules = {
  hours: { enabled: true, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'UTC' },
  targets: { warnMinutes: 30, breachMinutes: 60 },
};
const WALL: DurationRules = { ...RULES, hours: { ...RULES.hours, enabled: false } };

function obs(over: Partial<ResponseObservation> = {}): ResponseObservation {
  return {
    key: 'x:1',
    platform: 'x',
    postId: 'p',
    postedAt: FRI_1630,
    precision: 'exact',
    labels: ['question'],
    permalink: 'https://x.com/jane/status/1',
    status: 'waiting',
    ...over,
  };
}
const answer = (at: number, source: 'site' | 'seen' = 'site', by = '@acme') =>
  ({ at, source, precision: 'exact', by }) as const;

function put(result: ReturnType<typeof applyObservation>): ResponseLogEntry {
  if (result.kind !== 'put') throw new Error(`expected a put, got ${result.kind}`);
  return result.entry;
}

describe('response times', () => {
  it('count the wall clock and only business hours (Fri 16:30 → Mon 09:30: 65 h and 1 h)', () => {
    const entry = withDurations(
      { key: 'x:1', platform: 'x', postId: 'p', postedAt: FRI_1630, answeredAt: MON_0930 },
      RULES,
    );
    expect(entry.responseMs).toBe(65 * HOUR);
    expect(entry.businessMs).toBe(HOUR);
    expect(entry.level).toBe('breach');
    const plain = withDurations({ ...entry }, WALL);
    expect(plain.businessMs).toBe(65 * HOUR);
  });
  it('never go negative when an approximate time puts the answer first', () => {
    const entry = withDurations(
      {
        key: 'x:1',
        platform: 'x',
        postId: 'p',
        postedAt: FRI_1630,
        answeredAt: FRI_1630 - 5 * MIN,
        precision: 'approx',
      },
      RULES,
    );
    expect(entry.responseMs).toBe(0);
    expect(entry.businessMs).toBe(0);
    expect(entry.level).toBe('ok');
  });
});

describe('applyObservation', () => {
  const now = FRI_1630 + 10 * MIN;

  it('puts a waiting comment in the backlog, and refreshes it at most once a minute', () => {
    const entry = put(applyObservation(undefined, obs(), now, RULES));
    expect(entry).toEqual({
      key: 'x:1',
      platform: 'x',
      postId: 'p',
      postedAt: FRI_1630,
      precision: 'exact',
      labels: ['question'],
      permalink: 'https://x.com/jane/status/1',
      firstSeenAt: now,
      lastSeenAt: now,
    });
    expect(applyObservation(entry, obs(), now + 30_000, RULES).kind).toBe('unchanged');
    expect(put(applyObservation(entry, obs(), now + 2 * MIN, RULES)).lastSeenAt).toBe(now + 2 * MIN);
  });

  it('records the answer with its own time and who gave it', () => {
    const waitingEntry = put(applyObservation(undefined, obs(), now, RULES));
    const at = FRI_1630 + 20 * MIN;
    const entry = put(
      applyObservation(
        waitingEntry,
        obs({ status: 'answered', answer: { ...answer(at), agent: 'Anna' } }),
        now + 15 * MIN,
        WALL,
      ),
    );
    expect(entry).toMatchObject({
      answeredAt: at,
      answerSource: 'site',
      answeredBy: '@acme',
      agent: 'Anna',
      responseMs: 20 * MIN,
      businessMs: 20 * MIN,
      level: 'ok',
      firstSeenAt: now,
    });
  });

  it('never double counts: the same answer seen again changes nothing', () => {
    const first = put(
      applyObservation(undefined, obs({ status: 'answered', answer: answer(FRI_1630 + 40 * MIN) }), now, WALL),
    );
    const again = applyObservation(
      first,
      obs({ status: 'answered', answer: answer(FRI_1630 + 40 * MIN) }),
      now + HOUR,
      WALL,
    );
    expect(again.kind).toBe('unchanged');
    expect(applyObservation(first, obs(), now + HOUR, WALL).kind).toBe('unchanged');
    expect(
      summarize([first, first], {
        from: FRI_1630 - HOUR,
        to: FRI_1630 + HOUR,
        platform: 'all',
        measure: 'wall',
        targets: RULES.targets,
        now,
        timeZone: 'UTC',
      }).answered,
    ).toBe(1);
  });

  it('lets a later-seen but earlier-dated answer correct it, never a later one', () => {
    const first = put(
      applyObservation(undefined, obs({ status: 'answered', answer: answer(FRI_1630 + 40 * MIN) }), now, WALL),
    );
    expect(
      applyObservation(first, obs({ status: 'answered', answer: answer(FRI_1630 + 50 * MIN) }), now, WALL).kind,
    ).toBe('unchanged');
    const corrected = put(
      applyObservation(
        first,
        obs({ status: 'answered', answer: answer(FRI_1630 + 25 * MIN, 'site', '@acme_help') }),
        now,
        WALL,
      ),
    );
    expect(corrected).toMatchObject({
      answeredAt: FRI_1630 + 25 * MIN,
      responseMs: 25 * MIN,
      answeredBy: '@acme_help',
    });
  });

  it('records a comment first seen already answered only when the answer has its own time', () => {
    expect(applyObservation(undefined, obs({ status: 'answered', answer: answer(now, 'seen') }), now, WALL).kind).toBe(
      'unchanged',
    );
    expect(
      put(applyObservation(undefined, obs({ status: 'answered', answer: answer(FRI_1630 + 5 * MIN) }), now, WALL))
        .responseMs,
    ).toBe(5 * MIN);
  });

  it('takes the moment it first saw an answer when it saw the comment waiting before', () => {
    const waitingEntry = put(applyObservation(undefined, obs(), now, WALL));
    const entry = put(
      applyObservation(
        waitingEntry,
        obs({ status: 'answered', answer: answer(now + 50 * MIN, 'seen') }),
        now + 55 * MIN,
        WALL,
      ),
    );
    expect(entry).toMatchObject({ answeredAt: now + 50 * MIN, answerSource: 'seen', responseMs: 60 * MIN });
    // A "seen" time from a clock ahead of the background's is brought back to now.
    const ahead = put(
      applyObservation(
        waitingEntry,
        obs({ status: 'answered', answer: answer(now + 5 * HOUR, 'seen') }),
        now + HOUR,
        WALL,
      ),
    );
    expect(ahead.answeredAt).toBe(now + HOUR);
  });

  it('takes a dismissed comment out of the backlog, but keeps a recorded answer', () => {
    const waitingEntry = put(applyObservation(undefined, obs(), now, WALL));
    expect(applyObservation(waitingEntry, obs({ status: 'dismissed' }), now, WALL).kind).toBe('delete');
    expect(applyObservation(undefined, obs({ status: 'dismissed' }), now, WALL).kind).toBe('unchanged');
    const done = put(applyObservation(undefined, obs({ status: 'answered', answer: answer(now) }), now, WALL));
    expect(applyObservation(done, obs({ status: 'dismissed' }), now, WALL).kind).toBe('unchanged');
  });
});

describe('mergeEntries', () => {
  const base: ResponseLogEntry = {
    key: 'x:1',
    platform: 'x',
    postId: 'p',
    postedAt: 0,
    firstSeenAt: 10,
    lastSeenAt: 20,
  };
  it('keeps the earliest answer and the widest sighting', () => {
    const a = { ...base, answeredAt: 500, responseMs: 500 };
    const b = { ...base, answeredAt: 300, responseMs: 300, firstSeenAt: 5, lastSeenAt: 15 };
    expect(mergeEntries(a, b)).toEqual({ ...b, firstSeenAt: 5, lastSeenAt: 20 });
    expect(mergeEntries(b, a)).toEqual({ ...b, firstSeenAt: 5, lastSeenAt: 20 });
  });
  it('prefers an answer over none', () => {
    const a = { ...base, answeredAt: 500 };
    expect(mergeEntries(base, a).answeredAt).toBe(500);
    expect(mergeEntries(a, base).answeredAt).toBe(500);
  });
});
