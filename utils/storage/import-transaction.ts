// The import's writes, all or nothing (a JSON import and a CSV import alike).
//
// Import is all or nothing. The whole file is read and validated before anything is written; then
//   1. settings (storage.local) are written before anything else commits, when the import carries them, remembering
//      the exact old value;
//   2. templates, comment states and the response log are written in ONE IndexedDB transaction;
//   3. if that transaction fails, the old settings value is put back, so nothing has changed.
// Settings go first because putting back one storage.local value is simple and exact, while undoing a committed
// IndexedDB transaction is not.
import { storage } from 'wxt/utils/storage';
import type { Settings } from '../core/settings';
import { RadarError, toErrorInfo, userTextOf } from './errors';
import { type ImportSummary, importChangedNothing } from './import-summary';
import { type ImportWrites, settle, writeTx } from './import-writes';
import { bumpStatesRevision, bumpTemplatesRevision } from './revisions';
import { sameRecord } from './same-record';
import { readSettings, replaceSettings, SETTINGS_KEY } from './settings';

/**
 * Write the file's settings unless they are the same as the stored ones (a round trip export → import changes
 * nothing). Returns what puts the old value back.
 */
export async function takeSettings(
  settings: Settings | undefined,
  summary: ImportSummary,
): Promise<() => Promise<void>> {
  if (!settings) return async () => undefined;
  const settingsKeys = [SETTINGS_KEY, `${SETTINGS_KEY}$`] as const;
  const before = await storage.getItems([...settingsKeys]);
  const restore = () => storage.setItems(before.map(({ key, value }) => ({ key, value })));
  try {
    if (!sameRecord(await readSettings(), settings)) {
      await replaceSettings(settings);
      summary.settings = 'replaced';
    }
  } catch (err) {
    await restore();
    throw err;
  }
  return restore;
}

/** The error an import that changed nothing reports, naming the reason in the user's words. */
export function importFailed(err: unknown): RadarError {
  const info = toErrorInfo(err);
  return new RadarError(info.code, `Import failed, nothing was changed: ${info.message}`, info.path, {
    key: 'error_import_failed',
    params: { reason: userTextOf(err) },
  });
}

/** Open tabs reload what changed; an import that changed nothing disturbs nobody. */
export async function announceImport(summary: ImportSummary): Promise<void> {
  if (!importChangedNothing(summary)) await Promise.all([bumpTemplatesRevision(), bumpStatesRevision()]);
}

/**
 * Write settings, then run `write` in one transaction; if the transaction fails, put the settings back as they were.
 * Nothing is announced to other tabs until everything has committed.
 */
export async function applyAtomically(
  settings: Settings | undefined,
  write: (w: ImportWrites) => Promise<void>,
  summary: ImportSummary,
): Promise<ImportSummary> {
  let restore: (() => Promise<void>) | undefined;
  try {
    restore = await takeSettings(settings, summary);
    const tx = await writeTx();
    const w: ImportWrites = { tx, pending: [] };
    try {
      await write(w);
      await settle(w);
      await tx.done;
    } catch (thrown) {
      // The failed request's own error says more than the transaction's abort that followed it.
      const err = w.failure ?? thrown;
      // Abort explicitly so a write error caught mid-way cannot let the rest commit.
      try {
        tx.abort();
      } catch {
        // already finished
      }
      await tx.done.catch(() => undefined);
      throw err;
    }
  } catch (err) {
    await restore?.();
    throw importFailed(err);
  }
  await announceImport(summary);
  return summary;
}
