// A JSON backup's writes into the import's transaction (free of extension APIs: settings are the caller's, see
// import-transaction.ts).
import type { ExportFile } from './backup-format';
import { byChunk, importResponseLog, importStates, importTemplates } from './import-apply';
import type { ImportMode, ImportSummary } from './import-summary';
import { type ImportWrites, readExisting, readExistingTemplates } from './import-writes';
import { ResponseLogEntrySchema } from './schemas';
import { readChunkRecords } from './state-chunks';

/** The stored records an import compares the file with, asked for before the file is even parsed. */
export interface StoredReads {
  templates: ReturnType<typeof readExistingTemplates>;
  chunks: ReturnType<typeof readChunkRecords>;
}

/**
 * Every read goes out before the first write: a transaction's requests run in order, so the browser reads the stored
 * states (about 10 MB for the largest file) while the file is parsed and checked, its states sorted into chunks and
 * the templates worked out, and it writes the templates while the chunks are compared.
 */
export function startReads(w: ImportWrites): StoredReads {
  const reads = {
    templates: readExistingTemplates(w),
    chunks: readChunkRecords(w.tx.objectStore('stateChunks')),
  };
  // A failed read is reported where it is awaited (or by the transaction's abort), never as unhandled.
  reads.templates.catch(() => undefined);
  reads.chunks.catch(() => undefined);
  return reads;
}

/** Queue every write of a checked file (import-apply.ts says what each store does in either mode). */
export async function writeJson(
  w: ImportWrites,
  reads: StoredReads,
  file: ExportFile,
  mode: ImportMode,
  summary: ImportSummary,
): Promise<void> {
  // The log is read only when the file has one; still before any write.
  const logRead = file.responseLog ? readExisting(w, 'responseLog', ResponseLogEntrySchema) : undefined;
  logRead?.catch(() => undefined);
  const fileChunks = byChunk(file.commentStates);
  await importTemplates(w, await reads.templates, file.templates, mode, summary);
  await importStates(w, await reads.chunks, fileChunks, mode, summary);
  if (file.responseLog && logRead) await importResponseLog(w, await logRead, file.responseLog, mode, summary);
}
