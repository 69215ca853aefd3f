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

  it('is accepted from the extension with bounded, checked observations', async () => {
    const ok = await handleMessage('responseLog.record', { observations: [obs('x:1')] }, sender());
    expect(ok).toEqual({ ok: true, data: { changed: 1 } });
  });

  it('refuses oversized or malformed batches and other senders', async () => {
    const many = Array.from({ length: 201 }, (_, i) => obs(`x:${i}`));
    expect(await handleMessage('responseLog.record', { observations: many }, sender())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    const longName = obs('x:1', {
      status: 'answered',
      answer: { at: T0, source: 'site', precision: 'exact', by: 'a'.repeat(101) },
    });
    expect(await handleMessage('responseLog.record', { observations: [longName] }, sender())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(
      await handleMessage('responseLog.record', { observations: [obs('x:1')] }, { ...sender(), id: 'other' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await listResponseLog()).items).toEqual([]);
  });
});
