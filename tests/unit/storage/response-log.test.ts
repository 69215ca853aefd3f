import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ResponseObservation } from '../../../utils/core/response-log';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { handleMessage } from '../../../utils/messaging/background-handlers';
import { exportAll, importJson } from '../../../utils/storage/import-export';
import {
  addResponseLog,
  clearResponseLog,
  listResponseLog,
  purgeResponseLog,
  recordObservations,
} from '../../../utils/storage/response-log';
import { writeSettings } from '../../../utils/storage/settings';
import { dumpEverything } from './helpers';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2026, 10, 2, 10);

function obs(key: string, over: Partial<ResponseObservation> = {}): ResponseObservation {
  return { key, platform: 'x', postId: 'p', postedAt: T0, precision: 'exact', labels: [], status: 'waiting', ...over };
}

describe('the response log store', () => {
  it('records a backlog entry, then its answer, with the current business hours and targets', async () => {
    await writeSettings({
      businessHours: { enabled: true, days: [1], start: '10:00', end: '10:30', timeZone: 'UTC' },
    });
    expect(await recordObservations([obs('x:1'), obs('x:2')], T0 + MIN)).toBe(2);
    expect((await listResponseLog()).items.map((e) => [e.key, e.answeredAt])).toEqual([
      ['x:1', undefined],
      ['x:2', undefined],
    ]);
    const answer = { at: T0 + 45 * MIN, source: 'site', precision: 'exact', by: '@acme' } as const;
    expect(await recordObservations([obs('x:1', { status: 'answered', answer })], T0 + 50 * MIN)).toBe(1);
    const answered = (await listResponseLog({ from: T0 })).items;
    // Monday 10:00–10:30 only: 45 min on the wall clock, 30 min of business time.
    expect(answered).toEqual([
      expect.objectContaining({ key: 'x:1', responseMs: 45 * MIN, businessMs: 30 * MIN, level: 'warn' }),
    ]);
    // Seen again: nothing is written.
    expect(await recordObservations([obs('x:1', { status: 'answered', answer })], T0 + 90 * MIN)).toBe(0);
  });

  it('purges entries older than the retention period, waiting ones by their last sighting', async () => {
    await recordObservations([obs('x:old')], T0);
    await recordObservations(
      [obs('x:answered', { status: 'answered', answer: { at: T0 + 10 * DAY, source: 'site', precision: 'exact' } })],
      T0 + 10 * DAY,
    );
    expect(await purgeResponseLog(5, T0 + 12 * DAY)).toBe(1);
    expect((await listResponseLog()).items.map((e) => e.key)).toEqual(['x:answered']);
    await clearResponseLog();
    expect((await listResponseLog()).items).toEqual([]);
  });

  it('keeps the earliest answer when a whole entry is added twice', async () => {
    const base = { key: 'x:1', platform: 'x' as const, postId: 'p', postedAt: T0 };
    await addResponseLog({ ...base, answeredAt: T0 + 9 * MIN });
    await addResponseLog({ ...base, answeredAt: T0 + 20 * MIN });
    await addResponseLog({ ...base, answeredAt: T0 + 5 * MIN });
    expect((await listResponseLog()).items.map((e) => e.answeredAt)).toEqual([T0 + 5 * MIN]);
  });

  it('is in the backup with the retention setting, and a bad log entry makes the whole import change nothing', async () => {
    await writeSettings({ responseLogRetentionDays: 30 });
    await recordObservations([obs('x:1')], T0);
    const file = (await exportAll({ includeResponseLog: true })).value;
    expect(file.settings.responseLogRetentionDays).toBe(30);
    expect(file.responseLog).toHaveLength(1);
    const before = await dumpEverything();
    const bad = { ...file, responseLog: [...(file.responseLog ?? []), { ...obs('x:2'), postedAt: 'yesterday' }] };
    await expect(importJson(JSON.stringify(bad), { mode: 'replace' })).rejects.toThrow(/responseLog\[1\]\.postedAt/);
    const badLink = { ...file, responseLog: [{ ...file.responseLog![0]!, permalink: 'javascript:alert(1)' }] };
    await expect(importJson(JSON.stringify(badLink), { mode: 'merge' })).rejects.toThrow(/permalink/);
    expect(await dumpEverything()).toEqual(before);
    // A merge keeps the earlier answer of the two.
    const answered = { ...file.responseLog![0]!, answeredAt: T0 + 7 * MIN, responseMs: 7 * MIN };
    const summary = await importJson(JSON.stringify({ ...file, responseLog: [answered] }), { mode: 'merge' });
    expect(summary.responseLog).toEqual({ added: 1, skipped: 0 });
    expect((await listResponseLog()).items[0]?.answeredAt).toBe(T0 + 7 * MIN);
    expect(DEFAULT_SETTINGS.responseLogRetentionDays).toBe(90);
  });
});

describe('the responseLog.record message', () => {
  const sender = () => ({ id: fakeBrowser.runtime.id, url: 'https://x.com/acme/status/1', tab: { id: 1 } });
  // One thread as the overlay classified it: a customer's question, the brand's signed answer, a customer waiting.
  const seen = (key: string, by: string, minutes: number, state: string, text: string) => ({
    key,
    state,
    comment: {
      platform: 'x',
      postId: 'p',
      threadKey: 't',
      author: { handle: by, displayName: by.toUpperCase() },
      text,
      postedAt: T0 + minutes * MIN,
      postedAtPrecision: 'exact',
      permalink: `https://x.com/${by}/status/${key.slice(2)}`,
      order: minutes,
    },
  });

  it("works out first answers, agents and labels from a page's threads in the background", async () => {
    await handleMessage('templates.list', {}, sender());
    const comments = [
      seen('x:1', 'jane', 0, 'answered', 'Where is my order?'),
      seen('x:2', 'acme', 7, 'brand', 'On its way! – Anna'),
      seen('x:3', 'tom', 9, 'unanswered', 'nice'),
    ];
    const ok = await handleMessage('responseLog.record', { comments }, sender());
    expect(ok).toEqual({ ok: true, data: { changed: 2 } });
    const { items } = await listResponseLog();
    const byKey = new Map(items.map((e) => [e.key, e]));
    expect([...byKey.keys()].sort()).toEqual(['x:1', 'x:3']);
    expect(byKey.get('x:1')).toMatchObject({ answeredAt: T0 + 7 * MIN, answeredBy: '@acme', agent: 'Anna' });
    expect(byKey.get('x:1')?.labels).toContain('question');
    expect(byKey.get('x:3')?.answeredAt).toBeUndefined();
  });

  it('refuses oversized or malformed batches and other senders', async () => {
    const many = Array.from({ length: 2001 }, (_, i) => seen(`x:${i}`, 'jane', i, 'unanswered', 'hi'));
    expect(await handleMessage('responseLog.record', { comments: many }, sender())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    const noTime = { ...seen('x:1', 'jane', 0, 'unanswered', 'hi') };
    noTime.comment = { ...noTime.comment, postedAt: Number.NaN };
    const longName = seen('x:1', 'a'.repeat(501), 0, 'unanswered', 'hi');
    const badState = seen('x:1', 'jane', 0, 'maybe', 'hi');
    for (const bad of [noTime, longName, badState]) {
      expect(await handleMessage('responseLog.record', { comments: [bad] }, sender())).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    }
    expect(
      await handleMessage(
        'responseLog.record',
        { comments: [seen('x:1', 'jane', 0, 'unanswered', 'hi')] },
        { ...sender(), id: 'other' },
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await listResponseLog()).items).toEqual([]);
  });
});
