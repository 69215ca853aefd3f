// Chunks written by releases before the compact entry form ([key, record] pairs) still read, alone or mixed with
// compact entries ([key, state, at] / [key, "snoozed", at, until]); a damaged entry of either form is reported under
// its key and kept exactly as it was written, and valid states round-trip exactly.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type ManualState, ManualStateSchema } from '../../../utils/core/model';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { listAllStates, listStates, setState } from '../../../utils/storage/comment-states';
import { damageReport } from '../../../utils/storage/damaged';
import { openRadarDb } from '../../../utils/storage/db';
import { exportAll, importJson } from '../../../utils/storage/import-export';
import {
  chunkOf,
  compactEntry,
  decodeChunk,
  encodeChunk,
  readChunk,
  statesText,
} from '../../../utils/storage/state-chunks';
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

/** A chunk as releases before the compact form wrote it. */
const oldText = (states: ManualState[]) => JSON.stringify(states.map((s) => [s.key, s]));

/** Keys that all land in one chunk, so one record can hold them all. */
function sameChunkKeys(n: number): string[] {
  const keys: string[] = [];
  const target = chunkOf('x:0');
  for (let i = 0; keys.length < n; i++) if (chunkOf(`x:${i}`) === target) keys.push(`x:${i}`);
  return keys;
}

describe('the compact entry form', () => {
  it('writes a valid state as [key, state, at] (or with until), half the text of the record', () => {
    const snoozed: ManualState = { key: 'x:2', state: 'snoozed', at: 3, until: 4 };
    const text = encodeChunk(
      new Map<string, unknown>([
        ['x:1', done('x:1')],
        ['x:2', snoozed],
      ]),
    );
    expect(text).toBe('[["x:1","done",5],["x:2","snoozed",3,4]]');
    expect(statesText([done('x:1'), snoozed])).toBe(text);
    expect(text.length * 2).toBeLessThan(oldText([done('x:1'), snoozed]).length);
  });

  it('round-trips any valid states exactly, and reads them as the same states', () => {
    // Keys of every kind: quotes, backslashes, control characters, astral characters, lone surrogates.
    const key = fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.string({ minLength: 1, unit: 'binary' }));
    const state = fc.oneof(
      fc.record({
        key,
        state: fc.constantFrom('done' as const, 'ignored' as const),
        at: fc.double({ noNaN: true, noDefaultInfinity: true }),
      }),
      fc.record({
        key,
        state: fc.constant('snoozed' as const),
        at: fc.double({ noNaN: true, noDefaultInfinity: true }),
        until: fc.double({ noNaN: true, noDefaultInfinity: true }),
      }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(state, { selector: (s) => s.key, maxLength: 30 }), (states) => {
        // JSON has no -0: a state is compared as JSON writes it (the pair form did the same).
        const written = states.map((s) => JSON.parse(JSON.stringify(s)) as ManualState);
        const text = statesText(written);
        expect(text).toBe(JSON.stringify(written.map(compactEntry)));
        const chunk = decodeChunk(text);
        if (!chunk.ok) throw new Error('a valid chunk did not read');
        expect(encodeChunk(chunk.entries)).toBe(text);
        const read = readChunk(0, text);
        expect(read.skipped).toEqual([]);
        expect(read.items).toEqual(written);
        for (const s of read.items) expect(ManualStateSchema.parse(s)).toEqual(s);
      }),
    );
  });
});

describe('chunks written by earlier releases', () => {
  it('an old chunk reads, exports and lists as before, and the same states imported again change nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const keys = sameChunkKeys(4);
    const states: ManualState[] = [
      done(keys[0]!),
      { key: keys[1]!, state: 'snoozed', at: 6, until: 60 },
      { key: keys[2]!, state: 'ignored', at: 7 },
    ];
    const db = await openRadarDb();
    const id = chunkOf(keys[0]!);
    await db.put('stateChunks', oldText(states), id);
    expect((await listAllStates()).items).toEqual(states);
    expect((await listStates([keys[1]!])).items).toEqual([states[1]]);
    expect((await exportAll()).value.commentStates).toEqual(states);
    // Not settled by its text (the form differs), but read state by state: nothing to write.
    const puts = countPuts();
    for (const mode of ['merge', 'replace'] as const) {
      const again = await importJson(file(states), { mode });
      expect(again.commentStates).toEqual({ added: 0, updated: 0, skipped: 0, unchanged: 3 });
    }
    expect(puts.get('stateChunks') ?? 0).toBe(0);
    vi.restoreAllMocks();
    expect(await db.get('stateChunks', id)).toBe(oldText(states));
    // A state written into it rewrites the chunk compact, and the old states read the same.
    await setState(done(keys[3]!, 9));
    expect(await db.get('stateChunks', id)).toBe(statesText([...states, done(keys[3]!, 9)]));
    expect((await listAllStates()).items).toEqual([...states, done(keys[3]!, 9)]);
  });

  it('a chunk of both forms reads every state; a damaged entry of either form is reported, kept as written', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [a, b, c, d, e, f] = sameChunkKeys(6) as [string, string, string, string, string, string];
    const badPair = [b, { key: b, state: 'maybe', at: 1 }];
    const badCompact = [d, 'later', 2];
    const badTime = [e, 'snoozed', 3, 'tomorrow'];
    const entries = [[a, done(a)], badPair, [c, 'ignored', 4], badCompact, badTime];
    const text = JSON.stringify(entries);
    const db = await openRadarDb();
    const id = chunkOf(a);
    await db.put('stateChunks', text, id);

    const all = await listAllStates();
    expect(all.items).toEqual([done(a), { key: c, state: 'ignored', at: 4 }]);
    expect(all.skipped).toEqual([
      expect.objectContaining({ key: b, issue: expect.objectContaining({ path: ['state'] }) }),
      expect.objectContaining({ key: d, issue: expect.objectContaining({ path: ['state'] }) }),
      expect.objectContaining({ key: e, issue: expect.objectContaining({ path: ['until'] }) }),
    ]);
    expect((await damageReport()).damaged.map((s) => s.key)).toEqual([b, d, e]);
    // Rewritten around them (a neighbour set): each damaged entry stays exactly as it was, the valid pair compact.
    await setState(done(f, 8));
    expect(JSON.parse((await db.get('stateChunks', id)) as string)).toEqual([
      [a, 'done', 5],
      badPair,
      [c, 'ignored', 4],
      badCompact,
      badTime,
      [f, 'done', 8],
    ]);
    // An import over a damaged compact entry copies its list aside first, as it was written.
    await importJson(file([done(d, 9)]), { mode: 'merge' });
    expect((await listStates([d])).items).toEqual([done(d, 9)]);
    expect((await damageReport()).quarantined).toEqual([
      expect.objectContaining({ store: 'commentStates', key: d, value: badCompact }),
    ]);
    expect((await damageReport()).damaged.map((s) => s.key)).toEqual([b, e]);
  });

  it('an entry of another length leaves the chunk unreadable, reported whole as before', () => {
    for (const text of ['[["x:1"]]', '[["x:1","done",1,2,3]]', '[[1,"done",1]]']) {
      expect(decodeChunk(text), text).toMatchObject({ ok: false, raw: text, issue: { code: 'chunk_bad_pair' } });
    }
  });
});
