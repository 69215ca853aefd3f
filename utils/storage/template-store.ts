// The templates of the database as the rest of the code sees them: read and validated from their chunks
// (template-chunks.ts), and changed by id, each touched chunk written once.
import type { IDBPTransaction } from 'idb';
import { type Template, TemplateSchema } from '../core/template';
import { type ListResult, quarantine, type RadarDB, readValid, type StoreName } from './db';
import { quickTemplate } from './quick-template';
import {
  readTemplateChunk,
  readTemplateChunks,
  TEMPLATES_STORE,
  type TemplateChunk,
  templateChunkLabel,
  templateChunkOf,
  templateChunkWrites,
  templateRecords,
} from './template-chunks';

export interface StoredTemplates extends ListResult<Template> {
  /** Every stored record by id, valid or not. */
  raw: Map<string, unknown>;
  /** The chunks as read, for a writer in the same transaction. */
  chunks: Map<number, TemplateChunk>;
}

type ReadStore = Parameters<typeof readTemplateChunks>[0];

/** Every template, validated; damaged records and unreadable chunks are reported, never thrown. */
export async function readTemplates(store: ReadStore): Promise<StoredTemplates> {
  const chunks = await readTemplateChunks(store);
  const { records, skipped } = templateRecords(chunks);
  const keys = [...records.keys()];
  const values = [...records.values()];
  const read = await readValid(
    { name: TEMPLATES_STORE, getAll: async () => values, getAllKeys: async () => keys },
    TemplateSchema,
    quickTemplate,
  );
  if (skipped.length > 0) console.warn('[reply-radar] skipped unreadable template chunks', skipped);
  return { ...read, skipped: [...skipped, ...read.skipped], chunks };
}

/** One stored template record by id as it is on disk (undefined: none, or its chunk cannot be read). */
export async function readTemplateRecord(store: ReadStore, id: string): Promise<{ raw: unknown; unreadable: boolean }> {
  const chunk = await readTemplateChunk(store, templateChunkOf(id));
  return chunk.ok ? { raw: chunk.entries.get(id), unreadable: false } : { raw: undefined, unreadable: true };
}

export type TemplatesTx = IDBPTransaction<RadarDB, StoreName[], 'readwrite'>;

/**
 * Store the records of `changes` (id → record, or undefined to delete it) in the transaction, which must hold
 * templateChunks and quarantine. Chunks not read yet in it are read first; an unreadable chunk about to be written
 * over is copied to the quarantine whole before.
 */
export async function writeTemplates(
  tx: TemplatesTx,
  changes: ReadonlyMap<string, unknown>,
  known?: ReadonlyMap<number, TemplateChunk>,
): Promise<void> {
  const store = tx.objectStore('templateChunks');
  const chunks = new Map(known);
  for (const id of new Set([...changes.keys()].map(templateChunkOf))) {
    if (!chunks.has(id)) chunks.set(id, await readTemplateChunk(store, id));
  }
  const { puts, unreadable } = templateChunkWrites(chunks, changes);
  for (const [id, chunk] of unreadable) {
    await quarantine(tx, {
      store: TEMPLATES_STORE,
      key: templateChunkLabel(id),
      problem: chunk.problem,
      issue: chunk.issue,
      value: chunk.raw,
    });
  }
  for (const [id, value] of puts) {
    if (value === undefined) await store.delete(id);
    else await store.put(value, id);
  }
}
