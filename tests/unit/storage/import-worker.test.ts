// The options page's JSON import through its worker: the same outcome and errors as the page's own import, the
// database and settings unchanged whenever the worker refuses, fails, dies or answers something else, and its
// transaction held open (never committed early) until the page has written the settings.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { setState } from '../../../utils/storage/comment-states';
import { RadarError, STORAGE_FULL_MESSAGE, toErrorInfo } from '../../../utils/storage/errors';
import { exportAll, importJson } from '../../../utils/storage/import-export';
import {
  type ImportWorker,
  importJsonFile,
  type StartImportWorker,
  startImportWorker,
} from '../../../utils/storage/import-worker-client';
import { inbox, runImportJob } from '../../../utils/storage/import-worker-job';
import type { WorkerAnswer } from '../../../utils/storage/import-worker-protocol';
import { watchTemplatesRevision } from '../../../utils/storage/revisions';
import { readSettings, writeSettings } from '../../../utils/storage/settings';
import { createTemplate, seedStarterTemplates } from '../../../utils/storage/templates';
import { draft, dumpEverything } from './helpers';

const T0 = 1_700_000_000_000;

function fileText(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'reply-radar',
    formatVersion: 2,
    exportedAt: '2024-05-01T10:00:00.000Z',
    templates: [
      { id: 'f1', title: 'File 1', body: 'Body 1', language: 'en', tags: [], order: 0, createdAt: T0, updatedAt: T0 },
      { id: 'f2', title: 'File 2', body: 'Body 2', language: 'en', tags: [], order: 1, createdAt: T0, updatedAt: T0 },
    ].map((t) => ({ ...t, useCount: 0 })),
    settings: { ...DEFAULT_SETTINGS, agentName: 'From file' },
    commentStates: Array.from({ length: 600 }, (_, i) => ({ key: `x:${i}`, state: 'done', at: T0 + i })),
    ...extra,
  });
}

async function setUp(): Promise<void> {
  await seedStarterTemplates({ starters: [] });
  await createTemplate(draft({ title: 'Mine', shortcut: 'a' }));
  await setState({ key: 'x:1', state: 'ignored', at: T0 });
  await writeSettings({ agentName: 'Me' });
}

interface FakeOptions {
  /** Changes what the worker says, by its answer's place (0: first, 1: last). */
  tamper?: (answer: WorkerAnswer, index: number) => unknown;
  /** Dies (an error event) instead of giving its first answer. */
  dieEarly?: boolean;
  /** Dies when the page says commit (after the page wrote the settings), before the commit reaches the job. */
  dieOnCommit?: boolean;
  /** The page's answers reach the worker this much later (ms): the page taking its time with the settings. */
  delay?: number;
}

/**
 * The worker's job run in this thread, messages copied and delivered later as a worker's are. Terminating it ends
 * its job as a worker's end does: the open transaction goes unwritten.
 */
