// Backups the user owns: everything as one JSON file, or the templates alone as CSV. This is their public entry: the
// JSON import is put together here, from the file's checks (import-file.ts), each store's import (import-apply.ts)
// and the all-or-nothing write (import-transaction.ts, which says in what order and why).
import { TemplateSchema } from '../core/template';
import { byChunk, importResponseLog, importStates, importTemplates } from './import-apply';
import { parseExportFile } from './import-file';
import { emptySummary, type ImportMode, type ImportSummary } from './import-summary';
import { applyAtomically, readExisting } from './import-transaction';
import { ResponseLogEntrySchema } from './response-log';
import { readChunkRecords } from './state-chunks';

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
    async (w) => {
      // Every read goes out before the first write: a transaction's requests run in order, so the browser reads the
      // stored states (about 10 MB for the largest file) while this page sorts the file's states into chunks and
      // works out the templates, and it writes the templates while this page compares the chunks. Reading the
      // states after the template writes kept each side waiting for the other.
      const templatesRead = readExisting(w, 'templates', TemplateSchema);
      const chunksRead = readChunkRecords(w.tx.objectStore('stateChunks'));
      const logRead = file.responseLog ? readExisting(w, 'responseLog', ResponseLogEntrySchema) : undefined;
      // A failed read is reported where it is awaited (or by the transaction's abort), never as unhandled.
      for (const read of [templatesRead, chunksRead, logRead]) read?.catch(() => undefined);
      const fileChunks = byChunk(file.commentStates);
      await importTemplates(w, await templatesRead, file.templates, opts.mode, summary);
      await importStates(w, await chunksRead, fileChunks, opts.mode, summary);
      if (file.responseLog && logRead) await importResponseLog(w, await logRead, file.responseLog, opts.mode, summary);
    },
    summary,
  );
}
