// Shared by the storage tests: a complete, raw picture of what Reply Radar keeps (every IndexedDB store with its
// keys, and all of storage.local), so "nothing changed" can be checked exactly.
import { fakeBrowser } from 'wxt/testing';
import type { TemplateDraft } from '../../../utils/core/template';
import { openRadarDb } from '../../../utils/storage/db';

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
