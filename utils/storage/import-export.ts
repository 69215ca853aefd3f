// Backups the user owns: everything as one JSON file, or the templates alone as CSV.
//
// Import is all or nothing. The whole file is read and validated before anything is written; then
//   1. settings (storage.local) are written first, when the import carries them, remembering the exact old value;
//   2. templates, comment states and the response log are written in ONE IndexedDB transaction;
//   3. if that transaction fails, the old settings value is put back, so nothing has changed.
// Settings go first because putting back one storage.local value is simple and exact, while undoing a committed
// IndexedDB transaction is not.
import { unwrap } from 'idb';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { type ManualState, ManualStateSchema } from '../core/model';
import { mergeEntries } from '../core/response-log';
import { type Settings, SettingsSchema } from '../core/settings';
import { type Template, TemplateSchema } from '../core/template';
import { csvToDrafts, templatesToCsv } from './csv';
import { openRadarDb, quarantine, readValid, type SkippedRecord } from './db';
import { parseOrThrow, RadarError, toErrorInfo, userTextOf } from './errors';
import { placeText } from './issue-text';
import type { UserText } from './radar-error';
import { type ResponseLogEntry, ResponseLogEntrySchema } from './response-log';
import { bumpStatesRevision, bumpTemplatesRevision } from './revisions';
import { readSettings, replaceSettings, SETTINGS_KEY } from './settings';
import {
  chunkLabel,
  chunkOf,
  encodeChunk,
  quickState,
  readAllStates,
  readChunk,
  readChunkRecords,
  STATES_STORE,
  sameState,
  validateState,
} from './state-chunks';
import { normalizeDraft, shortcutKey, shortcutOwner } from './templates';

export const EXPORT_FORMAT = 'reply-radar';
export const FORMAT_VERSION = 2;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Keys that could reach Object.prototype in careless code; a file holding them anywhere is refused. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  exportedAt: z.string(),
  templates: z.array(TemplateSchema),
  settings: SettingsSchema,
  commentStates: z.array(ManualStateSchema),
  responseLog: z.array(ResponseLogEntrySchema).optional(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** Format 1 (before tags): the template body was called `text`. */
const TemplateV1Schema = TemplateSchema.omit({ body: true, tags: true }).extend({
  text: TemplateSchema.shape.body,
});
const ExportFileV1Schema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.union([z.string(), z.number()]),
  templates: z.array(TemplateV1Schema),
  settings: SettingsSchema,
  commentStates: z.array(ManualStateSchema),
});

/** One schema and one upgrade step per older format version, applied in order up to FORMAT_VERSION. */
const FORMATS: Record<number, { schema: z.ZodType; upgrade?: (file: unknown) => unknown }> = {
  1: {
    schema: ExportFileV1Schema,
    upgrade: (file) => {
      const v1 = file as z.infer<typeof ExportFileV1Schema>;
      return {
        ...v1,
        formatVersion: 2,
        exportedAt: typeof v1.exportedAt === 'number' ? new Date(v1.exportedAt).toISOString() : v1.exportedAt,
        templates: v1.templates.map(({ text, ...t }) => ({ ...t, body: text, tags: [] })),
      };
    },
  },
  2: { schema: ExportFileSchema },
};

export type ImportMode = 'merge' | 'replace';

export type ImportDuplicate =
  /** The same id exists here and in the file; the one edited last was kept. */
  | { kind: 'id'; id: string; title: string; kept: 'existing' | 'imported' }
  /** A CSV row equal (title, body, language) to a live template; not added again. */
  | { kind: 'content'; line: number; title: string }
  /** The imported template's shortcut was already used here; it was imported without the shortcut. */
  | { kind: 'shortcut'; title: string; shortcut: string; usedBy: string };

export interface ImportSummary {
  /** Templates. */
  added: number;
  updated: number;
  /** Differing from the file, and kept as they are here (edited here more recently). */
  skipped: number;
  /** Exactly as in the file already: nothing to do (importing the file just exported). */
  unchanged: number;
  /** Templates taken out by replace mode: deleted by a JSON import, moved to the trash by a CSV import. */
  removed: number;
  duplicates: ImportDuplicate[];
  commentStates: { added: number; updated: number; skipped: number; unchanged: number };
  responseLog: { added: number; skipped: number };
  settings: 'replaced' | 'unchanged';
}

