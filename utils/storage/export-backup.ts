// Backups out: everything as one JSON file, or the live templates as CSV. Damaged records are reported, not exported.
import { EXPORT_FORMAT, type ExportFile, FORMAT_VERSION } from './backup-format';
import { templatesToCsv } from './csv';
import { openRadarDb, readValid, type SkippedRecord } from './db';
import { ResponseLogEntrySchema } from './response-log';
import { readSettings } from './settings';
import { readAllStates } from './state-chunks';
import { readTemplates } from './template-store';

export interface ExportResult<T> {
  value: T;
  /** Damaged records that could not be exported (they stay in the database). */
  skipped: SkippedRecord[];
}

export async function exportAll(opts: { includeResponseLog?: boolean } = {}): Promise<ExportResult<ExportFile>> {
  const db = await openRadarDb();
  const tx = db.transaction(['templateChunks', 'stateChunks', 'responseLog']);
  const templates = await readTemplates(tx.objectStore('templateChunks'));
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
  const { items, skipped } = await readTemplates(db.transaction('templateChunks').store);
  const live = items.filter((t) => t.deletedAt === undefined).sort((a, b) => a.order - b.order);
  return { value: templatesToCsv(live), skipped };
}
