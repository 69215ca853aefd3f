// The import's writes, all or nothing (a JSON import and a CSV import alike).
//
// Import is all or nothing. The whole file is read and validated before anything is written; then
//   1. settings (storage.local) are written first, when the import carries them, remembering the exact old value;
//   2. templates, comment states and the response log are written in ONE IndexedDB transaction;
//   3. if that transaction fails, the old settings value is put back, so nothing has changed.
// Settings go first because putting back one storage.local value is simple and exact, while undoing a committed
// IndexedDB transaction is not.
import { unwrap } from 'idb';
import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import type { Settings } from '../core/settings';
import { openRadarDb, quarantine, readValid, type SkippedRecord } from './db';
import { RadarError, toErrorInfo, userTextOf } from './errors';
import { type ImportSummary, importChangedNothing } from './import-summary';
import { bumpStatesRevision, bumpTemplatesRevision } from './revisions';
import { sameRecord } from './same-record';
import { readSettings, replaceSettings, SETTINGS_KEY } from './settings';

async function writeTx() {
  const db = await openRadarDb();
  return db.transaction(['templates', 'stateChunks', 'responseLog', 'quarantine'], 'readwrite');
}
type ImportTx = Awaited<ReturnType<typeof writeTx>>;

/**
 * The import's transaction. Puts and deletes go out as plain requests, without a promise each, and are never waited
 * for one by one: the browser writes while the rest of the file is prepared, and the transaction's end says how they
 * went (the first failed request is kept, to be reported as it is). The few quarantine copies are promises, awaited
 * at the end. The first failure fails the import.
 */
export interface ImportWrites {
  tx: ImportTx;
  pending: Promise<unknown>[];
  failure?: unknown;
}

type WritableStore = 'templates' | 'responseLog' | 'stateChunks';

/** A put (or, with `value` undefined, a delete) as a plain IDBRequest of the import's transaction. */
export function send(w: ImportWrites, store: WritableStore, value: unknown, key?: IDBValidKey): void {
  const raw = unwrap(w.tx.objectStore(store));
  const request = value === undefined ? raw.delete(key as IDBValidKey) : raw.put(value, key);
  request.addEventListener('error', () => {
    w.failure ??= request.error;
  });
}

/** What readValid found in a store, with its damaged records by key. */
export interface Existing<T> {
  items: T[];
  raw: Map<string, unknown>;
  damaged: Map<string, SkippedRecord>;
}

export async function readExisting<S extends z.ZodType>(
  w: ImportWrites,
  store: 'templates' | 'responseLog',
  schema: S,
): Promise<Existing<z.output<S>>> {
  const { items, raw, skipped } = await readValid(w.tx.objectStore(store), schema);
  return { items, raw, damaged: new Map(skipped.map((s) => [s.key, s])) };
}

/** Queue a quarantine copy; its failure is read at the end, or by the abort when a later call throws first. */
export function queue(w: ImportWrites, request: Promise<unknown>): void {
  request.catch(() => undefined);
  w.pending.push(request);
}

async function settle(w: ImportWrites): Promise<void> {
  const batch = w.pending;
  w.pending = [];
  await Promise.all(batch);
}

/** Put a record whose key may hold a damaged record: that one is copied aside first, never silently lost. */
export function putOver(
  w: ImportWrites,
  store: 'templates' | 'responseLog',
  key: string,
  value: unknown,
  existing: Existing<unknown>,
): void {
  const damaged = existing.damaged.get(key);
  if (damaged) queue(w, quarantine(w.tx, { ...damaged, value: existing.raw.get(key) }));
  send(w, store, value);
}

export function remove(w: ImportWrites, store: 'templates' | 'responseLog', key: string): void {
  send(w, store, undefined, key);
}

/**
 * Write settings, then run `write` in one transaction; if the transaction fails, put the settings back as they were.
 * Nothing is announced to other tabs until everything has committed.
 */
export async function applyAtomically(
  settings: Settings | undefined,
  write: (w: ImportWrites) => Promise<void>,
  summary: ImportSummary,
): Promise<ImportSummary> {
  const settingsKeys = [SETTINGS_KEY, `${SETTINGS_KEY}$`] as const;
  const before = settings ? await storage.getItems([...settingsKeys]) : [];
  try {
    // The same settings again are no change (a round trip export → import).
    if (settings && !sameRecord(await readSettings(), settings)) {
      await replaceSettings(settings);
      summary.settings = 'replaced';
    }
    const tx = await writeTx();
    const w: ImportWrites = { tx, pending: [] };
    try {
      await write(w);
      await settle(w);
      await tx.done;
    } catch (thrown) {
      // The failed request's own error says more than the transaction's abort that followed it.
      const err = w.failure ?? thrown;
      // Abort explicitly so a write error caught mid-way cannot let the rest commit.
      try {
        tx.abort();
      } catch {
        // already finished
      }
      await tx.done.catch(() => undefined);
      throw err;
    }
  } catch (err) {
    if (settings) await storage.setItems(before.map(({ key, value }) => ({ key, value })));
    const info = toErrorInfo(err);
    throw new RadarError(info.code, `Import failed, nothing was changed: ${info.message}`, info.path, {
      key: 'error_import_failed',
      params: { reason: userTextOf(err) },
    });
  }
  // Open tabs reload what changed; an import that changed nothing disturbs nobody.
  if (!importChangedNothing(summary)) await Promise.all([bumpTemplatesRevision(), bumpStatesRevision()]);
  return summary;
}
