// What the deferred overlay code (entrypoints/overlay-actions.ts) takes from the content script that loads it instead
// of bundling its own copy: the one i18n catalog (module state filled at start). Preact it brings itself: the
// content scripts carry no Preact runtime (issue #10; badges are drawn by components/overlay/badge-dom.ts, and the
// queue panel by this deferred code itself, ./panel-view.ts, through components/overlay/dom-patch.ts).
// Plain data, read by the build (wxt.config.ts) and by the content script; no imports.

/** The isolated-world global the content script fills with the modules below before loading the deferred code. */
export const SHARED_GLOBAL = '__replyRadarShared';
/** The isolated-world global the deferred code leaves its actions in. */
export const ACTIONS_GLOBAL = '__replyRadarActions';
/** The deferred code's file in the built extension (not web-accessible: only the background injects it). */
export const ACTIONS_FILE = '/overlay-actions.js';

/**
 * Each shared module: how the deferred build names it (a bare import, or the end of a project file's path), and the
 * exports it may use. The build fails when the deferred code imports a name missing here.
 */
export const SHARED_MODULES = {
  i18n: { id: '/utils/i18n/index.ts', names: ['currentLocale', 'hasMessage', 't', 'tn'] },
} as const;

export type SharedModules = {
  [K in keyof typeof SHARED_MODULES]: Record<(typeof SHARED_MODULES)[K]['names'][number], unknown>;
};
