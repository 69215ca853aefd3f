import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import type { Template } from '../../../utils/core/template';
import { listAllStates, setState } from '../../../utils/storage/comment-states';
import { RadarError, STORAGE_FULL_MESSAGE } from '../../../utils/storage/errors';
import {
  exportAll,
  exportJson,
  exportTemplatesCsv,
  importChangedNothing,
  importJson,
  importTemplatesCsv,
  MAX_IMPORT_BYTES,
  readImportFile,
} from '../../../utils/storage/import-export';
import { addResponseLog, listResponseLog } from '../../../utils/storage/response-log';
import { watchTemplatesRevision } from '../../../utils/storage/revisions';
import { readSettings, writeSettings } from '../../../utils/storage/settings';
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  listTrash,
  seedStarterTemplates,
  updateTemplate,
} from '../../../utils/storage/templates';
import { draft, dumpEverything } from './helpers';

const T0 = 1_700_000_000_000;

function fileTemplate(id: string, extra: Partial<Template> = {}): Template {
  return {
    id,
    title: `File ${id}`,
    body: `Body ${id}`,
    language: 'en',
    tags: ['file'],
    order: 0,
    createdAt: T0,
    updatedAt: T0,
    useCount: 0,
    ...extra,
  };
}

function fileWith(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'reply-radar',
    formatVersion: 2,
    exportedAt: '2024-05-01T10:00:00.000Z',
    templates: [fileTemplate('f1', { order: 0 }), fileTemplate('f2', { order: 1, shortcut: 'f2' })],
    settings: { ...DEFAULT_SETTINGS, agentName: 'From file' },
    commentStates: [{ key: 'x:100', state: 'done', at: T0 }],
    ...extra,
  };
}

/** A user with their own templates, states, log and settings. */
async function setUp(): Promise<Template[]> {
  await seedStarterTemplates({ starters: [] });
  const mine = [
    await createTemplate(draft({ title: 'Mine A', shortcut: 'a' })),
    await createTemplate(draft({ title: 'Mine B', shortcut: 'f2' })),
  ];
  await setState({ key: 'x:1', state: 'done', at: T0 });
  await setState({ key: 'instagram:2', state: 'snoozed', at: T0, until: T0 + 1000 });
  await addResponseLog({ key: 'x:1', platform: 'x', postId: 'p', postedAt: T0 - 5000, answeredAt: T0 });
  await writeSettings({ agentName: 'Me', brand: { x: ['acme'], facebook: [], instagram: [] } });
  return mine;
}

