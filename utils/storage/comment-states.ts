// Manual states (done, snoozed, ignored) the user set on comments, keyed `platform:id`. Written by the background on
// behalf of content scripts, and by the options page on import. Stored in chunks (state-chunks.ts): reading or
// writing one state reads or rewrites its chunk only.
import { type ManualState, ManualStateSchema } from '../core/model';
import { type ListResult, openRadarDb, quarantine, type SkippedRecord } from './db';
import { parseOrThrow } from './errors';
import { bumpStatesRevision } from './revisions';
import {
  chunkLabel,
  chunkOf,
  decodeChunk,
  encodeChunk,
  readAllStates,
  STATES_STORE,
  validateState,
  writtenValue,
} from './state-chunks';

export { watchStatesRevision } from './revisions';

/** The states stored for these comment keys; keys without a state are simply absent from `items`. */
export async function listStates(keys: readonly string[]): Promise<ListResult<ManualState>> {
  const db = await openRadarDb();
  const tx = db.transaction('stateChunks');
  const byChunk = new Map<number, string[]>();
  for (const key of new Set(keys)) {
    const id = chunkOf(key);
    const list = byChunk.get(id);
    if (list) list.push(key);
    else byChunk.set(id, [key]);
  }
  const ids = [...byChunk.keys()];
  const values = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  const items: ManualState[] = [];
  const skipped: SkippedRecord[] = [];
  ids.forEach((id, i) => {
    const chunk = decodeChunk(values[i]);
    if (!chunk.ok) {
      skipped.push({ store: STATES_STORE, key: chunkLabel(id), problem: chunk.problem });
      return;
    }
    for (const key of byChunk.get(id) ?? []) {
      const value = chunk.entries.get(key);
      if (value === undefined) continue;
      const read = validateState(key, value);
      if (read.ok) items.push(read.value);
      else skipped.push(read.skipped);
    }
  });
  if (skipped.length > 0) console.warn('[reply-radar] skipped invalid records', skipped);
  return { items, skipped };
}

export async function listAllStates(): Promise<ListResult<ManualState>> {
  const db = await openRadarDb();
  const { items, skipped } = await readAllStates(db.transaction('stateChunks').store);
  return { items, skipped };
}

export async function setState(state: ManualState): Promise<ManualState> {
  const valid = parseOrThrow(ManualStateSchema, state);
  const db = await openRadarDb();
  // One readwrite transaction: two writers to the same chunk take turns, neither loses the other's state.
  const tx = db.transaction(['stateChunks', 'quarantine'], 'readwrite');
  const store = tx.objectStore('stateChunks');
  const id = chunkOf(valid.key);
  const chunk = decodeChunk(await store.get(id));
  let entries: Map<string, unknown>;
  if (chunk.ok) {
    entries = chunk.entries;
    const old = entries.get(valid.key);
    if (old !== undefined) {
      const read = validateState(valid.key, old);
      if (!read.ok) await quarantine(tx, { ...read.skipped, value: writtenValue(old) });
    }
  } else {
    // An unreadable chunk is kept aside whole, then started afresh: nothing in it is lost without a report.
    await quarantine(tx, { store: STATES_STORE, key: chunkLabel(id), problem: chunk.problem, value: chunk.raw });
    entries = new Map();
  }
  entries.set(valid.key, valid);
  await store.put(encodeChunk(entries), id);
  await tx.done;
  await bumpStatesRevision();
  return valid;
}

/** Forget the manual state of these comments (the unanswered rule decides again). Returns how many existed. */
export async function clearStates(keys: readonly string[]): Promise<number> {
  const db = await openRadarDb();
  const tx = db.transaction('stateChunks', 'readwrite');
  const byChunk = new Map<number, string[]>();
  for (const key of new Set(keys)) {
    const id = chunkOf(key);
    byChunk.set(id, [...(byChunk.get(id) ?? []), key]);
  }
  let cleared = 0;
  for (const [id, wanted] of byChunk) {
    const chunk = decodeChunk(await tx.store.get(id));
    if (!chunk.ok) continue;
    let changed = false;
    for (const key of wanted) {
      // A damaged record is not "cleared" by accident: only valid states are removed.
      const value = chunk.entries.get(key);
      if (value !== undefined && validateState(key, value).ok) {
        chunk.entries.delete(key);
        changed = true;
        cleared++;
      }
    }
    if (!changed) continue;
    if (chunk.entries.size === 0) await tx.store.delete(id);
    else await tx.store.put(encodeChunk(chunk.entries), id);
  }
  await tx.done;
  if (cleared > 0) await bumpStatesRevision();
  return cleared;
}
