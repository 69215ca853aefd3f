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
  const summary = emptySummary();
  const withSettings = opts.includeSettings ?? opts.mode === 'replace';
  if (withSettings) {
    // Settings are written before the transaction opens (import-transaction.ts), so the file is parsed first.
    const file = parseExportFile(text);
    return applyAtomically(file.settings, (w) => writeJson(w, startReads(w), file, opts.mode, summary), summary);
  }
  // Nothing to write before it: the transaction opens and its reads go out first, so the browser reads the stored
  // records (about 7 MB for the largest file) while the page parses and checks the file. A refused file writes
  // nothing (the transaction is aborted) and is reported as the file's own problem, as before.
  let refused: { err: unknown } | undefined;
  try {
    return await applyAtomically(
      undefined,
      (w) => {
        const reads = startReads(w);
        let file: ReturnType<typeof parseExportFile>;
        try {
          file = parseExportFile(text);
        } catch (err) {
          refused = { err };
          throw err;
        }
        return writeJson(w, reads, file, opts.mode, summary);
      },
      summary,
    );
  } catch (err) {
    throw refused ? refused.err : err;
  }
}
