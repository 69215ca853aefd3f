// The import worker's one job: a JSON backup checked and written in one transaction off the options page's main
// thread (parsing and checking 10 MB, sorting 140,000 states into chunks and comparing them no longer hold up the
// page). Settings stay the page's (extension APIs are not in workers): the transaction is held open, every write
// queued, until the page has written them and says commit; anything else lets the transaction go, unwritten.
import { unwrap } from 'idb';
import type { ExportFile } from './backup-format';
import { toErrorInfo } from './errors';
import { parseExportFile } from './import-file';
import { startReads, writeJson } from './import-json';
import { emptySummary } from './import-summary';
import { ImportRequestSchema, PageAnswerSchema, type WorkerAnswer } from './import-worker-protocol';
import { type ImportWrites, settle, writeTx } from './import-writes';

export interface JobPort {
  post(answer: WorkerAnswer): void;
  /** The page's next message. */
  next(): Promise<unknown>;
}

function abort(w: ImportWrites): void {
  try {
    w.tx.abort();
  } catch {
    // already finished
  }
}

/**
 * Keep the transaction open while the page writes the settings: a transaction commits as soon as it has no request
 * left, so one cheap read follows another (they queue behind the import's writes, so they only run once those are
 * done). Returns what lets it commit.
 */
export function holdOpen(w: ImportWrites): () => void {
  let held = true;
  const store = unwrap(w.tx.objectStore('quarantine'));
  const spin = () => {
    if (!held) return;
    try {
      store.get(-1).onsuccess = spin;
    } catch {
      // The transaction has ended (a write failed): its end says why.
    }
  };
  spin();
  return () => {
    held = false;
  };
}

export async function runImportJob(request: unknown, port: JobPort): Promise<void> {
  const asked = ImportRequestSchema.safeParse(request);
  if (!asked.success) {
    port.post({ type: 'failed', error: toErrorInfo(new Error('the import worker got a malformed request')) });
    return;
  }
  const { text, mode, withSettings } = asked.data;
  let w: ImportWrites | undefined;
  try {
    w = { tx: await writeTx(), pending: [] };
    // The stored records are read while the file is parsed and checked (the transaction is still this task's).
    const reads = startReads(w);
    let file: ExportFile;
    try {
      file = parseExportFile(text);
    } catch (err) {
      abort(w);
      await w.tx.done.catch(() => undefined);
      port.post({ type: 'refused', error: toErrorInfo(err) });
      return;
    }
    const summary = emptySummary();
    await writeJson(w, reads, file, mode, summary);
    await settle(w);
    const release = holdOpen(w);
    port.post({ type: 'ready', summary, settings: withSettings ? file.settings : null });
    const answer = PageAnswerSchema.safeParse(await port.next());
    release();
    if (!answer.success || answer.data.type !== 'commit') {
      abort(w);
      await w.tx.done.catch(() => undefined);
      port.post({ type: 'failed', error: toErrorInfo(new Error('the options page did not confirm the import')) });
      return;
    }
    await w.tx.done;
    port.post({ type: 'committed' });
  } catch (thrown) {
    // The failed request's own error says more than the transaction's abort that followed it.
    const err = w?.failure ?? thrown;
    if (w) {
      abort(w);
      await w.tx.done.catch(() => undefined);
    }
    port.post({ type: 'failed', error: toErrorInfo(err) });
  }
}

/** A job's messages from the page, in order, whether they come before or after the job asks for one. */
export function inbox(): { push(message: unknown): void; next(): Promise<unknown> } {
  const queued: unknown[] = [];
  let waiting: ((message: unknown) => void) | null = null;
  return {
    push(message) {
      if (waiting) {
        const deliver = waiting;
        waiting = null;
        deliver(message);
      } else queued.push(message);
    },
    next() {
      if (queued.length > 0) return Promise.resolve(queued.shift());
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
  };
}
