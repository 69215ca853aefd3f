// Templates live in chunks (schema v4): an import writes one record per touched chunk, not one per template; an edit
// rewrites one small chunk; a damaged template or chunk is never lost when something writes next to it.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import type { Template } from '../../../utils/core/template';
import { damageReport } from '../../../utils/storage/damaged';
import { openRadarDb } from '../../../utils/storage/db';
import { toErrorInfo } from '../../../utils/storage/errors';
import { exportAll, importJson, importTemplatesCsv } from '../../../utils/storage/import-export';
import {
  decodeTemplateChunk,
  encodeTemplateChunk,
  TEMPLATE_CHUNKS,
  templateChunkOf,
  templateChunkWrites,
} from '../../../utils/storage/template-chunks';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listLibrary,
  listTemplates,
  purgeTemplate,
  seedStarterTemplates,
} from '../../../utils/storage/templates';
import { countPuts, putTemplateRecord, templateRecord } from './helpers';

const template = (id: string, order: number): Template => ({
  id,
  title: `Template ${id}`,
  body: `Body of ${id}`,
  language: 'en',
  tags: [],
  order,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  useCount: 0,
});
const file = (templates: Template[]) =>
  JSON.stringify({
    format: 'reply-radar',
    formatVersion: 2,
    exportedAt: '2024-05-01T10:00:00.000Z',
    templates,
    settings: DEFAULT_SETTINGS,
    commentStates: [],
  });

/** An id that lands in the given chunk. */
function idIn(chunk: number, prefix = 'id'): string {
  for (let i = 0; ; i++) if (templateChunkOf(`${prefix}-${i}`) === chunk) return `${prefix}-${i}`;
}

describe('a template chunk', () => {
  it('is a list of [id, record] pairs in id order; anything else reads as damaged, whole', () => {
    const pairs = encodeTemplateChunk(
      new Map<string, unknown>([
        ['b', 2],
        ['a', 1],
      ]),
    );
    expect(pairs).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(decodeTemplateChunk(pairs)).toEqual({
      ok: true,
      entries: new Map([
        ['a', 1],
        ['b', 2],
      ]),
    });
    expect(encodeTemplateChunk(new Map())).toBeUndefined();
    expect(decodeTemplateChunk(undefined)).toEqual({ ok: true, entries: new Map() });
    expect(decodeTemplateChunk('text')).toMatchObject({ ok: false, raw: 'text', issue: { code: 'chunk_not_list' } });
    for (const bad of [
      [['a']],
      [[1, {}]],
      [['a', 1, 2]],
      [
        ['a', 1],
        ['a', 2],
      ],
      [null],
    ]) {
      expect(decodeTemplateChunk(bad), JSON.stringify(bad)).toMatchObject({ ok: false, raw: bad });
    }
  });

  it('is chosen by FNV-1a of the id, and ids spread over every chunk', () => {
    expect(new Set(Array.from({ length: 400 }, (_, i) => templateChunkOf(`t-${i}`))).size).toBe(TEMPLATE_CHUNKS);
    expect(templateChunkOf('starter-thanks')).toBe(templateChunkOf('starter-thanks'));
  });

  it('plans one write per touched chunk, keeps what the changes do not name, and copies an unreadable chunk aside', () => {
    const a = idIn(3, 'a');
    const b = idIn(3, 'b');
    const c = idIn(9, 'c');
    const chunks = new Map([
      [3, decodeTemplateChunk([[a, { damaged: true }]])],
      [9, decodeTemplateChunk('garbage')],
    ]);
    const { puts, unreadable } = templateChunkWrites(
      chunks,
      new Map<string, unknown>([
        [b, 'B'],
        [c, 'C'],
      ]),
    );
    expect([...puts.keys()].sort()).toEqual([3, 9]);
    expect(puts.get(3)).toEqual(
      encodeTemplateChunk(
        new Map<string, unknown>([
          [a, { damaged: true }],
          [b, 'B'],
        ]),
      ),
    );
    expect(puts.get(9)).toEqual([[c, 'C']]);
    expect([...unreadable.keys()]).toEqual([9]);
    // Deleting the last record of a chunk deletes the chunk.
    expect(
      templateChunkWrites(new Map([[3, decodeTemplateChunk([[b, 'B']])]]), new Map([[b, undefined]])).puts,
    ).toEqual(new Map([[3, undefined]]));
  });
});

describe('templates in chunks', () => {
  it('an import of 2,000 templates writes at most one record per chunk, and every template reads back', async () => {
    await seedStarterTemplates({ starters: [] });
    const templates = Array.from({ length: 2000 }, (_, i) => template(`t-${String(i).padStart(4, '0')}`, i));
    const puts = countPuts();
    const summary = await importJson(file(templates), { mode: 'merge' });
    vi.restoreAllMocks();
    expect(summary.added).toBe(2000);
    expect(puts.get('templateChunks')).toBe(TEMPLATE_CHUNKS);
    expect((await listTemplates()).items).toEqual(templates);
    expect((await exportAll()).value.templates).toEqual(templates);
  });

  it('a CSV import writes each touched chunk once', async () => {
    await seedStarterTemplates({ starters: [] });
    const rows = Array.from({ length: 200 }, (_, i) => `Title ${i},Body ${i},,en,`).join('\n');
    const puts = countPuts();
    const summary = await importTemplatesCsv(`title,body,shortcut,language,tags\n${rows}\n`, { mode: 'merge' });
    vi.restoreAllMocks();
    expect(summary.added).toBe(200);
    expect(puts.get('templateChunks')).toBeLessThanOrEqual(TEMPLATE_CHUNKS);
    expect((await listTemplates()).items.map((t) => t.title)).toEqual(rows.split('\n').map((r) => r.split(',')[0]));
  });

  it('each edit writes one chunk and leaves a damaged neighbour exactly as it was', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await seedStarterTemplates({ starters: [] });
    const created = await createTemplate({ title: 'Hi', body: 'Hello', language: 'en', tags: [] });
    const neighbour = idIn(templateChunkOf(created.id), 'broken');
    await putTemplateRecord({ id: neighbour, title: 42 });
    const puts = countPuts();
    await deleteTemplate(created.id);
    await purgeTemplate(created.id);
    vi.restoreAllMocks();
    expect(puts.get('templateChunks')).toBe(2);
    expect((await listLibrary()).trash).toEqual([]);
    expect(await templateRecord(neighbour)).toEqual({ id: neighbour, title: 42 });
    expect((await damageReport()).damaged).toEqual([expect.objectContaining({ store: 'templates', key: neighbour })]);
  });

  it('an unreadable chunk is reported, and copied to the quarantine whole before a write replaces it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await seedStarterTemplates({ starters: [] });
    const db = await openRadarDb();
    const id = idIn(5, 'new');
    await db.put('templateChunks', 'not a chunk', 5);
    expect((await damageReport()).damaged).toEqual([
      expect.objectContaining({ store: 'templates', key: 'chunk 5', issue: { code: 'chunk_not_list', path: [] } }),
    ]);
    // A template of that chunk cannot be read alone either: said, not taken for missing.
    const refused = await getTemplate(id).catch((e: unknown) => e);
    expect(toErrorInfo(refused).key).toBe('error_template_damaged');
    await importJson(file([template(id, 0)]), { mode: 'merge' });
    expect((await listTemplates()).items.map((t) => t.id)).toEqual([id]);
    expect((await damageReport()).quarantined).toEqual([
      expect.objectContaining({ store: 'templates', key: 'chunk 5', value: 'not a chunk' }),
    ]);
  });
});
