// Revisions in storage.local tell every open tab that something in IndexedDB changed, without a reload: content
// scripts cannot open the database, but they can watch storage.local. A revision is a fresh random string, so two
// writers bumping at the same moment still produce a change each listener sees.
import { storage } from 'wxt/utils/storage';
import { STATES_REVISION_LOCAL_KEY, TEMPLATES_REVISION_LOCAL_KEY } from './local-keys';

export const TEMPLATES_REVISION_KEY = `local:${TEMPLATES_REVISION_LOCAL_KEY}` as const;
export const STATES_REVISION_KEY = `local:${STATES_REVISION_LOCAL_KEY}` as const;
type RevisionKey = typeof TEMPLATES_REVISION_KEY | typeof STATES_REVISION_KEY;

function newRevision(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID()}`;
}

/** Called after a write has committed; a failure here must not turn a saved change into a reported error. */
async function bump(key: RevisionKey): Promise<void> {
  try {
    await storage.setItem(key, newRevision());
  } catch (err) {
    console.error('[reply-radar] could not announce a change', key, err);
  }
}

function watch(key: RevisionKey, cb: (revision: string) => void): () => void {
  return storage.watch<string>(key, (value) => {
    if (typeof value === 'string') cb(value);
  });
}

export const bumpTemplatesRevision = (): Promise<void> => bump(TEMPLATES_REVISION_KEY);
export const bumpStatesRevision = (): Promise<void> => bump(STATES_REVISION_KEY);

/** Call `cb` whenever templates were written anywhere (another tab, the options page, an import). */
export const watchTemplatesRevision = (cb: (revision: string) => void): (() => void) =>
  watch(TEMPLATES_REVISION_KEY, cb);
/** Call `cb` whenever manual comment states were written anywhere. */
export const watchStatesRevision = (cb: (revision: string) => void): (() => void) => watch(STATES_REVISION_KEY, cb);
