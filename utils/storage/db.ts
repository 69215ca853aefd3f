// The one IndexedDB of Reply Radar. It lives in the extension's origin: the background opens it for content scripts
// (which never touch it, see utils/messaging), the options and dashboard pages open it through this module too.
// Nothing here keeps state that matters in memory: the MV3 service worker may be stopped between any two calls.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { z } from 'zod';
import { check } from './errors';
import { type ListResult, RecordIssueSchema, type SkippedRecord } from './schemas';
import { chunkOf, encodeChunk, validateState } from './state-chunks';
import { encodeTemplateChunk, templateChunkOf } from './template-chunks';

export const DB_NAME = 'reply-radar';
export const DB_VERSION = 4;

/** Values are `unknown` on purpose: every record is validated with zod on the way in and on the way out. */
export interface RadarDB extends DBSchema {
  /** Templates in TEMPLATE_CHUNKS chunks by id hash (v4; see template-chunks.ts). Before v4: `templates`. */
  templateChunks: { key: number; value: unknown };
  /** Comment states in STATE_CHUNKS chunks by key hash (v3; see state-chunks.ts). Before v3: `commentStates`. */
  stateChunks: { key: number; value: unknown };
  responseLog: { key: string; value: unknown; indexes: { answeredAt: number } };
  meta: { key: string; value: unknown };
  /** Raw copies of records that failed validation and had to make room (import over the same key). */
  quarantine: { key: number; value: unknown; indexes: { at: number } };
}
export type StoreName = StoreNames<RadarDB>;
export type RadarDatabase = IDBPDatabase<RadarDB>;

/** An upgrade's request: its failure aborts the versionchange transaction and rejects the open, not reported twice. */
const quiet = (request: Promise<unknown>) => void request.catch(() => undefined);

type UpgradeTx = IDBPTransaction<RadarDB, StoreName[], 'versionchange'>;
/** The v1–v2 store of one record per comment state, known only to the upgrade that moves it into chunks. */
const OLD_STATES = 'commentStates' as StoreName;
/** The v1–v3 store of one record per template, known only to the upgrade that moves it into chunks. */
const OLD_TEMPLATES = 'templates' as StoreName;

/**
 * One step per schema version, applied in order from the version found on disk, all in the one versionchange
 * transaction: a step that fails aborts the whole upgrade and the old database stays as it was. Records are kept
 * exactly (v3 moves the states into chunks as they are, damaged ones included), so an old database opens intact.
 */
const UPGRADES: ReadonlyArray<(db: RadarDatabase, tx: UpgradeTx) => void> = [
  // v1: the four stores.
  (db, tx) => {
    db.createObjectStore(OLD_TEMPLATES, { keyPath: 'id' }).createIndex('order' as never, 'order');
    db.createObjectStore(OLD_STATES, { keyPath: 'key' });
    db.createObjectStore('responseLog', { keyPath: 'key' });
    db.createObjectStore('meta');
    quiet(tx.objectStore('meta').put(Date.now(), 'installedAt'));
  },
  // v2: indexes for the trash purge and the response-time dashboard, and a place to keep bad records aside.
  (db, tx) => {
    tx.objectStore(OLD_TEMPLATES).createIndex('deletedAt' as never, 'deletedAt');
    tx.objectStore('responseLog').createIndex('answeredAt', 'answeredAt');
    db.createObjectStore('quarantine', { autoIncrement: true }).createIndex('at', 'at');
  },
  // v3: comment states in chunks (one put per chunk, not per comment, for a large import). A state that does not
  // read is moved to the quarantine as it was (a chunk is JSON text, which could not keep every stored value exactly).
  (db, tx) => {
    const chunks = db.createObjectStore('stateChunks');
    const old = tx.objectStore(OLD_STATES);
    // Both requests answer in this transaction; the puts and the store's removal follow in their success callbacks.
    Promise.all([old.getAllKeys(), old.getAll()])
      .then(([keys, values]) => {
        const byChunk = new Map<number, Map<string, unknown>>();
        for (let i = 0; i < values.length; i++) {
          const key = keyText(keys[i] as IDBValidKey);
          const read = validateState(key, values[i]);
          if (!read.ok) {
            quiet(tx.objectStore('quarantine').add({ ...read.skipped, value: values[i], at: Date.now() }));
            continue;
          }
          const id = chunkOf(key);
          const entries = byChunk.get(id) ?? new Map<string, unknown>();
          byChunk.set(id, entries);
          entries.set(key, read.value);
        }
        for (const [id, entries] of byChunk) quiet(chunks.put(encodeChunk(entries), id));
        db.deleteObjectStore(OLD_STATES);
      })
      .catch(() => abortUpgrade(tx));
  },
  // v4: templates in chunks (one put per chunk, not per template, for a large import). Every record moves as it is,
  // under its key as text, damaged ones included: a chunk is stored as a list, which keeps any value exactly.
  (db, tx) => {
    const chunks = db.createObjectStore('templateChunks');
    const old = tx.objectStore(OLD_TEMPLATES);
    Promise.all([old.getAllKeys(), old.getAll()])
      .then(([keys, values]) => {
        const byChunk = new Map<number, Map<string, unknown>>();
        for (let i = 0; i < values.length; i++) {
          const key = keyText(keys[i] as IDBValidKey);
          const id = templateChunkOf(key);
          const entries = byChunk.get(id) ?? new Map<string, unknown>();
          byChunk.set(id, entries);
          entries.set(key, values[i]);
        }
        for (const [id, entries] of byChunk) quiet(chunks.put(encodeTemplateChunk(entries), id));
        db.deleteObjectStore(OLD_TEMPLATES);
      })
      .catch(() => abortUpgrade(tx));
  },
];