/** Whether an import changed anything at all (a round trip export → import changes nothing). */
export function importChangedNothing(s: ImportSummary): boolean {
  const st = s.commentStates;
  return (
    s.added + s.updated + s.skipped + s.removed + st.added + st.updated + st.skipped + s.responseLog.added === 0 &&
    s.duplicates.length === 0 &&
    s.settings === 'unchanged'
  );
}

/**
 * Equal records: the same fields with the same values, whatever order the keys come in; a field holding `undefined`
 * counts as absent, as in the JSON file. Compared in place (an import compares thousands of templates; writing each
 * out as sorted JSON cost more than the rest of their import).
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRecord(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    fields++;
    if (!Object.hasOwn(y, key) || !sameRecord(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) fields--;
  return fields === 0;
}

export interface ExportResult<T> {
  value: T;
  /** Damaged records that could not be exported (they stay in the database). */
  skipped: SkippedRecord[];
}

// --- export ----------------------------------------------------------------------------------------------------

export async function exportAll(opts: { includeResponseLog?: boolean } = {}): Promise<ExportResult<ExportFile>> {
  const db = await openRadarDb();
  const tx = db.transaction(['templates', 'stateChunks', 'responseLog']);
  const templates = await readValid(tx.objectStore('templates'), TemplateSchema);
  const states = await readAllStates(tx.objectStore('stateChunks'));
  const log = opts.includeResponseLog ? await readValid(tx.objectStore('responseLog'), ResponseLogEntrySchema) : null;
  await tx.done;
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    templates: templates.items.sort((a, b) => a.order - b.order),
    settings: await readSettings(),
    commentStates: states.items,
    ...(log ? { responseLog: log.items } : {}),
  };
  return { value: file, skipped: [...templates.skipped, ...states.skipped, ...(log?.skipped ?? [])] };
}

/** The JSON backup as text, ready for a download. */
export async function exportJson(opts: { includeResponseLog?: boolean } = {}): Promise<ExportResult<string>> {
  const { value, skipped } = await exportAll(opts);
  return { value: `${JSON.stringify(value, null, 2)}\n`, skipped };
}

/** Live templates, in the user's order, as CSV text. */
export async function exportTemplatesCsv(): Promise<ExportResult<string>> {
  const db = await openRadarDb();
  const { items, skipped } = await readValid(db.transaction('templates').store, TemplateSchema);
  const live = items.filter((t) => t.deletedAt === undefined).sort((a, b) => a.order - b.order);
  return { value: templatesToCsv(live), skipped };
}

// --- reading and validating a file ------------------------------------------------------------------------------

/** A refused file: `message` for logs, `text` for the user (utils/i18n renders it in the interface language). */
function refuse(message: string, text: UserText, path?: string): RadarError {
  return new RadarError('bad-request', message, path, text);
}

const TOO_LARGE: UserText = { key: 'import_too_large', params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 } };

/** Read a picked file, refusing one over the size limit before reading it. */
export async function readImportFile(file: Blob): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES)
    throw refuse('The file is larger than 10 MB; Reply Radar does not import it.', TOO_LARGE);
  return file.text();
}

function checkSize(text: string): void {
  // UTF-8 needs at most 3 bytes per UTF-16 unit; count exactly only when it could matter, and text without a
  // character past ASCII (the usual backup) has as many bytes as units: no 10 MB encoding to find that out.
  if (
    text.length > MAX_IMPORT_BYTES ||
    (text.length * 3 > MAX_IMPORT_BYTES && NOT_ASCII.test(text) && byteLength(text) > MAX_IMPORT_BYTES)
  ) {
    throw refuse('The file is larger than 10 MB; Reply Radar does not import it.', TOO_LARGE);
  }
}

const NOT_ASCII = /[\u0080-\uffff]/;

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    let at: UserText = { key: 'import_not_json' };
    if (pos && !/line \d+/.test(msg)) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      // i18n-ignore: the English message's part, for logs; `at` is what the user reads
      where = ` (line ${line}, column ${column})`;
      at = { key: 'import_not_json_at', params: { line, column } };
    }
    throw refuse(`The file is not valid JSON${where}: ${msg}`, at);
  }
}

