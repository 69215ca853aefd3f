// The import's one IndexedDB transaction and its writes, free of extension APIs (import-transaction.ts puts settings
// around them), so they could run off the page's main thread.
import { unwrap } from 'idb';
import type { z } from 'zod';
import { openRadarDb, quarantine, readValid, type SkippedRecord } from './db';

export async function writeTx() {
  const db = await openRadarDb();
  return db.transaction(['templates', 'stateChunks', 'responseLog', 'quarantine'], 'readwrite');
}
export type ImportTx = Awaited<ReturnType<typeof writeTx>>;

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
  quick?: (value: unknown) => value is z.output<S>,
): Promise<Existing<z.output<S>>> {
  const { items, raw, skipped } = await readValid(w.tx.objectStore(store), schema, quick);
  return { items, raw, damaged: new Map(skipped.map((s) => [s.key, s])) };
}

/** Queue a quarantine copy; its failure is read at the end, or by the abort when a later call throws first. */
export function queue(w: ImportWrites, request: Promise<unknown>): void {
  request.catch(() => undefined);
  w.pending.push(request);
}

export async function settle(w: ImportWrites): Promise<void> {
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
