// The options page's JSON import, run by a worker (import-worker-job.ts) so the page stays responsive and the stored
// records are read while the file is checked. The page keeps the part extension APIs do: the settings, written
// while the worker holds its transaction open, put back if it then fails, and the announcement to other tabs.
// Where there are no workers (unit tests in happy-dom) or one cannot start, the page imports by itself, as before.
import { type ErrorInfo, RadarError } from './errors';
import { type ImportOptions, importJson } from './import-export';
import type { ImportSummary } from './import-summary';
import { announceImport, importFailed, takeSettings } from './import-transaction';
import { FirstAnswerSchema, type ImportRequest, LastAnswerSchema, type PageAnswer } from './import-worker-protocol';

/** What the page uses of a Worker. */
export interface ImportWorker {
  postMessage(message: ImportRequest | PageAnswer): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type StartImportWorker = () => ImportWorker;

/** The bundled worker (Vite builds `new Worker(new URL(…))` into a file of the extension: CSP 'self' allows it). */
export const startImportWorker: StartImportWorker = () =>
  new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

const defaultStart = (): StartImportWorker | null => (typeof Worker === 'function' ? startImportWorker : null);

/** The worker's refusal or failure as the page's own error (its locale text crosses as key and params). */
function errorFrom(info: ErrorInfo): RadarError {
  return new RadarError(
    info.code,
    info.message,
    info.path,
    info.key ? { key: info.key, ...(info.params ? { params: info.params } : {}) } : undefined,
  );
}

/** The worker's messages in order; its crash or an unreadable message ends the wait with an error. */
function answers(worker: ImportWorker): () => Promise<unknown> {
  const queued: unknown[] = [];
  let waiting: { resolve: (m: unknown) => void; reject: (e: Error) => void } | null = null;
  let broken: Error | null = null;
  const fail = (err: Error) => {
    broken ??= err;
    waiting?.reject(broken);
    waiting = null;
  };
  worker.onmessage = (event) => {
    if (waiting) {
      waiting.resolve(event.data);
      waiting = null;
    } else queued.push(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    fail(new Error(`the import worker stopped: ${event.message || 'no reason given'}`));
  };
  worker.onmessageerror = () => fail(new Error('the import worker sent a message that could not be read'));
  return () => {
    if (queued.length > 0) return Promise.resolve(queued.shift());
    if (broken) return Promise.reject(broken);
    return new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  };
}

const malformed = () => new Error('the import worker sent a malformed answer');

/** Import a JSON backup: all of it applies, or nothing changes (as importJson, whose checks and errors it keeps). */
export async function importJsonFile(
  text: string,
  opts: ImportOptions,
  start: StartImportWorker | null = defaultStart(),
): Promise<ImportSummary> {
  if (!start) return importJson(text, opts);
  let worker: ImportWorker;
  try {
    worker = start();
  } catch {
    return importJson(text, opts);
  }
  const next = answers(worker);
  let restore: (() => Promise<void>) | undefined;
  /** A refused file is reported as the page reports it (its first problem, nothing written), not as a failure. */
  let refusal: RadarError | undefined;
  try {
    const withSettings = opts.includeSettings ?? opts.mode === 'replace';
    worker.postMessage({ type: 'import', text, mode: opts.mode, withSettings });
    const first = FirstAnswerSchema.safeParse(await next());
    if (!first.success) throw malformed();
    if (first.data.type === 'refused') {
      refusal = errorFrom(first.data.error);
      throw refusal;
    }
    if (first.data.type === 'failed') throw importFailed(errorFrom(first.data.error));
    const { summary, settings } = first.data;
    restore = await takeSettings(settings ?? undefined, summary);
    worker.postMessage({ type: 'commit' });
    const last = LastAnswerSchema.safeParse(await next());
    if (!last.success) throw malformed();
    if (last.data.type === 'failed') throw importFailed(errorFrom(last.data.error));
    worker.terminate();
    await announceImport(summary);
    return summary;
  } catch (err) {
    // Ending the worker ends its transaction unwritten, if it is still open.
    worker.terminate();
    await restore?.();
    if (err === refusal || (err instanceof RadarError && err.text?.key === 'error_import_failed')) throw err;
    throw importFailed(err);
  }
}
