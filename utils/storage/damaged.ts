// Records Reply Radar cannot read: kept where they are (never deleted, skipped on every read) or, once something had
// to take their key, in the quarantine store. The options page lists both so nothing is lost without the user seeing.
import { listQuarantine, openRadarDb, type Quarantined, readValid, type SkippedRecord } from './db';
import { ResponseLogEntrySchema } from './schemas';
import { readAllStates } from './state-chunks';
import { readTemplates } from './template-store';

export interface DamageReport {
  /** Unreadable records still in their store, by store and key. */
  damaged: SkippedRecord[];
  /** Copies of unreadable records set aside before an import wrote over their key. */
  quarantined: Quarantined[];
}

/** Every unreadable record of the database, read in one transaction so the report is consistent. */
export async function damageReport(): Promise<DamageReport> {
  const db = await openRadarDb();
  const tx = db.transaction(['templateChunks', 'stateChunks', 'responseLog']);
  const reads = await Promise.all([
    readTemplates(tx.objectStore('templateChunks')),
    readAllStates(tx.objectStore('stateChunks')),
    readValid(tx.objectStore('responseLog'), ResponseLogEntrySchema),
  ]);
  await tx.done;
  return { damaged: reads.flatMap((r) => r.skipped), quarantined: await listQuarantine() };
}