function fakeWorker(opts: FakeOptions = {}): { start: StartImportWorker; jobs: Promise<void>[] } {
  const jobs: Promise<void>[] = [];
  const start: StartImportWorker = () => {
    const box = inbox();
    let started = false;
    let dead = false;
    let answered = 0;
    const worker: ImportWorker = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage(message) {
        const data = structuredClone(message);
        if (started) {
          if (opts.dieOnCommit && !dead) {
            worker.terminate();
            setTimeout(() => worker.onerror?.(new ErrorEvent('error', { message: 'out of memory' })));
            return;
          }
          setTimeout(() => box.push(data), opts.delay ?? 0);
          return;
        }
        started = true;
        const post = (answer: WorkerAnswer) => {
          const index = answered++;
          setTimeout(() => {
            if (dead) return;
            if (index === 0 && opts.dieEarly) {
              worker.onerror?.(new ErrorEvent('error', { message: 'out of memory' }));
              return;
            }
            const sent = opts.tamper ? opts.tamper(answer, index) : answer;
            worker.onmessage?.(new MessageEvent('message', { data: structuredClone(sent) }));
          });
        };
        jobs.push(runImportJob(data, { post, next: () => box.next() }));
      },
      terminate() {
        if (dead) return;
        dead = true;
        box.push({ type: 'terminated' });
      },
    };
    return worker;
  };
  return { start, jobs };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('JSON import through the worker', () => {
  it('imports as the page does, in both modes, and announces the change once it is written', async () => {
    await setUp();
    const revisions = vi.fn();
    const unwatch = watchTemplatesRevision(revisions);
    const { start } = fakeWorker();
    const merged = await importJsonFile(fileText(), { mode: 'merge' }, start);
    expect(merged.added).toBe(2);
    expect(merged.commentStates).toEqual({ added: 599, updated: 1, skipped: 0, unchanged: 0 });
    expect(merged.settings).toBe('unchanged');
    expect((await readSettings()).agentName).toBe('Me');
    await vi.waitFor(() => expect(revisions).toHaveBeenCalled());
    const replaced = await importJsonFile(fileText(), { mode: 'replace' }, start);
    expect(replaced.settings).toBe('replaced');
    expect(replaced.removed).toBe(1);
    expect(replaced.commentStates.unchanged).toBe(600);
    expect((await readSettings()).agentName).toBe('From file');
    unwatch();
    // The same database as the page's own import of the same file makes.
    const { exportedAt: _, ...viaWorker } = (await exportAll()).value;
    await importJson(fileText(), { mode: 'replace' });
    expect((await exportAll()).value).toEqual({ ...viaWorker, exportedAt: expect.any(String) });
  });

  it('a refused file names its problem as the page does and changes nothing', async () => {
    await setUp();
    const before = await dumpEverything();
    const bad = fileText({ commentStates: [{ key: 'x:1', state: 'maybe', at: 1 }] });
    const viaPage = await importJson(bad, { mode: 'replace' }).catch((e) => e);
    const viaWorker = await importJsonFile(bad, { mode: 'replace' }, fakeWorker().start).catch((e) => e);
    expect(viaWorker).toBeInstanceOf(RadarError);
    expect(toErrorInfo(viaWorker)).toEqual(toErrorInfo(viaPage));
    expect(toErrorInfo(viaWorker).key).not.toBe('error_import_failed');
    expect(await dumpEverything()).toEqual(before);
  });

  it('a write failing in the worker puts the settings back and says why, as the page does', async () => {
    await setUp();
    const before = await dumpEverything();
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'stateChunks' && ++calls === 3) throw new DOMException('Disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const err = await importJsonFile(fileText(), { mode: 'replace' }, fakeWorker().start).catch((e) => e);
    vi.restoreAllMocks();
    expect(err).toBeInstanceOf(RadarError);
    expect(err.message).toBe(`Import failed, nothing was changed: ${STORAGE_FULL_MESSAGE}`);
    expect(toErrorInfo(err).params?.reason).toEqual({ key: 'error_storage_full' });
    expect(await dumpEverything()).toEqual(before);
  });

  it.each([
    ['dies before it is ready', { dieEarly: true }],
    ['dies after the settings were written', { dieOnCommit: true }],
    ['answers a malformed summary', { tamper: (a: WorkerAnswer) => ({ ...a, summary: { added: 'all' } }) }],
    ['answers something else', { tamper: (a: WorkerAnswer, i: number) => (i === 0 ? { type: 'done' } : a) }],
    ['answers garbage at the end', { tamper: (a: WorkerAnswer, i: number) => (i === 1 ? 42 : a) }],
  ])('a worker that %s leaves the database and settings as they were, with a clear error', async (_, opts) => {
    await setUp();
    const before = await dumpEverything();
    const { start, jobs } = fakeWorker(opts as FakeOptions);
    const err = await importJsonFile(fileText(), { mode: 'replace' }, start).catch((e) => e);
    await Promise.all(jobs);
    expect(err).toBeInstanceOf(RadarError);
    const info = toErrorInfo(err);
    expect(info.key).toBe('error_import_failed');
    expect(info.message).toMatch(/^Import failed, nothing was changed: the import worker (stopped|sent)/);
    expect(info.params?.reason).toMatchObject({ key: 'error_unexpected' });
    // Garbage at the end arrives after the commit (the only case the page cannot undo): the settings are still put
    // back, and the error says so; every earlier failure leaves the database itself as it was.
    if ((opts as FakeOptions).tamper?.({ type: 'committed' }, 1) === 42) {
      expect((await readSettings()).agentName).toBe('Me');
      return;
    }
    expect(await dumpEverything()).toEqual(before);
  });

  it('holds its transaction open while the page writes the settings: nothing is written before the page commits', async () => {
    await setUp();
    const before = await dumpEverything();
    // The page answers "abort" late; had the transaction committed on its own meanwhile, the writes would be kept.
    const { start, jobs } = fakeWorker({ delay: 50 });
    const worker = start();
    const answers: unknown[] = [];
    worker.onmessage = (event) => {
      answers.push(event.data);
      worker.postMessage({ type: 'abort' });
    };
    worker.postMessage({ type: 'import', text: fileText(), mode: 'replace', withSettings: true });
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    await jobs[0];
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[0]).toMatchObject({ type: 'ready', settings: { agentName: 'From file' } });
    expect(answers[1]).toMatchObject({ type: 'failed' });
    expect(await dumpEverything()).toEqual(before);
    // The same, answered "commit" as late: everything is written.
    const done = await importJsonFile(fileText(), { mode: 'replace' }, fakeWorker({ delay: 50 }).start);
    expect(done.added).toBe(2);
    expect((await exportAll()).value.commentStates).toHaveLength(600);
  });

  it('refuses a malformed request without touching the database', async () => {
    const posted: WorkerAnswer[] = [];
    await runImportJob({ type: 'import', text: 5 }, { post: (a) => posted.push(a), next: () => new Promise(() => {}) });
    expect(posted).toEqual([{ type: 'failed', error: expect.objectContaining({ code: 'internal' }) }]);
  });

  it('without workers (or when one cannot start) the page imports by itself', async () => {
    await setUp();
    expect((await importJsonFile(fileText(), { mode: 'merge' }, null)).added).toBe(2);
    const refused = () => {
      throw new Error('no workers here');
    };
    expect((await importJsonFile(fileText(), { mode: 'merge' }, refused)).unchanged).toBe(2);
  });

  it('starts the bundled worker as a module worker', () => {
    const made: unknown[][] = [];
    vi.stubGlobal(
      'Worker',
      class {
        constructor(...args: unknown[]) {
          made.push(args);
        }
      },
    );
    startImportWorker();
    vi.unstubAllGlobals();
    expect(String(made[0]?.[0])).toMatch(/\/utils\/storage\/import\.worker\.ts\b/);
    expect(made[0]?.[1]).toEqual({ type: 'module' });
  });
});