/** A step whose reads failed aborts the whole upgrade: the old database stays as it was. */
function abortUpgrade(tx: UpgradeTx): void {
  try {
    tx.abort();
  } catch {
    // already aborted by the failed request
  }
}

export const MetaSchemas = {
  schemaVersion: z.number().int().positive(),
  installedAt: z.number(),
  /** When the starter templates were written (or found unnecessary); never seed again after that. */
  seededAt: z.number(),
} as const;
export type MetaKey = keyof typeof MetaSchemas;

/** The connection is a cache only: tied to the factory it came from, dropped when the browser or a newer page asks. */
let connection: { factory: IDBFactory; db: Promise<RadarDatabase> } | undefined;

export function openRadarDb(): Promise<RadarDatabase> {
  const factory = globalThis.indexedDB;
  if (connection && connection.factory === factory) return connection.db;
  const forget = () => {
    if (connection?.db === db) connection = undefined;
  };
  const db = openDB<RadarDB>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      quiet(tx.done);
      for (let version = oldVersion; version < DB_VERSION; version++) UPGRADES[version]?.(database, tx);
      quiet(tx.objectStore('meta').put(DB_VERSION, 'schemaVersion'));
    },
    // Another page (after an extension update) wants a newer schema: step aside, reopen on next use.
    blocking() {
      forget();
      void db.then((d) => d.close());
    },
    terminated: forget,
  });
  db.catch(forget);
  connection = { factory, db };
  return db;
}

/** Close the cached connection (tests, and pages that are going away). */
export async function closeRadarDb(): Promise<void> {
  const current = connection;
  connection = undefined;
  if (current) (await current.db.catch(() => undefined))?.close();
}

export type { ListResult, SkippedRecord } from './schemas';
export { listResultSchema, SkippedRecordSchema } from './schemas';

export function keyText(key: IDBValidKey): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

/** Any idb object store of this database, whatever transaction it came from. */
export interface StoreLike {
  name: string;
  getAll(): Promise<unknown[]>;
  getAllKeys(): Promise<IDBValidKey[]>;
}

/**
 * Every record of a store, validated; bad ones are skipped and reported. `raw` holds every record by key.
 * Two requests for the whole store, not one round trip per record (an import reads 200,000 states).
 */
export async function readValid<S extends z.ZodType>(
  objectStore: StoreLike,
  schema: S,
  /** The schema's usual shape checked without zod; a record it does not pass goes through zod. */
  quick?: (value: unknown) => value is z.output<S>,
): Promise<ListResult<z.output<S>> & { raw: Map<string, unknown> }> {
  const store = objectStore.name;
  const items: z.output<S>[] = [];
  const skipped: SkippedRecord[] = [];
  const raw = new Map<string, unknown>();
  // Both in one transaction, both in key order: the nth key is the nth value's.
  const [keys, values] = await Promise.all([objectStore.getAllKeys(), objectStore.getAll()]);
  for (let i = 0; i < values.length; i++) {
    const key = keyText(keys[i] as IDBValidKey);
    const value = values[i];
    raw.set(key, value);
    if (quick?.(value)) {
      items.push(value);
      continue;
    }
    const result = check(schema, value);
    if (result.ok) items.push(result.value);
    else skipped.push({ store, key, problem: result.problem, issue: result.issue });
  }
  if (skipped.length > 0) console.warn('[reply-radar] skipped invalid records', skipped);
  return { items, skipped, raw };
}

/** Validate one record read by key; a bad one becomes a report instead of a value. */
export function validateRead<S extends z.ZodType>(
  /** The store the record is reported under. */
  store: string,
  key: string,
  value: unknown,
  schema: S,
): { ok: true; value: z.output<S> } | { ok: false; skipped: SkippedRecord } {
  const result = check(schema, value);
  if (result.ok) return result;
  console.warn('[reply-radar] skipped invalid record', store, key, result.problem);
  return { ok: false, skipped: { store, key, problem: result.problem, issue: result.issue } };
}

export const QuarantinedSchema = z.object({
  store: z.string(),
  key: z.string(),
  problem: z.string(),
  issue: RecordIssueSchema.optional(),
  at: z.number(),
  value: z.unknown(),
});
export type Quarantined = z.infer<typeof QuarantinedSchema>;

/** Keep a copy of a bad record before something overwrites its key; nothing invalid is ever just dropped. */
export function quarantine(
  tx: IDBPTransaction<RadarDB, StoreName[], 'readwrite'>,
  entry: Omit<Quarantined, 'at'>,
): Promise<number> {
  return tx.objectStore('quarantine').add({ ...entry, at: Date.now() });
}

export async function listQuarantine(): Promise<Quarantined[]> {
  const db = await openRadarDb();
  const all = await db.getAll('quarantine');
  return all.flatMap((v) => {
    const r = check(QuarantinedSchema, v);
    return r.ok ? [r.value] : [];
  });
}

export async function readMeta<K extends MetaKey>(key: K): Promise<z.output<(typeof MetaSchemas)[K]> | undefined> {
  const db = await openRadarDb();
  const r = check(MetaSchemas[key], await db.get('meta', key));
  return r.ok ? (r.value as z.output<(typeof MetaSchemas)[K]>) : undefined;
}
