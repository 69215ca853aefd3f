// Comment states are stored in a fixed number of chunks, each one IndexedDB record holding the states whose keys hash
// to it, instead of one record per comment (schema v3). A large import then writes a few hundred records instead of
// one per comment (140,000 separate puts took 40 s in the options page), and a single state still costs one small
// read and write: a chunk holds 1/256th of the states.
//
// A chunk holds one entry per state. A valid state is written compact, `[key, state, at]` or `[key, "snoozed", at,
// until]`: half the bytes of the record, and no object per state to write out or read back (the largest import spent
// more time writing out its records than on anything else). Releases before it wrote `[key, record]` pairs, still
// read: a chunk may hold both. No schema version: the stores are the same, only an entry form was added, and a
// reader that knows both reads every database. Whatever does not read as a state is kept exactly as it was written
// (a pair's record, a compact entry's list), so a damaged state stays on disk and is reported under its own key,
// never dropped because a neighbour in its chunk changed.
import type { IDBPObjectStore } from 'idb';
import { fnv1a } from '../core/fnv1a';
import { MAX_KEY_LENGTH, type ManualState, ManualStateSchema } from '../core/model';
import type { RadarDB, SkippedRecord } from './db';
import { check } from './errors';
import type { RecordIssue } from './schemas';

export const STATE_CHUNKS = 256;
/** The store name states are reported under (damaged records, quarantine), as before chunking. */
export const STATES_STORE = 'commentStates';

/** The chunk a key's state lives in (stable across releases: FNV-1a of the key). */
export const chunkOf = (key: string): number => fnv1a(key) % STATE_CHUNKS;

/** One chunk as read: its states by key, or, when the record cannot be read as a chunk, the whole raw value. */
export type Chunk =
  | { ok: true; entries: Map<string, unknown> }
  | { ok: false; raw: unknown; problem: string; issue: RecordIssue };

/** A chunk that does not read: English for logs, a problem code for the options page (issue-text.ts words it). */
export const badChunk = (raw: unknown, code: string, problem: string): Chunk => ({
  ok: false,
  raw,
  problem,
  issue: { code, path: [] },
});

/**
 * A compact entry that does not stand for a valid state (a state this release does not know, a bad time): kept as the
 * list it was written as, reported under its key and written back unchanged.
 */
export class WrittenEntry {
  constructor(readonly entry: readonly unknown[]) {}
}

/** A stored value as it was on disk (a compact entry's list, or a pair's record), for reports and the quarantine. */
export const writtenValue = (value: unknown): unknown => (value instanceof WrittenEntry ? value.entry : value);

/** The record a compact entry stands for. */
function recordOf(entry: readonly unknown[]): Record<string, unknown> {
  return entry.length === 3
    ? { key: entry[0], state: entry[1], at: entry[2] }
    : { key: entry[0], state: entry[1], at: entry[2], until: entry[3] };
}

/** A valid state as its compact entry (quickState holds for it). */
export const compactEntry = (s: ManualState): unknown[] =>
  s.state === 'snoozed' ? [s.key, s.state, s.at, s.until] : [s.key, s.state, s.at];

/**
 * A chunk is stored as JSON text of its entries: the browser copies one string in and out of IndexedDB instead of
 * hundreds of small objects (reading every state for an import cost more than the import's checks). Entries of two
 * fields are `[key, record]` pairs, of three or four compact states; any other entry leaves the chunk unreadable.
 */
export function decodeChunk(value: unknown): Chunk {
  if (value === undefined) return { ok: true, entries: new Map() };
  if (typeof value !== 'string') return badChunk(value, 'chunk_not_text', 'the chunk is not text');
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    // i18n-ignore: English for logs beside the problem code
    return badChunk(value, 'chunk_not_json', 'the chunk is not valid JSON');
  }
  if (!Array.isArray(list)) return badChunk(value, 'chunk_not_list', 'the chunk is not a list');
  const entries = new Map<string, unknown>();
  for (const entry of list) {
    if (!Array.isArray(entry) || entry.length < 2 || entry.length > 4 || typeof entry[0] !== 'string') {
      return badChunk(value, 'chunk_bad_pair', 'the chunk holds an entry that is not a [key, state] pair');
    }
    if (entry.length === 2) {
      entries.set(entry[0], entry[1]);
      continue;
    }
    const record = recordOf(entry);
    entries.set(entry[0], quickState(record) ? record : new WrittenEntry(entry));
  }
  return { ok: true, entries };
}

/**
 * Valid states compact; anything else as it was read (a pair's record in a pair, a compact entry's list as is), so a
 * chunk rewritten around a damaged state keeps it exactly.
 */
export function encodeChunk(entries: Map<string, unknown>): string {
  const out: unknown[] = [];
  for (const [key, value] of entries) {
    if (value instanceof WrittenEntry) out.push(value.entry);
    else if (quickState(value) && value.key === key) out.push(compactEntry(value));
    else out.push([key, value]);
  }
  return JSON.stringify(out);
}

/** Printable ASCII but `"` and `\`: a key JSON writes as it is, between quotes. */
const PLAIN_KEY = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * The text of a chunk holding exactly these valid states, in this order: what encodeChunk writes for them, written
 * out directly (no list per state: for the largest import that took as long as the text itself). A finite number
 * reads the same in a template string as in JSON.
 */
