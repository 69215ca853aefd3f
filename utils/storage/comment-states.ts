// Manual states (done, snoozed, ignored) the user set on comments, keyed `platform:id`. Written by the background on
// behalf of content scripts, and by the options page on import.
import { type ManualState, ManualStateSchema } from '../core/model';
import { type ListResult, openRadarDb, readValid, type SkippedRecord, validateRead } from './db';
import { parseOrThrow } from './errors';
import { bumpStatesRevision } from './revisions';

export { watchStatesRevision } from './revisions';

/** The states stored for these comment keys; keys without a state are simply absent from `items`. */
export async function listStates(keys: readonly string[]): Promise<ListResult<ManualState>> {
  const db = await openRadarDb();
  const tx = db.transaction('commentStates');
  const wanted = [...new Set(keys)];
  const values = await Promise.all(wanted.map((k) => tx.store.get(k)));
  const items: ManualState[] = [];
  const skipped: SkippedRecord[] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const read = validateRead('commentStates', wanted[i] ?? '', value, ManualStateSchema);
    if (read.ok) items.push(read.value);
    else skipped.push(read.skipped);
  });
  await tx.done;
  return { items, skipped };
}

export async function listAllStates(): Promise<ListResult<ManualState>> {
  const db = await openRadarDb();
  const { items, skipped } = await readValid(db.transaction('commentStates').store, ManualStateSchema);
  return { items, skipped };
}

export async function setState(state: ManualState): Promise<ManualState> {
  const valid = parseOrThrow(ManualStateSchema, state);
  const db = await openRadarDb();
  await db.put('commentStates', valid);
  await bumpStatesRevision();
  return valid;
}

/** Forget the manual state of these comments (the unanswered rule decides again). Returns how many existed. */
export async function clearStates(keys: readonly string[]): Promise<number> {
  const db = await openRadarDb();
  const tx = db.transaction('commentStates', 'readwrite');
  let cleared = 0;
  for (const key of new Set(keys)) {
    // A damaged record is not "cleared" by accident: only valid states are removed.
    const value = await tx.store.get(key);
    if (value !== undefined && ManualStateSchema.safeParse(value).success) {
      await tx.store.delete(key);
      cleared++;
    }
  }
  await tx.done;
  if (cleared > 0) await bumpStatesRevision();
  return cleared;
}
