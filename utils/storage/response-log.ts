// When each comment got its first answer, for the response-time dashboard. Local only, like everything else.
import { type ListResult, openRadarDb, quarantine, readValid, type SkippedRecord, validateRead } from './db';
import { parseOrThrow } from './errors';
import { type ResponseLogEntry, ResponseLogEntrySchema } from './schemas';

export type { ResponseLogEntry } from './schemas';
export { ResponseLevelSchema, ResponseLogEntrySchema } from './schemas';

/** Record an answer. The first answer of a comment is the one that counts; later calls keep it. */
export async function addResponseLog(entry: ResponseLogEntry): Promise<ResponseLogEntry> {
  const valid = parseOrThrow(ResponseLogEntrySchema, entry);
  const db = await openRadarDb();
  const tx = db.transaction(['responseLog', 'quarantine'], 'readwrite');
  const store = tx.objectStore('responseLog');
  const existing = await store.get(valid.key);
  const read =
    existing === undefined ? undefined : validateRead('responseLog', valid.key, existing, ResponseLogEntrySchema);
  if (read?.ok && read.value.answeredAt <= valid.answeredAt) {
    await tx.done;
    return read.value;
  }
  // A damaged record under this key is copied aside before the new answer takes its place.
  if (read && !read.ok) await quarantine(tx, { ...read.skipped, value: existing });
  await store.put(valid);
  await tx.done;
  return valid;
}

/** Entries answered in [from, to) (epoch ms), oldest first. */
export async function listResponseLog(
  range: { from?: number; to?: number } = {},
): Promise<ListResult<ResponseLogEntry>> {
  const db = await openRadarDb();
  const tx = db.transaction('responseLog');
  if (range.from === undefined && range.to === undefined) {
    const { items, skipped } = await readValid(tx.store, ResponseLogEntrySchema);
    return { items: items.sort((a, b) => a.answeredAt - b.answeredAt), skipped };
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
