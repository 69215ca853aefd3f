// Templates are stored in TEMPLATE_CHUNKS records by id hash (schema v4), as comment states are (state-chunks.ts),
// instead of one record per template: the largest import wrote 2,000 template records, and their puts and index
// entries took the browser about 400 ms of the import's second (one record per chunk: about 60 ms). An edit still
// writes one small record: a chunk holds 1/16th of the library.
//
// A chunk is a list of `[id, record]` pairs, stored as it is (structured clone, not JSON text): a record that does not
// validate is kept exactly as it was written, reported under its own id and written back unchanged when a neighbour
// in its chunk changes, never dropped. Pairs are kept in id order, so every list comes out in the order the old store
// gave (IndexedDB's key order).
import { fnv1a } from '../core/fnv1a';
import type { SkippedRecord } from './db';
import { badChunk, type Chunk, chunkLabel, readChunkRecords } from './state-chunks';

export const TEMPLATE_CHUNKS = 16;
/** The store name templates are reported under (damaged records, quarantine), as before chunking. */
export const TEMPLATES_STORE = 'templates';

/** The chunk a template id lives in (stable across releases: FNV-1a of the id). */
export const templateChunkOf = (id: string): number => fnv1a(id) % TEMPLATE_CHUNKS;

/** One chunk as read: its records by id, or, when the stored value is no list of pairs, that whole value. */
export type TemplateChunk = Chunk;

export function decodeTemplateChunk(value: unknown): TemplateChunk {
  if (value === undefined) return { ok: true, entries: new Map() };
  if (!Array.isArray(value)) return badChunk(value, 'chunk_not_list', 'the chunk is not a list');
  const entries = new Map<string, unknown>();
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || entries.has(entry[0])) {
      return badChunk(value, 'chunk_bad_pair', 'the chunk holds an entry that is not an [id, template] pair');
    }
    entries.set(entry[0], entry[1]);
  }
  return { ok: true, entries };
}

const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** A chunk's stored value: its pairs in id order; undefined (delete the record) when it holds nothing. */
export function encodeTemplateChunk(entries: Map<string, unknown>): [string, unknown][] | undefined {
  return entries.size === 0 ? undefined : [...entries].sort(byKey);
}

/** How a damaged chunk is named in reports and in the quarantine (as a states chunk is; its store tells them apart). */
export const templateChunkLabel = chunkLabel;

/** A chunk that cannot be read, as a damaged record of the templates store. */
export function skippedChunk(id: number, chunk: Extract<TemplateChunk, { ok: false }>): SkippedRecord {
  return { store: TEMPLATES_STORE, key: templateChunkLabel(id), problem: chunk.problem, issue: chunk.issue };
}

type ChunkStore = Parameters<typeof readChunkRecords>[0];

export async function readTemplateChunk(store: ChunkStore, id: number): Promise<TemplateChunk> {
  return decodeTemplateChunk(await store.get(id));
}

/** Every chunk by id (one get per chunk id, and whatever else the store holds, read as a chunk too). */
export async function readTemplateChunks(store: ChunkStore): Promise<Map<number, TemplateChunk>> {
  const out = new Map<number, TemplateChunk>();
  for (const [id, value] of await readChunkRecords(store, TEMPLATE_CHUNKS)) out.set(id, decodeTemplateChunk(value));
  return out;
}

/** Every stored template record by id, in id order, and the chunks that could not be read. */
export function templateRecords(chunks: Map<number, TemplateChunk>): {
  records: Map<string, unknown>;
  skipped: SkippedRecord[];
} {
  const pairs: [string, unknown][] = [];
  const skipped: SkippedRecord[] = [];
  for (const [id, chunk] of chunks) {
    if (chunk.ok) for (const pair of chunk.entries) pairs.push(pair);
    else skipped.push(skippedChunk(id, chunk));
  }
  return { records: new Map(pairs.sort(byKey)), skipped };
}

/** What changing some templates writes: each touched chunk once, and the unreadable ones to copy aside first. */
export interface TemplateChunkWrites {
  /** Chunk id → its new value (undefined: delete the record). */
  puts: Map<number, [string, unknown][] | undefined>;
  /** Unreadable chunks about to be written over: copied to the quarantine whole before. */
  unreadable: Map<number, Extract<TemplateChunk, { ok: false }>>;
}

/**
 * The writes for `changes` (id → the record to store, or undefined to delete it), starting from the chunks as read.
 * Records the changes do not name stay exactly as they were, damaged ones included.
 */
export function templateChunkWrites(
  chunks: ReadonlyMap<number, TemplateChunk>,
  changes: ReadonlyMap<string, unknown>,
): TemplateChunkWrites {
  const touched = new Map<number, Map<string, unknown>>();
  const unreadable = new Map<number, Extract<TemplateChunk, { ok: false }>>();
  for (const [key, value] of changes) {
    const id = templateChunkOf(key);
    let entries = touched.get(id);
    if (!entries) {
      const chunk = chunks.get(id) ?? { ok: true, entries: new Map() };
      if (!chunk.ok) unreadable.set(id, chunk);
      entries = chunk.ok ? new Map(chunk.entries) : new Map();
      touched.set(id, entries);
    }
    if (value === undefined) entries.delete(key);
    else entries.set(key, value);
  }
  const puts = new Map<number, [string, unknown][] | undefined>();
  for (const [id, entries] of touched) puts.set(id, encodeTemplateChunk(entries));
  return { puts, unreadable };
}
