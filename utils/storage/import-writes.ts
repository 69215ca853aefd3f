// The import's one IndexedDB transaction and its writes, free of extension APIs (import-transaction.ts puts settings
// around them), so they could run off the page's main thread.
import { unwrap } from 'idb';
import type { z } from 'zod';
import type { Template } from '../core/template';
import { openRadarDb, quarantine, readValid, type SkippedRecord } from './db';
import { TEMPLATES_STORE, type TemplateChunk, templateChunkLabel, templateChunkWrites } from './template-chunks';
import { readTemplates } from './template-store';

export async function writeTx() {
  const db = await openRadarDb();
  return db.transaction(['templateChunks', 'stateChunks', 'responseLog', 'quarantine'], 'readwrite');
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

type WritableStore = 'templateChunks' | 'responseLog' | 'stateChunks';

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
  store: 'responseLog',
  schema: S,
  quick?: (value: unknown) => value is z.output<S>,
): Promise<Existing<z.output<S>>> {
  const { items, raw, skipped } = await readValid(w.tx.objectStore(store), schema, quick);
  return { items, raw, damaged: new Map(skipped.map((s) => [s.key, s])) };
}

/** The stored templates, with the chunks they were read from (the import writes each changed chunk once). */
export interface ExistingTemplates extends Existing<Template> {
  chunks: Map<number, TemplateChunk>;
}

export async function readExistingTemplates(w: ImportWrites): Promise<ExistingTemplates> {
  const { items, raw, skipped, chunks } = await readTemplates(w.tx.objectStore('templateChunks'));
  return { items, raw, chunks, damaged: new Map(skipped.map((s) => [s.key, s])) };
}

/**
 * Write the templates of `changes` (id → record, or undefined to delete): each touched chunk once. A damaged record
 * about to be written over, or an unreadable chunk, is copied to the quarantine first, never silently lost.
 */
export function sendTemplates(w: ImportWrites, existing: ExistingTemplates, changes: ReadonlyMap<string, unknown>) {
  for (const key of changes.keys()) {
    const damaged = existing.damaged.get(key);
    if (damaged) queue(w, quarantine(w.tx, { ...damaged, value: existing.raw.get(key) }));
  }
  const { puts, unreadable } = templateChunkWrites(existing.chunks, changes);
  for (const [id, chunk] of unreadable) {
    const { problem, issue, raw: value } = chunk;
    queue(w, quarantine(w.tx, { store: TEMPLATES_STORE, key: templateChunkLabel(id), problem, issue, value }));
  }
  for (const [id, value] of puts) send(w, 'templateChunks', value, id);
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
  store: 'responseLog',
  key: string,
  value: unknown,
  existing: Existing<unknown>,
): void {
  const damaged = existing.damaged.get(key);
  if (damaged) queue(w, quarantine(w.tx, { ...damaged, value: existing.raw.get(key) }));
  send(w, store, value);
}

export function remove(w: ImportWrites, store: 'responseLog', key: string): void {
  send(w, store, undefined, key);
}
