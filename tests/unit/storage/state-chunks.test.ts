// Comment states live in chunks (schema v3): an import writes one record per chunk, not one per comment; single
// states stay cheap and independent; a damaged state or chunk is never lost when something writes next to it.
import { describe, expect, it, vi } from 'vitest';
import type { ManualState } from '../../../utils/core/model';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { clearStates, listAllStates, listStates, setState } from '../../../utils/storage/comment-states';
import { damageReport } from '../../../utils/storage/damaged';
import { openRadarDb } from '../../../utils/storage/db';
import { exportAll, importJson } from '../../../utils/storage/import-export';
import { chunkOf, decodeChunk, encodeChunk, STATE_CHUNKS } from '../../../utils/storage/state-chunks';
import { countPuts } from './helpers';

const done = (key: string, at = 5): ManualState => ({ key, state: 'done', at });
const file = (commentStates: ManualState[]) =>
  JSON.stringify({
    format: 'reply-radar',
    formatVersion: 2,
    exportedAt: '2024-05-01T10:00:00.000Z',
    templates: [],
    settings: DEFAULT_SETTINGS,
    commentStates,
  });

describe('chunk of a key', () => {
  it('is stable across releases (it decides where a state is on disk) and spreads keys over every chunk', () => {
    for (const key of ['x:1', 'facebook:2', 'instagram:3_4', 'x:\u202e\u200b']) {
      expect(chunkOf(key), key).toBe(fnv(key) % STATE_CHUNKS);
    }
    const used = new Set(Array.from({ length: 5000 }, (_, i) => chunkOf(`x:18${i}`)));
    expect(used.size).toBe(STATE_CHUNKS);
  });

  it('reads text that is not a chunk as damaged, whole, naming the problem', () => {
    expect(decodeChunk(undefined)).toEqual({ ok: true, entries: new Map() });
    expect(decodeChunk(encodeChunk(new Map([['x:1', done('x:1')]])))).toEqual({
      ok: true,
      entries: new Map([['x:1', done('x:1')]]),
    });
    expect(decodeChunk('{oops')).toMatchObject({ ok: false, raw: '{oops', problem: expect.stringContaining('JSON') });
    expect(decodeChunk(42)).toMatchObject({ ok: false, raw: 42 });
    expect(decodeChunk('[["x:1"]]')).toMatchObject({ ok: false, problem: expect.stringContaining('pair') });
  });
});

