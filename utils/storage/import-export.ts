// Backups the user owns: everything as one JSON file, or the templates alone as CSV. This is their public entry: the
// JSON import is put together here, from the file's checks (import-file.ts), each store's import (import-apply.ts,
// import-json.ts) and the all-or-nothing write (import-transaction.ts, which says in what order and why).
import { parseExportFile } from './import-file';
import { startReads, writeJson } from './import-json';
import { emptySummary, type ImportMode, type ImportSummary } from './import-summary';
import { applyAtomically } from './import-transaction';

export { EXPORT_FORMAT, type ExportFile, ExportFileSchema, FORMAT_VERSION } from './backup-format';
export { type ExportResult, exportAll, exportJson, exportTemplatesCsv } from './export-backup';
export { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, parseExportFile, readImportFile } from './import-file';
export { type ImportDuplicate, type ImportMode, type ImportSummary, importChangedNothing } from './import-summary';
export { importTemplatesCsv } from './import-templates-csv';
export { sameRecord } from './same-record';

export interface ImportOptions {
  mode: ImportMode;
  /** Also take the file's settings; by default only a replace import does. */
  includeSettings?: boolean;
}

/** Import a JSON backup. Validates the whole file first; either everything applies or nothing changes. */
export async function importJson(text: string, opts: ImportOptions): Promise<ImportSummary> {
  const file = parseExportFile(text);
  const summary = emptySummary();
  const withSettings = opts.includeSettings ?? opts.mode === 'replace';
  return applyAtomically(
    withSettings ? file.settings : undefined,
    (w) => writeJson(w, startReads(w), file, opts.mode, summary),
    summary,
  );
}