export function statesText(states: readonly ManualState[]): string {
  let out = '[';
  for (let i = 0; i < states.length; i++) {
    const s = states[i] as ManualState;
    const key = PLAIN_KEY.test(s.key) ? `"${s.key}"` : JSON.stringify(s.key);
    out += `${i === 0 ? '[' : ',['}${key},"${s.state}",${s.at}${s.state === 'snoozed' ? `,${s.until}` : ''}]`;
  }
  return `${out}]`;
}

/** How a damaged chunk is named in reports and in the quarantine. */
export const chunkLabel = (id: number) => `chunk ${id}`;

/**
 * ManualStateSchema for a record with exactly its fields, without zod (an import reads 140,000 stored states); a
 * record failing it goes through zod, which also accepts extra fields and names the problem.
 */
export function quickState(value: unknown): value is ManualState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v).length;
  if (typeof v.key !== 'string' || v.key.length === 0 || v.key.length > MAX_KEY_LENGTH) return false;
  if (typeof v.at !== 'number' || !Number.isFinite(v.at)) return false;
  if (v.state === 'done' || v.state === 'ignored') return keys === 3;
  return v.state === 'snoozed' && keys === 4 && typeof v.until === 'number' && Number.isFinite(v.until);
}

export function validateState(
  key: string,
  value: unknown,
): { ok: true; value: ManualState } | { ok: false; skipped: SkippedRecord } {
  if (quickState(value) && value.key === key) return { ok: true, value };
  const result = check(ManualStateSchema, value instanceof WrittenEntry ? recordOf(value.entry) : value);
  if (result.ok && result.value.key === key) return result;
  if (result.ok) {
    const issue = { code: 'stored_under_other_key', path: [] };
    return { ok: false, skipped: { store: STATES_STORE, key, problem: `key: stored under "${key}"`, issue } };
  }
  return { ok: false, skipped: { store: STATES_STORE, key, problem: result.problem, issue: result.issue } };
}

/** Equal states (a state record has no nested values): cheaper than a canonical JSON compare per record. */
export function sameState(a: ManualState, b: ManualState): boolean {
  return (
    a.key === b.key &&
    a.state === b.state &&
    a.at === b.at &&
    (a.state === 'snoozed' ? b.state === 'snoozed' && a.until === b.until : true)
  );
}

type ChunkStore = Pick<IDBPObjectStore<RadarDB, ['stateChunks'], 'stateChunks', 'readonly'>, 'get' | 'getAllKeys'>;

/** One chunk read and its states validated: bad states and a bad chunk are reported, never thrown. */
export interface ReadChunk {
  chunk: Chunk;
  items: ManualState[];
  skipped: SkippedRecord[];
  /** Raw records of damaged states by key. */
  damaged: Map<string, { skipped: SkippedRecord; raw: unknown }>;
}

export function readChunk(id: number, value: unknown): ReadChunk {
  const chunk = decodeChunk(value);
  const out: ReadChunk = { chunk, items: [], skipped: [], damaged: new Map() };
  if (!chunk.ok) {
    out.skipped.push({ store: STATES_STORE, key: chunkLabel(id), problem: chunk.problem, issue: chunk.issue });
    return out;
  }
  for (const [key, state] of chunk.entries) {
    const read = validateState(key, state);
    if (read.ok) out.items.push(read.value);
    else {
      out.skipped.push(read.skipped);
      out.damaged.set(key, { skipped: read.skipped, raw: writtenValue(state) });
    }
  }
  return out;
}

/**
 * Every chunk's stored record by id, undecoded (an import decodes only the chunks it cannot settle by their text);
 * templates' chunks are read the same way, with their own count.
 * One get per chunk id, all sent at once with the list of keys: Chromium 156 answers getAll() (and a cursor) over
 * these 50 KB records 5–7 times slower than as many gets (10 MB of states: about 2 s against 0.3 s at load 8). A
 * key that is no chunk id (a damaged store) is read once the keys are known.
 */
export async function readChunkRecords(
  store: Pick<ChunkStore, 'getAllKeys'> & { get(key: number): Promise<unknown> },
  count = STATE_CHUNKS,
): Promise<Map<number, unknown>> {
  const ids = Array.from({ length: count }, (_, id) => id);
  const [keys, ...values] = await Promise.all([store.getAllKeys(), ...ids.map((id) => store.get(id))]);
  const out = new Map<number, unknown>();
  for (const key of keys) {
    const id = key as number;
    out.set(id, Number.isInteger(id) && id >= 0 && id < count ? values[id] : await store.get(id));
  }
  return out;
}

export interface AllStates {
  items: ManualState[];
  skipped: SkippedRecord[];
  /** Every chunk by id (damaged ones whole), for writers that rewrite chunks. */
  chunks: Map<number, Chunk>;
  /** Raw records of damaged states by key. */
  damaged: Map<string, { skipped: SkippedRecord; raw: unknown }>;
}

/** Every state of the store, validated; bad states and bad chunks are reported, never thrown. */
export async function readAllStates(store: ChunkStore): Promise<AllStates> {
  const out: AllStates = { items: [], skipped: [], chunks: new Map(), damaged: new Map() };
  for (const [id, value] of await readChunkRecords(store)) {
    const read = readChunk(id, value);
    out.chunks.set(id, read.chunk);
    for (const item of read.items) out.items.push(item);
    for (const skipped of read.skipped) out.skipped.push(skipped);
    for (const [key, damaged] of read.damaged) out.damaged.set(key, damaged);
  }
  if (out.skipped.length > 0) console.warn('[reply-radar] skipped invalid records', out.skipped);
  return out;
}
