// Shared by the storage tests: a complete, raw picture of what Reply Radar keeps (every IndexedDB store with its
// keys, and all of storage.local), so "nothing changed" can be checked exactly.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { TemplateDraft } from '../../../utils/core/template';
import { openRadarDb } from '../../../utils/storage/db';
import { templateChunkOf } from '../../../utils/storage/template-chunks';

export async function dumpEverything(): Promise<unknown> {
  const db = await openRadarDb();
  const idb: Record<string, { keys: IDBValidKey[]; values: unknown[] }> = {};
  for (const name of db.objectStoreNames) {
    const tx = db.transaction(name);
    idb[name] = { keys: await tx.store.getAllKeys(), values: await tx.store.getAll() };
  }
  return { idb, local: await fakeBrowser.storage.local.get(null) };
}

export function draft(overrides: Partial<TemplateDraft> = {}): TemplateDraft {
  return { title: 'Thanks', body: 'Thank you, {first_name}!', language: 'en', tags: [], ...overrides };
}

/**
 * A template record written straight into its chunk (schema v4: `[id, record]` pairs in id order), as a damaged or
 * foreign record would be, without going through the module under test.
 */
export async function putTemplateRecord(value: unknown, key = (value as { id: string }).id): Promise<void> {
  const db = await openRadarDb();
  const id = templateChunkOf(key);
  const pairs = ((await db.get('templateChunks', id)) ?? []) as [string, unknown][];
  const next = [...pairs.filter(([k]) => k !== key), [key, value] as [string, unknown]];
  await db.put(
    'templateChunks',
    next.sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    id,
  );
}

/** The template record stored under `key`, exactly as it is on disk (undefined when there is none). */
export async function templateRecord(key: string): Promise<unknown> {
  const db = await openRadarDb();
  const pairs = ((await db.get('templateChunks', templateChunkOf(key))) ?? []) as [string, unknown][];
  return pairs.find(([k]) => k === key)?.[1];
}

/** Counts the puts each store receives from now on (the cost an import pays per record in a real browser). */
export function countPuts(): Map<string, number> {
  const counts = new Map<string, number>();
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    counts.set(this.name, (counts.get(this.name) ?? 0) + 1);
    return put.apply(this, args);
  });
  return counts;
}