/**
 * The deepest nesting a Reply Radar backup has is about five levels (settings → labelWords → kind → language →
 * words); anything far deeper is not ours, and refusing it early keeps the checks below cheap.
 */
export const MAX_IMPORT_DEPTH = 32;

interface WalkNode {
  value: unknown;
  depth: number;
  /** How to name this node in a message: the parent and the key, followed only when there is something to report. */
  parent: WalkNode | null;
  key: string | number | null;
}

function pathOf(node: WalkNode): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at: WalkNode | null = node; at?.key != null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Walk the parsed tree without recursion (a hostile file may nest deeply) looking for forbidden keys and refusing
 * deep nesting. Work is linear in the size of the file, and the common case allocates nothing per node: only objects
 * and arrays are visited (a state's fields are not), and no path is kept. When something is wrong, the tree is walked
 * again keeping parents, to name the first problem's place.
 */
function assertNoForbiddenKeys(root: unknown): void {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth >= MAX_IMPORT_DEPTH) reportTreeProblem(root);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    // JSON.parse makes every key an own enumerable property ("__proto__" included), so for…in sees them all.
    for (const key in value) {
      if (FORBIDDEN_KEYS.has(key)) reportTreeProblem(root);
      const child: unknown = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
}

/** The same walk, in the same order, keeping each node's parent: throws naming the first problem and its place. */
function reportTreeProblem(root: unknown): never {
  const stack: WalkNode[] = [{ value: root, depth: 0, parent: null, key: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (node.depth >= MAX_IMPORT_DEPTH) {
      const path = pathOf(node);
      const at = formatAt(path);
      throw refuse(
        `${at || 'the file'}: nested deeper than ${MAX_IMPORT_DEPTH} levels; this is not a Reply Radar export`,
        atPlace(path, { key: 'import_too_deep', params: { levels: MAX_IMPORT_DEPTH } }),
        at,
      );
    }
    const depth = node.depth + 1;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth, parent: node, key: i });
      continue;
    }
    for (const key in value) {
      const child: WalkNode = { value: (value as Record<string, unknown>)[key], depth, parent: node, key };
      if (FORBIDDEN_KEYS.has(key)) {
        const path = pathOf(child);
        const at = formatAt(path);
        throw refuse(
          `${at}: the key "${key}" is not allowed`,
          atPlace(path, { key: 'import_key_not_allowed', params: { key } }),
          at,
        );
      }
      stack.push(child);
    }
  }
  throw new Error('reportTreeProblem: the walk found no problem to report');
}

/** "template 3, title: <problem>" in the user's words; the problem alone when there is no place. */
function atPlace(path: ReadonlyArray<string | number>, problem: UserText): UserText {
  const place = placeText(path);
  return place ? { key: 'error_at', params: { place, problem } } : problem;
}

function formatAt(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse, check and upgrade a JSON backup to the current format. Throws a RadarError naming the first problem. */
export function parseExportFile(text: string): ExportFile {
  checkSize(text);
  const body = stripBom(text);
  if (body.trim() === '') throw refuse('The file is empty.', { key: 'import_empty' });
  const data = parseJson(body);
  assertNoForbiddenKeys(data);
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) {
    throw refuse(
      'format: this is not a Reply Radar export (expected "format": "reply-radar").',
      { key: 'import_not_ours' },
      'format',
    );
  }
  const version = data.formatVersion;
  const known = Object.keys(FORMATS).map(Number);
  if (typeof version !== 'number' || !FORMATS[version]) {
    throw refuse(
      `formatVersion: ${JSON.stringify(version)} is not supported (this version of Reply Radar reads ${Math.min(...known)} to ${Math.max(...known)}).`,
      {
        key: 'import_version_unsupported',
        params: {
          version: JSON.stringify(version ?? null).slice(0, 40),
          min: Math.min(...known),
          max: Math.max(...known),
        },
      },
      'formatVersion',
    );
  }
  // Comment states of exactly the stored shape are checked without zod (140,000 of them cost zod 100 ms); if any
  // is not, zod checks them all and names the first problem with its place.
  const states = data.commentStates;
  const quick = Array.isArray(states) && states.every(quickState);
  let current: unknown = quick ? { ...data, commentStates: [] } : data;
  for (let v = version; v <= FORMAT_VERSION; v++) {
    const step = FORMATS[v]!;
    const parsed = parseOrThrow(step.schema, current);
    current = step.upgrade ? step.upgrade(parsed) : parsed;
  }
  const file = (quick ? { ...(current as ExportFile), commentStates: states } : current) as ExportFile;
  assertUnique(file.templates, (t) => t.id, 'templates', 'id');
  // Among live templates only; the message names each one's place in the whole list.
  assertUnique(
    file.templates,
    (t) => (t.deletedAt === undefined && t.shortcut ? t.shortcut.trim().toLowerCase() : null),
    'templates',
    'shortcut',
  );
  assertUnique(file.commentStates, (s) => s.key, 'commentStates', 'key');
  if (file.responseLog) assertUnique(file.responseLog, (e) => e.key, 'responseLog', 'key');
  return file;
}

