// When each customer comment got its first answer, and which still wait, for the response-time dashboard. Local
// only, like everything else. The rules (what counts, what corrects what) are in utils/core/response-log.ts.
import {
  applyObservation,
  type DurationRules,
  mergeEntries,
  type ResponseObservation,
  retentionInstant,
} from '../core/response-log';
import { type ListResult, openRadarDb, quarantine, readValid, type SkippedRecord, validateRead } from './db';
import { parseOrThrow } from './errors';
import { type ResponseLogEntry, ResponseLogEntrySchema } from './schemas';
import { readSettings } from './settings';

export type { ResponseLogEntry, ResponseObservation } from './schemas';
export { ResponseLevelSchema, ResponseLogEntrySchema } from './schemas';

const DAY = 24 * 60 * 60 * 1000;

/** Store a whole entry (tests, tools): merged with what is there, so the earliest answer still counts. */
export async function addResponseLog(entry: ResponseLogEntry): Promise<ResponseLogEntry> {
  const valid = parseOrThrow(ResponseLogEntrySchema, entry);
  const db = await openRadarDb();
  const tx = db.transaction(['responseLog', 'quarantine'], 'readwrite');
  const store = tx.objectStore('responseLog');
  const existing = await store.get(valid.key);
  const read =
    existing === undefined ? undefined : validateRead('responseLog', valid.key, existing, ResponseLogEntrySchema);
  const next = read?.ok ? mergeEntries(read.value, valid) : valid;
  // A damaged record under this key is copied aside before the new answer takes its place.
  if (read && !read.ok) await quarantine(tx, { ...read.skipped, value: existing });
  if (!read?.ok || JSON.stringify(next) !== JSON.stringify(read.value)) await store.put(next);
  await tx.done;
  return next;
}

/**
 * Apply what the overlay saw, in one transaction. The business hours and targets are the current settings'.
 * Returns how many entries were written or removed.
 */
export async function recordObservations(
  observations: readonly ResponseObservation[],
  now: number = Date.now(),
  rules?: DurationRules,
): Promise<number> {
  const settings = rules ? null : await readSettings();
  const applied = rules ?? { hours: settings!.businessHours, targets: settings!.targets };
  const db = await openRadarDb();
  const tx = db.transaction(['responseLog', 'quarantine'], 'readwrite');
  const store = tx.objectStore('responseLog');
  let changed = 0;
  for (const obs of observations) {
    const raw = await store.get(obs.key);
    const read = raw === undefined ? undefined : validateRead('responseLog', obs.key, raw, ResponseLogEntrySchema);
    const result = applyObservation(read?.ok ? read.value : undefined, obs, now, applied);
    if (result.kind === 'unchanged') continue;
    if (read && !read.ok) await quarantine(tx, { ...read.skipped, value: raw });
    if (result.kind === 'delete') await store.delete(obs.key);
    else await store.put(result.entry);
    changed++;
  }
  await tx.done;
  return changed;
}

/** Answered entries in [from, to) by answer time (epoch ms), oldest first; without a range every entry. */
export async function listResponseLog(
  range: { from?: number; to?: number } = {},
): Promise<ListResult<ResponseLogEntry>> {
  const db = await openRadarDb();
  const tx = db.transaction('responseLog');
  if (range.from === undefined && range.to === undefined) {
    const { items, skipped } = await readValid(tx.store, ResponseLogEntrySchema);
    const order = (e: ResponseLogEntry) => e.answeredAt ?? Number.POSITIVE_INFINITY;
    return { items: items.sort((a, b) => order(a) - order(b)), skipped };
  }
  const keyRange =
    range.from !== undefined && range.to !== undefined
      ? IDBKeyRange.bound(range.from, range.to, false, true)
      : range.from !== undefined
        ? IDBKeyRange.lowerBound(range.from)
        : IDBKeyRange.upperBound(range.to, true);
  const items: ResponseLogEntry[] = [];
  const skipped: SkippedRecord[] = [];
  let cursor = await tx.store.index('answeredAt').openCursor(keyRange);
  while (cursor) {
    const read = validateRead('responseLog', String(cursor.primaryKey), cursor.value, ResponseLogEntrySchema);
    if (read.ok) items.push(read.value);
    else skipped.push(read.skipped);
    cursor = await cursor.continue();
  }
  return { items, skipped };
}

/** Forget every entry (the dashboard's "clear all"). */
export async function clearResponseLog(): Promise<void> {
  const db = await openRadarDb();
  await db.clear('responseLog');
}

/**
 * Drop entries older than the retention period (by their answer, else their last sighting). Damaged records are
 * left for the user to see in the options page, never dropped here. Returns how many were removed.
 */
export async function purgeResponseLog(retentionDays: number, now: number = Date.now()): Promise<number> {
  const cutoff = now - retentionDays * DAY;
  const db = await openRadarDb();
  const tx = db.transaction('responseLog', 'readwrite');
  let removed = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    const read = ResponseLogEntrySchema.safeParse(cursor.value);
    if (read.success && retentionInstant(read.data) < cutoff) {
      await cursor.delete();
      removed++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}

let lastPurge = 0;
/** Purge with the current setting at most once an hour per worker life (cheap enough to call after each record). */
export async function purgeResponseLogNowAndThen(now: number = Date.now()): Promise<void> {
  if (now - lastPurge < 60 * 60 * 1000) return;
  lastPurge = now;
  await purgeResponseLog((await readSettings()).responseLogRetentionDays, now);
}
