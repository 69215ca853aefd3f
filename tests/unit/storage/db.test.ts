import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { listAllStates, listStates } from '../../../utils/storage/comment-states';
import { DB_NAME, DB_VERSION, openRadarDb, readMeta } from '../../../utils/storage/db';
import { importJson } from '../../../utils/storage/import-export';
import { listResponseLog } from '../../../utils/storage/response-log';
import { chunkOf } from '../../../utils/storage/state-chunks';
import { listTemplates, purgeTrash, reorderTemplates, seedStarterTemplates } from '../../../utils/storage/templates';
import { putTemplateRecord, templateRecord } from './helpers';

const template = (id: string, order: number, extra: object = {}) => ({
  id,
  title: `Template ${id}`,
  body: `Body of ${id}`,
  language: 'en',
  tags: [],
  order,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  useCount: 3,
  ...extra,
});

/** The v1 schema, written out by hand as an older release created it (not through the module under test). */
async function createV1Database(): Promise<void> {
  const db = await openDB(DB_NAME, 1, {
    upgrade(v1) {
      v1.createObjectStore('templates', { keyPath: 'id' }).createIndex('order', 'order');
      v1.createObjectStore('commentStates', { keyPath: 'key' });
      v1.createObjectStore('responseLog', { keyPath: 'key' });
      v1.createObjectStore('meta');
    },
  });
  await db.put('templates', template('a', 0));
  await db.put('templates', template('b', 1, { shortcut: 'bb', deletedAt: 1_700_000_100_000 }));
  await db.put('commentStates', { key: 'x:1', state: 'done', at: 5 });
  await db.put('commentStates', { key: 'facebook:2', state: 'snoozed', at: 5, until: 10 });
  await db.put('responseLog', { key: 'x:1', platform: 'x', postId: 'p', postedAt: 1, answeredAt: 2, level: 'ok' });
  await db.put('meta', 1, 'schemaVersion');
  await db.put('meta', 1_600_000_000_000, 'installedAt');
  db.close();
}

describe('database schema', () => {
  it('opens a stored v1 database at the current version with every record intact', async () => {
    await createV1Database();

    const templates = await listTemplates();
    expect(templates.skipped).toEqual([]);
    expect(templates.items).toEqual([template('a', 0)]);
    expect((await listAllStates()).items).toHaveLength(2);
    expect((await listStates(['facebook:2'])).items).toEqual([
      { key: 'facebook:2', state: 'snoozed', at: 5, until: 10 },
    ]);
    expect((await listResponseLog()).items).toEqual([
      { key: 'x:1', platform: 'x', postId: 'p', postedAt: 1, answeredAt: 2, level: 'ok' },
    ]);
    // The v2 indexes work on the old data.
    expect((await listResponseLog({ from: 2, to: 3 })).items).toHaveLength(1);
    expect((await listResponseLog({ from: 3 })).items).toHaveLength(0);
    expect(await purgeTrash(1_700_000_100_000 + 31 * 24 * 3600 * 1000)).toBe(1);

    const db = await openRadarDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('quarantine');
    expect(await readMeta('schemaVersion')).toBe(DB_VERSION);
    // Install time is the original one, not the upgrade's.
    expect(await readMeta('installedAt')).toBe(1_600_000_000_000);
    // An existing library is never topped up with starter templates.
    expect(await seedStarterTemplates()).toBe(false);
    expect((await listTemplates()).items.map((t) => t.id)).toEqual(['a']);
  });

  it('creates a fresh database with its install time', async () => {
    const before = Date.now();
    await openRadarDb();
    expect(await readMeta('installedAt')).toBeGreaterThanOrEqual(before);
    expect(await readMeta('seededAt')).toBeUndefined();
  });
});

describe('damaged records', () => {
  it('skips and reports a corrupted record on read, and never deletes it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await seedStarterTemplates({ starters: [] });
    const db = await openRadarDb();
    await putTemplateRecord(template('good', 0));
    const damaged = { id: 'bad', title: 42, body: '', order: 'first', deletedAt: 1 };
    await putTemplateRecord(damaged);
    await db.put('stateChunks', JSON.stringify([['x:9', { key: 'x:9', state: 'maybe', at: 1 }]]), chunkOf('x:9'));

    const list = await listTemplates();
    expect(list.items.map((t) => t.id)).toEqual(['good']);
    // English for logs; the problem itself kept without words, for the options page to say in the user's language.
    expect(list.skipped).toEqual([
      {
        store: 'templates',
        key: 'bad',
        problem: expect.stringContaining('title'),
        issue: expect.objectContaining({ code: 'expected_text', path: ['title'] }),
      },
    ]);
    expect(await listStates(['x:9'])).toEqual({
      items: [],
      skipped: [
        {
          store: 'commentStates',
          key: 'x:9',
          problem: expect.any(String),
          issue: { code: 'invalid', path: ['state'] },
        },
      ],
    });

    // Writes that walk the whole store leave it alone.
    await reorderTemplates(['good']);
    await purgeTrash(Number.MAX_SAFE_INTEGER);
    expect(await templateRecord('bad')).toEqual(damaged);
    expect(await db.get('stateChunks', chunkOf('x:9'))).toBe(
      JSON.stringify([['x:9', { key: 'x:9', state: 'maybe', at: 1 }]]),
    );
  });

  it('copies a damaged record aside before an import overwrites its key', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await seedStarterTemplates({ starters: [] });
    const db = await openRadarDb();
    await putTemplateRecord({ id: 'same', title: 42 });
    const file = {
      format: 'reply-radar',
      formatVersion: 2,
      exportedAt: '2024-01-01T00:00:00.000Z',
      templates: [template('same', 0)],
      settings: DEFAULT_SETTINGS,
      commentStates: [],
    };
    const summary = await importJson(JSON.stringify(file), { mode: 'merge' });
    expect(summary.added).toBe(1);
    expect(await templateRecord('same')).toEqual(template('same', 0));
    const aside = await db.getAll('quarantine');
    expect(aside).toEqual([
      expect.objectContaining({ store: 'templates', key: 'same', value: { id: 'same', title: 42 } }),
    ]);
  });
});