/** Two entries with the same key make the file ambiguous: refuse it, naming both places. `null`: not checked. */
function assertUnique<T>(items: readonly T[], keyOf: (item: T) => string | null, list: string, field: string): void {
  // Sorted keys show a repeat as two neighbours: for 140,000 states this is several times quicker than a Map or Set
  // of them (each fresh string hashed, the table grown). Only a file that has a repeat is walked again, to name it.
  const keys: string[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) keys.push(key);
  }
  keys.sort();
  let repeated = false;
  for (let i = 1; i < keys.length && !repeated; i++) repeated = keys[i] === keys[i - 1];
  if (!repeated) return;
  const seen = new Map<string, number>();
  for (let index = 0; index < items.length; index++) {
    const key = keyOf(items[index] as T);
    if (key === null) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      const path = `${list}[${index}].${field}`;
      const problem: UserText = {
        key: 'import_also_used_by',
        params: { value: key.slice(0, 200), other: placeText([list, first]) ?? '' },
      };
      throw refuse(
        `${path}: ${JSON.stringify(key)} is also used by ${list}[${first}]`,
        atPlace([list, index, field], problem),
        path,
      );
    }
    seen.set(key, index);
  }
}

// --- applying ---------------------------------------------------------------------------------------------------

function emptySummary(): ImportSummary {
  return {
    added: 0,
    updated: 0,
    skipped: 0,
    unchanged: 0,
    removed: 0,
    duplicates: [],
    commentStates: { added: 0, updated: 0, skipped: 0, unchanged: 0 },
    responseLog: { added: 0, skipped: 0 },
    settings: 'unchanged',
  };
}

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
interface ImportWrites {
  tx: ImportTx;
  pending: Promise<unknown>[];
  failure?: unknown;
}

type WritableStore = 'templates' | 'responseLog' | 'stateChunks';

/** A put (or, with `value` undefined, a delete) as a plain IDBRequest of the import's transaction. */
function send(w: ImportWrites, store: WritableStore, value: unknown, key?: IDBValidKey): void {
  const raw = unwrap(w.tx.objectStore(store));
  const request = value === undefined ? raw.delete(key as IDBValidKey) : raw.put(value, key);
  request.addEventListener('error', () => {
    w.failure ??= request.error;
  });
}

/** What readValid found in a store, with its damaged records by key. */
interface Existing<T> {
  items: T[];
  raw: Map<string, unknown>;
  damaged: Map<string, SkippedRecord>;
}

async function readExisting<S extends z.ZodType>(
  w: ImportWrites,
  store: 'templates' | 'responseLog',
  schema: S,
): Promise<Existing<z.output<S>>> {
  const { items, raw, skipped } = await readValid(w.tx.objectStore(store), schema);
  return { items, raw, damaged: new Map(skipped.map((s) => [s.key, s])) };
}

/** Queue a quarantine copy; its failure is read at the end, or by the abort when a later call throws first. */
function queue(w: ImportWrites, request: Promise<unknown>): void {
  request.catch(() => undefined);
  w.pending.push(request);
}