describe('import refuses malformed files and changes nothing', () => {
  beforeEach(async () => {
    await setUp();
  });

  const v2 = (extra: Record<string, unknown> = {}) => JSON.stringify(fileWith(extra));
  const header = 'title,body,shortcut,language,tags';

  const jsonCases: Array<[string, string, RegExp]> = [
    ['truncated JSON', v2().slice(0, 120), /^The file is not valid JSON/],
    ['an empty file', '', /^The file is empty/],
    ['only whitespace and a BOM', '\uFEFF  \r\n', /^The file is empty/],
    ['a BOM before truncated JSON', `\uFEFF${v2().slice(0, 60)}`, /^The file is not valid JSON/],
    ['a JSON array', '[1,2]', /^format: this is not a Reply Radar export/],
    ['another app’s file', '{"format":"other","formatVersion":2}', /^format: /],
    ['an unknown version', v2({ formatVersion: 3 }), /^formatVersion: 3 is not supported \(.*reads 1 to 2\)/],
    ['a version as text', v2({ formatVersion: '2' }), /^formatVersion: "2" is not supported/],
    ['no version', v2({ formatVersion: undefined }), /^formatVersion: undefined is not supported/],
    ['templates of the wrong type', v2({ templates: 'all of them' }), /^templates: .*expected array/],
    [
      'a template without a body',
      v2({
        templates: [fileTemplate('a'), fileTemplate('b'), fileTemplate('c'), { ...fileTemplate('d'), body: undefined }],
      }),
      /^templates\[3\]\.body: required$/,
    ],
    [
      'a use count of the wrong type',
      v2({ templates: [{ ...fileTemplate('a'), useCount: '3' }] }),
      /^templates\[0\]\.useCount: /,
    ],
    [
      'invalid settings',
      v2({ settings: { ...DEFAULT_SETTINGS, targets: { warnMinutes: 90, breachMinutes: 60 } } }),
      /^settings\.targets: warn must come before breach/,
    ],
    [
      'a bad comment state',
      v2({ commentStates: [{ key: 'x:1', state: 'maybe', at: 1 }] }),
      /^commentStates\[0\]\.state: /,
    ],
    [
      'duplicate template ids',
      v2({ templates: [fileTemplate('a'), fileTemplate('b'), fileTemplate('a')] }),
      /^templates\[2\]\.id: "a" is also used by templates\[0\]$/,
    ],
    [
      'the same shortcut twice among live templates',
      v2({ templates: [fileTemplate('a', { shortcut: 'ty' }), fileTemplate('b', { shortcut: 'TY' })] }),
      /^templates\[1\]\.shortcut: "ty" is also used by templates\[0\]$/,
    ],
    [
      'duplicate comment state keys',
      v2({
        commentStates: [
          { key: 'x:1', state: 'done', at: 1 },
          { key: 'x:1', state: 'ignored', at: 2 },
        ],
      }),
      /^commentStates\[1\]\.key: /,
    ],
    [
      'a __proto__ key',
      v2().replace('"templates":[{', '"templates":[{"__proto__":{"polluted":true},'),
      /^templates\[0\]\.__proto__: the key "__proto__" is not allowed$/,
    ],
    ['a constructor key', v2({ settings: { ...DEFAULT_SETTINGS, constructor: { x: 1 } } }), /^settings\.constructor: /],
    ['a prototype key deep down', v2({ extra: [{ a: { prototype: 1 } }] }), /^extra\[0\]\.a\.prototype: /],
    [
      'a v1 template without text',
      JSON.stringify({
        ...fileWith({ formatVersion: 1 }),
        templates: [{ ...fileTemplate('a'), body: undefined, tags: undefined }],
      }),
      /^templates\[0\]\.text: required$/,
    ],
    ['a file over 10 MB', `${v2()}${' '.repeat(MAX_IMPORT_BYTES)}`, /larger than 10 MB/],
  ];

  it.each(jsonCases)('JSON with %s', async (_name, text, message) => {
    const before = await dumpEverything();
    const err = await importJson(text, { mode: 'replace' }).catch((e) => e);
    expect(err).toBeInstanceOf(RadarError);
    expect(err.code).toBe('bad-request');
    expect(err.message).toMatch(message);
    expect(await dumpEverything()).toEqual(before);
  });

  const csvCases: Array<[string, string, RegExp]> = [
    ['a row with too few columns', `${header}\r\nA,B,,en,\r\nC,D,,en,\r\nE,F,x\r\n`, /^line 4: 3 columns, expected 5$/],
    ['an unterminated quote', `${header}\nA,"never closed,,en,\nB,C,,en,\n`, /^line 2: a quoted field is never closed/],
    ['an empty file', '', /^The file is empty/],
    ['a missing body', `\uFEFF${header}\r\nA,,,en,\r\n`, /^line 2: body: required$/],
    ['a duplicate shortcut', `${header}\nA,B,ty,en,\nC,D,TY,en,\n`, /^line 3: shortcut "TY" is also used on line 2$/],
    ['a file over 10 MB', `${header}\n${'A,B,,en,\n'.repeat(MAX_IMPORT_BYTES / 9 + 1)}`, /larger than 10 MB/],
  ];

  it.each(csvCases)('CSV with %s', async (_name, text, message) => {
    const before = await dumpEverything();
    for (const mode of ['merge', 'replace'] as const) {
      const err = await importTemplatesCsv(text, { mode }).catch((e) => e);
      expect(err).toBeInstanceOf(RadarError);
      expect(err.message).toMatch(message);
    }
    expect(await dumpEverything()).toEqual(before);
  });

  it('puts the settings back when the database write fails half-way', async () => {
    const before = await dumpEverything();
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      // The second write of the import (its templates' chunks go first, then the states'): half-way.
      if (this.name !== 'quarantine' && ++calls === 2) throw new DOMException('Disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const err = await importJson(v2(), { mode: 'replace' }).catch((e) => e);
    vi.restoreAllMocks();
    expect(calls).toBe(2);
    expect(err).toBeInstanceOf(RadarError);
    expect(err.message).toBe(`Import failed, nothing was changed: ${STORAGE_FULL_MESSAGE}`);
    expect(await dumpEverything()).toEqual(before);
    expect((await readSettings()).agentName).toBe('Me');
  });

  it('refuses a picked file over 10 MB before reading it', async () => {
    const big = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    await expect(readImportFile(big)).rejects.toMatchObject({ code: 'bad-request' });
    await expect(readImportFile(new Blob(['{"a":1}']))).resolves.toBe('{"a":1}');
  });
});

describe('JSON import', () => {
  it('merge: the newest edit wins, new templates come after mine, my shortcuts and settings stay', async () => {
    const [mineA] = await setUp();
    const file = fileWith({
      templates: [
        fileTemplate('f1', { order: 0 }),
        fileTemplate('f2', { order: 1, shortcut: 'f2' }),
        { ...mineA!, title: 'Mine A, older copy', updatedAt: mineA!.updatedAt - 1 },
      ],
      commentStates: [
        { key: 'x:1', state: 'ignored', at: T0 - 1 },
        { key: 'x:100', state: 'done', at: T0 },
      ],
    });
    const summary = await importJson(`\uFEFF${JSON.stringify(file, null, 2).replaceAll('\n', '\r\n')}`, {
      mode: 'merge',
    });
    expect(summary).toMatchObject({
      added: 2,
      updated: 0,
      skipped: 1,
      settings: 'unchanged',
      commentStates: { added: 1, updated: 0, skipped: 1 },
    });
    expect(summary.duplicates).toEqual([
      { kind: 'id', id: mineA!.id, title: 'Mine A', kept: 'existing' },
      { kind: 'shortcut', title: 'File f2', shortcut: 'f2', usedBy: 'Mine B' },
    ]);
    const items = (await listTemplates()).items;
    expect(items.map((t) => [t.title, t.shortcut])).toEqual([
      ['Mine A', 'a'],
      ['Mine B', 'f2'],
      ['File f1', undefined],
      ['File f2', undefined],
    ]);
    expect((await readSettings()).agentName).toBe('Me');
    expect((await listAllStates()).items).toContainEqual({ key: 'x:1', state: 'done', at: T0 });
  });

  it('a round trip (export, then import the same file) changes nothing and reports no conflict, in either mode', async () => {
    await seedStarterTemplates();
    await setUp();
    const before = await dumpEverything();
    const exported = (await exportJson({ includeResponseLog: true })).value;
    for (const mode of ['merge', 'replace'] as const) {
      const summary = await importJson(exported, { mode, includeSettings: true });
      expect(summary).toMatchObject({
        added: 0,
        updated: 0,
        skipped: 0,
        removed: 0,
        duplicates: [],
        settings: 'unchanged',
        commentStates: { added: 0, updated: 0, skipped: 0, unchanged: 2 },
        responseLog: { added: 0 },
      });
      expect(summary.unchanged).toBe((await listTemplates()).items.length);
      expect(summary.unchanged).toBeGreaterThan(2);
      expect(importChangedNothing(summary)).toBe(true);
      expect(await dumpEverything()).toEqual(before);
    }
  });

  it('a record edited here after the export is still a conflict (mine kept); the untouched ones are unchanged', async () => {
    const [mineA] = await setUp();
    const exported = (await exportJson()).value;
    await updateTemplate(mineA!.id, { body: 'Edited after the export' });
    const summary = await importJson(exported, { mode: 'merge' });
    expect(summary).toMatchObject({ added: 0, updated: 0, skipped: 1, unchanged: 1 });
    expect(summary.duplicates).toEqual([{ kind: 'id', id: mineA!.id, title: 'Mine A', kept: 'existing' }]);
    expect(importChangedNothing(summary)).toBe(false);
    expect((await listTemplates()).items[0]?.body).toBe('Edited after the export');
  });

  it('merge: a newer copy in the file replaces mine and keeps my position', async () => {
    const [mineA, mineB] = await setUp();
    const newer = { ...mineA!, title: 'Mine A, edited elsewhere', order: 99, updatedAt: mineA!.updatedAt + 1 };
    const summary = await importJson(JSON.stringify(fileWith({ templates: [newer] })), { mode: 'merge' });
    expect(summary).toMatchObject({ added: 0, updated: 1, skipped: 0 });
    expect(summary.duplicates).toEqual([{ kind: 'id', id: mineA!.id, title: newer.title, kept: 'imported' }]);
    expect((await listTemplates()).items.map((t) => t.id)).toEqual([mineA!.id, mineB!.id]);
    expect((await listTemplates()).items[0]?.title).toBe('Mine A, edited elsewhere');
  });

  it('replace: the database and settings become the file', async () => {
    await setUp();
    const summary = await importJson(JSON.stringify(fileWith()), { mode: 'replace' });
    expect(summary).toMatchObject({ added: 2, updated: 0, removed: 2, settings: 'replaced' });
    expect((await listTemplates()).items.map((t) => [t.id, t.shortcut])).toEqual([
      ['f1', undefined],
      ['f2', 'f2'],
    ]);
    expect((await listAllStates()).items).toEqual([{ key: 'x:100', state: 'done', at: T0 }]);
    expect((await readSettings()).agentName).toBe('From file');
    // A file without a response log leaves the log alone.
    expect((await listResponseLog()).items).toHaveLength(1);
  });

  it('upgrades a format 1 file (text instead of body, no tags)', async () => {
    await seedStarterTemplates({ starters: [] });
    const { body, tags, ...rest } = fileTemplate('old');
    const v1 = { ...fileWith({ formatVersion: 1, exportedAt: T0 }), templates: [{ ...rest, text: body }] };
    const summary = await importJson(JSON.stringify(v1), { mode: 'merge' });
    expect(summary.added).toBe(1);
    expect((await listTemplates()).items[0]).toMatchObject({ id: 'old', body: 'Body old', tags: [] });
    expect(tags).toEqual(['file']);
  });

  it('round-trips: export, wipe, import replace gives back the same data', async () => {
    await setUp();
    const trashed = await createTemplate(draft({ title: 'Trashed' }));
    await deleteTemplate(trashed.id);
    const { value: text, skipped } = await exportJson({ includeResponseLog: true });
    expect(skipped).toEqual([]);
    const exported = (await exportAll({ includeResponseLog: true })).value;
    expect(exported).toMatchObject({ format: 'reply-radar', formatVersion: 2 });
    expect(exported.templates).toHaveLength(3);
    expect(exported.responseLog).toHaveLength(1);
    expect((await exportAll()).value).not.toHaveProperty('responseLog');

    await importJson(JSON.stringify(fileWith({ responseLog: [] })), { mode: 'replace' });
    expect((await listResponseLog()).items).toEqual([]);
    await importJson(text, { mode: 'replace' });
    const again = (await exportAll({ includeResponseLog: true })).value;
    expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
    expect((await listTrash()).items.map((t) => t.title)).toEqual(['Trashed']);
  });
});

describe('CSV import and export', () => {
  it('exports live templates in order and imports them back into another library', async () => {
    await setUp();
    await createTemplate(draft({ title: 'Multi', body: 'Line 1\nLine "2", done', tags: ['x', 'y'] }));
    const { value: csv } = await exportTemplatesCsv();

    await importJson(JSON.stringify(fileWith({ templates: [] })), { mode: 'replace' });
    const summary = await importTemplatesCsv(csv, { mode: 'merge' });
    expect(summary).toMatchObject({ added: 3, skipped: 0, duplicates: [] });
    expect((await listTemplates()).items.map((t) => [t.title, t.body, t.shortcut, t.tags])).toEqual([
      ['Mine A', draft().body, 'a', []],
      ['Mine B', draft().body, 'f2', []],
      ['Multi', 'Line 1\nLine "2", done', undefined, ['x', 'y']],
    ]);
  });

  it('merge skips rows equal to a live template and drops a shortcut that is taken', async () => {
    await setUp();
    const csv = [
      'title,body,shortcut,language,tags',
      `Mine A,"${draft().body}",,en,`,
      'New one,Hello,a,en,greeting;new',
    ].join('\r\n');
    const summary = await importTemplatesCsv(csv, { mode: 'merge' });
    expect(summary).toMatchObject({ added: 1, skipped: 1 });
    expect(summary.duplicates).toEqual([
      { kind: 'content', line: 2, title: 'Mine A' },
      { kind: 'shortcut', title: 'New one', shortcut: 'a', usedBy: 'Mine A' },
    ]);
    const added = (await listTemplates()).items.at(-1);
    expect(added).toMatchObject({ title: 'New one', tags: ['greeting', 'new'] });
    expect(added?.shortcut).toBeUndefined();
  });

  it('replace moves my live templates to the trash, where they can be restored', async () => {
    await setUp();
    const summary = await importTemplatesCsv('title,body,shortcut,language,tags\nOnly,This one,a,en,\n', {
      mode: 'replace',
    });
    expect(summary).toMatchObject({ added: 1, removed: 2 });
    expect((await listTemplates()).items.map((t) => [t.title, t.shortcut])).toEqual([['Only', 'a']]);
    expect((await listTrash()).items.map((t) => t.title).sort()).toEqual(['Mine A', 'Mine B']);
  });

  it('tells other tabs that templates changed after an import', async () => {
    await setUp();
    const seen: string[] = [];
    const unwatch = watchTemplatesRevision((r) => seen.push(r));
    await importTemplatesCsv('title,body,shortcut,language,tags\nX,Y,,en,\n', { mode: 'merge' });
    unwatch();
    expect(seen).toHaveLength(1);
  });
});
