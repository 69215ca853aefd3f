// What the deferred overlay code (entrypoints/overlay-actions.ts) takes from the content script that loads it instead
// of bundling its own copy: one Preact (two would not share rendering; the deferred code needs render, its options for
// the hooks it brings, and JSX) and one i18n catalog (module state filled at start). Plain data, read by the build
// (wxt.config.ts) and by the content script; no imports.

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
  // `options`: the deferred code bundles preact/hooks itself (the content script has no hooks: issue #10), and hooks
  // plug into the one Preact through its options.
  preact: { id: 'preact', names: ['options', 'render'] },
  jsx: { id: 'preact/jsx-runtime', names: ['jsx', 'jsxs'] },
  i18n: { id: '/utils/i18n/index.ts', names: ['currentLocale', 'hasMessage', 't', 'tn'] },
} as const;

export type SharedModules = {
  [K in keyof typeof SHARED_MODULES]: Record<(typeof SHARED_MODULES)[K]['names'][number], unknown>;
};
