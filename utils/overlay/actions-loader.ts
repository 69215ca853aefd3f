// Loads the overlay's deferred code (./actions) once, on first use: the content script shares its i18n catalog in
// an isolated-world global (the deferred code brings its own Preact), asks the background to inject the file into
// this frame (scripting.executeScript, the same isolated world in Chrome and Firefox), and takes the actions the file left in another global. Nothing of it
// is reachable by the page: isolated-world globals are invisible to page scripts, the file is not web-accessible,
// and only this extension's content scripts may ask the background for it.
import { currentLocale, hasMessage, t, tn } from '../i18n';
import { call } from '../messaging/content-client';
import type { OverlayActions } from './actions';
import { ACTIONS_GLOBAL, SHARED_GLOBAL, type SharedModules } from './actions/shared';

const shared: SharedModules = {
  i18n: { currentLocale, hasMessage, t, tn },
};

let loaded: OverlayActions | null = null;
let loading: Promise<OverlayActions> | null = null;

/** The deferred actions when they are in already (after a first `loadActions`), else null. */
export function loadedActions(): OverlayActions | null {
  return loaded;
}

/** The deferred actions, injected on the first call (a failed attempt is tried again at the next call). */
export function loadActions(): Promise<OverlayActions> {
  loading ??= (async () => {
    const scope = globalThis as Record<string, unknown>;
    scope[SHARED_GLOBAL] = shared;
    await call('overlay.loadActions', {});
    const actions = scope[ACTIONS_GLOBAL] as OverlayActions | undefined;
    if (!actions) throw new Error('Reply Radar: the overlay actions did not load');
    loaded = actions;
    return actions;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
