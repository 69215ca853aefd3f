// Reading and checking an import file before anything is written: its size, a BOM, the JSON itself, keys that could
// reach Object.prototype and deep nesting, the format version (older ones upgraded), and keys that must be unique.

import { EXPORT_FORMAT, type ExportFile, FORMAT_VERSION, FORMATS } from './backup-format';
import { parseOrThrow, RadarError } from './errors';
import { placeText } from './issue-text';
import { quickTemplate } from './quick-template';
import type { UserText } from './radar-error';
import { quickState } from './state-chunks';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Keys that could reach Object.prototype in careless code; a file holding them anywhere is refused. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A refused file: `message` for logs, `text` for the user (utils/i18n renders it in the interface language). */
export function refuse(message: string, text: UserText, path?: string): RadarError {
  return new RadarError('bad-request', message, path, text);
}

const TOO_LARGE: UserText = { key: 'import_too_large', params: { mb: MAX_IMPORT_BYTES / 1024 / 1024 } };

/** Read a picked file, refusing one over the size limit before reading it. */
export async function readImportFile(file: Blob): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES)
    throw refuse('The file is larger than 10 MB; Reply Radar does not import it.', TOO_LARGE);
  return file.text();
}

export function checkSize(text: string): void {
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
  // Comment states and (in the current format) templates of exactly the stored shape are checked without zod
  // (140,000 states cost zod 100 ms, 2,000 templates about 40); if any one is not, zod checks that list whole and
  // names the first problem with its place.
  const states = data.commentStates;
  const quick = Array.isArray(states) && states.every(quickState);
  const templates = data.templates;
  const quickTemplates = version === FORMAT_VERSION && Array.isArray(templates) && templates.every(quickTemplate);
  let current: unknown = {
    ...data,
    ...(quick ? { commentStates: [] } : {}),
    ...(quickTemplates ? { templates: [] } : {}),
  };
  for (let v = version; v <= FORMAT_VERSION; v++) {
    const step = FORMATS[v]!;
    const parsed = parseOrThrow(step.schema, current);
    current = step.upgrade ? step.upgrade(parsed) : parsed;
  }
  const file = {
    ...(current as ExportFile),
    ...(quick ? { commentStates: states } : {}),
    ...(quickTemplates ? { templates } : {}),
  } as ExportFile;
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