async function settle(w: ImportWrites): Promise<void> {
  const batch = w.pending;
  w.pending = [];
  await Promise.all(batch);
}

/** Put a record whose key may hold a damaged record: that one is copied aside first, never silently lost. */
function putOver(
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

function remove(w: ImportWrites, store: 'templates' | 'responseLog', key: string): void {
  send(w, store, undefined, key);
}

/**
 * Write settings, then run `write` in one transaction; if the transaction fails, put the settings back as they were.
 * Nothing is announced to other tabs until everything has committed.
 */
async function applyAtomically(
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

export interface ImportOptions {
  mode: ImportMode;
  /** Also take the file's settings; by default only a replace import does. */
  includeSettings?: boolean;
}

/** Import a JSON backup. Validates the whole file first; either everything applies or nothing changes. */
export async function importJson(text: string, opts: ImportOptions): Promise<ImportSummary> {
  const file = parseExportFile(text);
  const summary = emptySummary();
  const withSettings = opts.includeSettings ?? opts.mode === 'replace';
  return applyAtomically(
    withSettings ? file.settings : undefined,
    async (w) => {
      // Every read goes out before the first write: a transaction's requests run in order, so the browser reads the
      // stored states (about 10 MB for the largest file) while this page sorts the file's states into chunks and
      // works out the templates, and it writes the templates while this page compares the chunks. Reading the
      // states after the template writes kept each side waiting for the other.
      const templatesRead = readExisting(w, 'templates', TemplateSchema);
      const chunksRead = readChunkRecords(w.tx.objectStore('stateChunks'));
      const logRead = file.responseLog ? readExisting(w, 'responseLog', ResponseLogEntrySchema) : undefined;
      // A failed read is reported where it is awaited (or by the transaction's abort), never as unhandled.
      for (const read of [templatesRead, chunksRead, logRead]) read?.catch(() => undefined);
      const fileChunks = byChunk(file.commentStates);
      await importTemplates(w, await templatesRead, file.templates, opts.mode, summary);
      await importStates(w, await chunksRead, fileChunks, opts.mode, summary);
      if (file.responseLog && logRead) await importResponseLog(w, await logRead, file.responseLog, opts.mode, summary);
    },
    summary,
  );
}

async function importTemplates(
  w: ImportWrites,
  existing: Existing<Template>,
  incoming: Template[],
  mode: ImportMode,
  summary: ImportSummary,
): Promise<void> {
  const byId = new Map(existing.items.map((t) => [t.id, t]));
  const incomingIds = new Set(incoming.map((t) => t.id));
  if (mode === 'replace') {
    for (const t of existing.items) {
      if (!incomingIds.has(t.id)) {
        remove(w, 'templates', t.id);
        summary.removed++;
      }
    }
    for (const t of incoming) {
      const mine = byId.get(t.id);
      if (mine && sameRecord(mine, t)) {
        summary.unchanged++;
        continue;
      }
      if (mine) summary.updated++;
      else summary.added++;
      putOver(w, 'templates', t.id, t, existing);
    }
    return;
  }
  // Merge: the version edited last wins; new templates go after the user's own, in the file's order.
  let nextOrder = existing.items.reduce((max, t) => Math.max(max, t.order + 1), 0);
  const winners: Template[] = [];
  for (const t of [...incoming].sort((a, b) => a.order - b.order)) {
    const mine = byId.get(t.id);
    if (!mine) {
      winners.push({ ...t, order: nextOrder++ });
      summary.added++;
    } else if (sameRecord({ ...t, order: mine.order }, mine)) {
      // The same template (its place in this list is this list's own): not a conflict, nothing to do.
      summary.unchanged++;
    } else if (t.updatedAt > mine.updatedAt) {
      winners.push({ ...t, order: mine.order });
      summary.updated++;
      summary.duplicates.push({ kind: 'id', id: t.id, title: t.title, kept: 'imported' });
    } else {
      summary.skipped++;
      summary.duplicates.push({ kind: 'id', id: t.id, title: mine.title, kept: 'existing' });
    }
  }
  // Shortcuts stay unique among live templates: the user's own keep theirs, an imported one gives it up. Owners by
  // shortcut in a Map, the first live one in list order (as shortcutOwner finds it), not a scan per template.
  const winnerIds = new Set(winners.map((t) => t.id));
  const owners = new Map<string, Template>();
  const claim = (t: Template) => {
    if (t.deletedAt !== undefined || !t.shortcut) return;
    const key = shortcutKey(t.shortcut);
    if (!owners.has(key)) owners.set(key, t);
  };
  for (const t of existing.items) if (!winnerIds.has(t.id)) claim(t);
  for (const t of winners) {
    const owner = t.shortcut ? owners.get(shortcutKey(t.shortcut)) : undefined;
    let written = t;
    if (owner && t.shortcut && t.deletedAt === undefined) {
      summary.duplicates.push({ kind: 'shortcut', title: t.title, shortcut: t.shortcut, usedBy: owner.title });
      const { shortcut: _dropped, ...rest } = t;
      written = rest;
    }
    claim(written);
    putOver(w, 'templates', written.id, written, existing);
  }
}

/**
 * The file's states by chunk, in the file's order: each chunk is then settled on its own, against its own entries
 * (no map of every state here and no set of every state in the file).
 */
function byChunk(incoming: ManualState[]): Map<number, ManualState[]> {
  const fileChunks = new Map<number, ManualState[]>();
  for (const s of incoming) {
    const id = chunkOf(s.key);
    const list = fileChunks.get(id);
    if (list) list.push(s);
    else fileChunks.set(id, [s]);
  }
  return fileChunks;
}

/**
 * States are merged in memory chunk by chunk and each changed chunk is written once (a few hundred puts for the
 * largest file, not one per state). A chunk whose stored text is exactly the file's states for it (importing a
 * backup again) is settled by that comparison, without decoding it. Damaged states and chunks are never dropped: a
 * damaged state the file replaces is copied to the quarantine first, one the file does not name stays where it is,
 * and an unreadable chunk is quarantined whole before its key is rewritten.
 */
async function importStates(
  w: ImportWrites,
  stored: Map<number, unknown>,
  fileChunks: Map<number, ManualState[]>,
  mode: ImportMode,
  summary: ImportSummary,
): Promise<void> {
  const ids = mode === 'replace' ? new Set([...stored.keys(), ...fileChunks.keys()]) : fileChunks.keys();
  const skipped: SkippedRecord[] = [];
  for (const id of ids) {
    const states = fileChunks.get(id) ?? [];
    const record = stored.get(id);
    if (
      typeof record === 'string' &&
      states.length > 0 &&
      // The file's keys are unique (checked when it was read): its pairs are the chunk's, no map needed.
      record === JSON.stringify(states.map((s) => [s.key, s]))
    ) {
      summary.commentStates.unchanged += states.length;
      continue;
    }
    const read = record === undefined ? null : readChunk(id, record);
    if (read) for (const s of read.skipped) skipped.push(s);
    const chunk = read?.chunk;
    const damagedStates = read?.damaged ?? new Map<string, { skipped: SkippedRecord; raw: unknown }>();
    const entries = chunk?.ok ? chunk.entries : new Map<string, unknown>();
    let changed = false;
    if (mode === 'replace') {
      // Readable states the file does not name go; damaged ones stay where they are (reported, never dropped).
      const named = new Set(states.map((s) => s.key));
      for (const key of entries.keys()) {
        if (named.has(key) || damagedStates.has(key)) continue;
        entries.delete(key);
        changed = true;
      }
    }
    for (const s of states) {
      const damaged = damagedStates.get(s.key);
      const raw = damaged ? undefined : entries.get(s.key);
      const known = raw === undefined ? null : validateState(s.key, raw);
      const mine = known?.ok ? known.value : undefined;
      if (mine && sameState(mine, s)) {
        summary.commentStates.unchanged++;
        continue;
      }
      if (mode === 'merge' && mine && mine.at >= s.at) {
        summary.commentStates.skipped++;
        continue;
      }
      if (mine) summary.commentStates.updated++;
      else summary.commentStates.added++;
      if (chunk && !chunk.ok && !changed) {
        // An unreadable chunk is copied aside whole before its key is written again.
        queue(
          w,
          quarantine(w.tx, {
            store: STATES_STORE,
            key: chunkLabel(id),
            problem: chunk.problem,
            issue: chunk.issue,
            value: chunk.raw,
          }),
        );
      }
      if (damaged) queue(w, quarantine(w.tx, { ...damaged.skipped, value: damaged.raw }));
      entries.set(s.key, s);
      changed = true;
    }
    if (changed) send(w, 'stateChunks', entries.size === 0 ? undefined : encodeChunk(entries), id);
  }
  if (skipped.length > 0) console.warn('[reply-radar] skipped invalid records', skipped);
}

async function importResponseLog(
  w: ImportWrites,
  existing: Existing<ResponseLogEntry>,
  incoming: ResponseLogEntry[],
  mode: ImportMode,
  summary: ImportSummary,
): Promise<void> {
  const byKey = new Map(existing.items.map((e) => [e.key, e]));
  if (mode === 'replace') {
    const incomingKeys = new Set(incoming.map((e) => e.key));
    for (const e of existing.items) if (!incomingKeys.has(e.key)) remove(w, 'responseLog', e.key);
  }
  for (const e of incoming) {
    const mine = byKey.get(e.key);
    // The first answer of a comment is the one that counts: a merge keeps the earlier of the two.
    const next = mode === 'merge' && mine ? mergeEntries(mine, e) : e;
    if (mine && JSON.stringify(next) === JSON.stringify(mine)) {
      summary.responseLog.skipped++;
      continue;
    }
    summary.responseLog.added++;
    putOver(w, 'responseLog', e.key, next, existing);
  }
}

/**
 * Import templates from CSV. Merge adds the rows as new templates (rows equal to a live template are skipped);
 * replace moves the current live templates to the trash (restorable for 30 days) and adds the rows.
 */
export async function importTemplatesCsv(text: string, opts: { mode: ImportMode }): Promise<ImportSummary> {
  checkSize(text);
  const rows = csvToDrafts(text);
  const firstLineOf = new Map<string, number>();
  for (const { line, draft } of rows) {
    if (!draft.shortcut) continue;
    const key = draft.shortcut.toLowerCase();
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      throw refuse(
        `line ${line}: shortcut "${draft.shortcut}" is also used on line ${first}`,
        {
          key: 'error_at',
          params: {
            place: placeText(['shortcut'], { line }) ?? '',
            problem: { key: 'import_shortcut_on_line', params: { shortcut: draft.shortcut, line: first } },
          },
        },
        `line ${line}, shortcut`,
      );
    }
    firstLineOf.set(key, line);
  }
  const summary = emptySummary();
  return applyAtomically(
    undefined,
    async ({ tx }) => {
      const store = tx.objectStore('templates');
      const existing = await readValid(store, TemplateSchema);
      const now = Date.now();
      let live = existing.items.filter((t) => t.deletedAt === undefined);
      if (opts.mode === 'replace') {
        for (const t of live) await store.put({ ...t, deletedAt: now, updatedAt: Math.max(now, t.updatedAt) });
        summary.removed = live.length;
        live = [];
      }
      let order = existing.items.reduce((max, t) => Math.max(max, t.order + 1), 0);
      for (const { line, draft: raw } of rows) {
        const draft = normalizeDraft(raw);
        const same = live.find(
          (t) => t.title === draft.title && t.body === draft.body && t.language === draft.language,
        );
        if (same) {
          summary.skipped++;
          summary.duplicates.push({ kind: 'content', line, title: draft.title });
          continue;
        }
        const owner = shortcutOwner(live, draft.shortcut);
        if (owner && draft.shortcut) {
          summary.duplicates.push({
            kind: 'shortcut',
            title: draft.title,
            shortcut: draft.shortcut,
            usedBy: owner.title,
          });
          delete draft.shortcut;
        }
        const t: Template = TemplateSchema.parse({
          ...draft,
          id: crypto.randomUUID(),
          order: order++,
          createdAt: now,
          updatedAt: now,
          useCount: 0,
        });
        await store.put(t);
        live.push(t);
        summary.added++;
      }
    },
    summary,
  );
}