/** The hash written out independently of the module, so the test pins the on-disk layout. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

describe('states in chunks', () => {
  it('an import of 20,000 states writes one record per chunk, and every state reads back', async () => {
    await openRadarDb();
    const states = Array.from({ length: 20_000 }, (_, i) => done(`x:18${String(i).padStart(17, '0')}`, i));
    const puts = countPuts();
    const summary = await importJson(file(states), { mode: 'merge' });
    expect(summary.commentStates.added).toBe(20_000);
    expect(puts.get('stateChunks')).toBe(STATE_CHUNKS);
    vi.restoreAllMocks();
    expect((await listAllStates()).items).toHaveLength(20_000);
    expect((await listStates([states[7]!.key, states[19_999]!.key])).items).toEqual([states[7], states[19_999]]);
    expect((await exportAll()).value.commentStates).toHaveLength(20_000);
  });

  it('setting, listing and clearing one state touches its chunk only, and keeps its neighbours', async () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `facebook:${i}`);
    await importJson(file(keys.map((k) => done(k))), { mode: 'merge' });
    const puts = countPuts();
    await setState({ key: 'facebook:7', state: 'snoozed', at: 9, until: 99 });
    expect(puts.get('stateChunks')).toBe(1);
    vi.restoreAllMocks();
    expect((await listStates(['facebook:7', 'facebook:8', 'facebook:nope'])).items).toEqual([
      { key: 'facebook:7', state: 'snoozed', at: 9, until: 99 },
      done('facebook:8'),
    ]);
    expect(await clearStates(['facebook:7', 'facebook:nope'])).toBe(1);
    const all = await listAllStates();
    expect(all.items).toHaveLength(1999);
    expect(all.items.some((s) => s.key === 'facebook:7')).toBe(false);
  });

  it('two states written at once into the same chunk are both kept', async () => {
    const a = 'x:1';
    const b = Array.from({ length: 5000 }, (_, i) => `x:${i + 2}`).find((k) => chunkOf(k) === chunkOf(a))!;
    await Promise.all([setState(done(a)), setState(done(b)), setState(done('instagram:5'))]);
    expect((await listStates([a, b, 'instagram:5'])).items).toHaveLength(3);
  });

  it('the same states again change nothing, whether a chunk is settled by its text or read state by state', async () => {
    const states = Array.from({ length: 3000 }, (_, i) => done(`x:${i}`, i));
    await importJson(file(states), { mode: 'merge' });
    const stored = async () => {
      const db = await openRadarDb();
      return Promise.all([db.getAllKeys('stateChunks'), db.getAll('stateChunks')]);
    };
    const before = await stored();
    // In the stored order (as exported): each chunk's text equals the file's states for it.
    const puts = countPuts();
    for (const mode of ['merge', 'replace'] as const) {
      const again = await importJson(file((await exportAll()).value.commentStates), { mode });
      expect(again.commentStates).toEqual({ added: 0, updated: 0, skipped: 0, unchanged: 3000 });
    }
    // Reversed, with the fields in another order: every chunk is read, and still nothing changes.
    const shuffled = [...states].reverse().map((s) => ({ at: s.at, state: s.state, key: s.key }) as ManualState);
    for (const mode of ['merge', 'replace'] as const) {
      const again = await importJson(file(shuffled), { mode });
      expect(again.commentStates).toEqual({ added: 0, updated: 0, skipped: 0, unchanged: 3000 });
    }
    expect(puts.get('stateChunks') ?? 0).toBe(0);
    vi.restoreAllMocks();
    expect(await stored()).toEqual(before);
    // One state more, one newer and one gone (replace): the chunks that differ are read and written, no others.
    const changed = [...states.slice(1, 2999), { ...states[2999]!, at: 99_999 }, done('x:new', 1)];
    const summary = await importJson(file(changed), { mode: 'replace' });
    expect(summary.commentStates).toEqual({ added: 1, updated: 1, skipped: 0, unchanged: 2998 });
    const after = (await listAllStates()).items;
    expect(after).toHaveLength(3000);
    expect(after.find((s) => s.key === 'x:0')).toBeUndefined();
    expect(after.find((s) => s.key === 'x:2999')?.at).toBe(99_999);
  });

  it('replace mode removes the states the file does not have and empties their chunks', async () => {
    await importJson(file([done('x:1'), done('x:2')]), { mode: 'merge' });
    const summary = await importJson(file([done('x:2')]), { mode: 'replace' });
    expect(summary.commentStates).toEqual({ added: 0, updated: 0, skipped: 0, unchanged: 1 });
    expect((await listAllStates()).items).toEqual([done('x:2')]);
    const db = await openRadarDb();
    if (chunkOf('x:1') !== chunkOf('x:2')) expect(await db.get('stateChunks', chunkOf('x:1'))).toBeUndefined();
  });
});

describe('damaged states and chunks', () => {
  it('an import over a damaged state copies it aside first; one the file does not name stays where it is', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = await openRadarDb();
    const bad = { key: 'x:9', state: 'maybe', at: 1 };
    const other = { key: 'x:10', state: 'later', at: 1 };
    const put = (key: string, value: unknown) => db.put('stateChunks', JSON.stringify([[key, value]]), chunkOf(key));
    await put('x:9', bad);
    if (chunkOf('x:10') !== chunkOf('x:9')) await put('x:10', other);
    else throw new Error('pick keys in different chunks');
    await importJson(file([done('x:9')]), { mode: 'replace' });
    expect((await listStates(['x:9'])).items).toEqual([done('x:9')]);
    const report = await damageReport();
    expect(report.quarantined).toEqual([expect.objectContaining({ store: 'commentStates', key: 'x:9', value: bad })]);
    expect(report.damaged).toEqual([
      { store: 'commentStates', key: 'x:10', problem: expect.any(String), issue: expect.any(Object) },
    ]);
  });

  it('an unreadable chunk is reported, and set aside whole before a state is written into it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = await openRadarDb();
    await db.put('stateChunks', 'not json', chunkOf('x:1'));
    expect((await listStates(['x:1'])).skipped).toEqual([
      { store: 'commentStates', key: `chunk ${chunkOf('x:1')}`, problem: expect.stringContaining('JSON') },
    ]);
    await setState(done('x:1'));
    expect((await listStates(['x:1'])).items).toEqual([done('x:1')]);
    expect((await damageReport()).quarantined).toEqual([
      expect.objectContaining({ key: `chunk ${chunkOf('x:1')}`, value: 'not json' }),
    ]);
  });
});

describe('reading every chunk', () => {
  it('asks for each chunk by its id, never getAll (Chromium answers that 5–7 times slower for large records)', async () => {
    const states = Array.from({ length: 2000 }, (_, i) => done(`x:${i}`, i));
    await importJson(file(states), { mode: 'merge' });
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const again = await importJson(file(states), { mode: 'merge' });
    expect(again.commentStates.unchanged).toBe(2000);
    expect((await listAllStates()).items).toHaveLength(2000);
    const names = (spy: typeof get | typeof getAll) => spy.mock.contexts.map((s) => (s as IDBObjectStore).name);
    // The spies see the import's reads: every chunk, states' and templates', asked for by its id; none by getAll.
    expect(names(get).filter((n) => n === 'stateChunks').length).toBeGreaterThanOrEqual(2 * 256);
    expect(names(get)).toContain('templateChunks');
    expect(names(getAll)).not.toContain('stateChunks');
    expect(names(getAll)).not.toContain('templateChunks');
    vi.restoreAllMocks();
  });

  it('still reads a record stored under a key that is no chunk id', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = await openRadarDb();
    await db.put('stateChunks', JSON.stringify([['x:stray', done('x:stray')]]), STATE_CHUNKS + 44);
    await setState(done('x:1'));
    expect((await listAllStates()).items).toEqual(expect.arrayContaining([done('x:stray'), done('x:1')]));
    vi.restoreAllMocks();
  });
});
