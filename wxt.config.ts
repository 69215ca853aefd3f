import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { SHARED_GLOBAL, SHARED_MODULES } from './utils/overlay/actions/shared';

// The three sites Reply Radar overlays. Host access is limited to these; nothing else is requested.
export const SITE_HOSTS = [
  'https://x.com/*',
  'https://twitter.com/*',
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://www.instagram.com/*',
];

const NATIVE_BROWSER = '\0rr-native-browser';
// From the file's own path as a string: under happy-dom (unit tests import SITE_HOSTS) `URL` is happy-dom's class,
// which node's fileURLToPath refuses.
const SLIM_CONTEXT = join(dirname(fileURLToPath(import.meta.url)), 'utils/overlay/script-context.ts');
const SLIM_JSX = join(dirname(fileURLToPath(import.meta.url)), 'components/overlay/jsx-runtime.ts');

/**
 * Content scripts use the browser's own extension object instead of webextension-polyfill (issue #10: each content
 * script under 30 KB gzip). What they call is the same in Chrome and Firefox without it: runtime.id and getURL,
 * i18n, storage.onChanged, and messages through @webext-core/messaging (which calls chrome.* with callbacks itself).
 * The background and the extension's pages keep the polyfill. They also get a slim ContentScriptContext
 * (utils/overlay/script-context.ts: the one method the overlay uses, WXT's handshake between old and new copies)
 * instead of WXT's class. The sites' content scripts (not the deferred code, which renders with Preact) get a JSX
 * runtime that makes plain objects (components/overlay/jsx-runtime.ts): Preact's would bring all of Preact, and
 * they draw their badges without it (the queue panel's drawing is deferred code). WXT builds each content script on
 * its own, so the build's input says which kind it is.
 */
function contentScriptsWithoutPolyfill(): Plugin {
  let contentScript = false;
  let withoutPreact = false;
  return {
    name: 'reply-radar:content-scripts-without-polyfill',
    enforce: 'pre',
    buildStart(options) {
      const input = options.input;
      const files = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      contentScript =
        files.length > 0 && files.every((file) => /(?:\.content(?:[/\\]index)?|overlay-actions)\.[jt]sx?$/.test(file));
      withoutPreact = contentScript && files.every((file) => /\.content(?:[/\\]index)?\.[jt]sx?$/.test(file));
    },
    resolveId(id) {
      if (!contentScript) return null;
      if (id === 'webextension-polyfill') return NATIVE_BROWSER;
      // WXT's ContentScriptContext, its location watcher and logger: the overlay needs only onInvalidated.
      if (id === 'wxt/utils/content-script-context') return SLIM_CONTEXT;
      if (withoutPreact && (id === 'preact/jsx-runtime' || id === 'preact/jsx-dev-runtime')) return SLIM_JSX;
      return null;
    },
    load(id) {
      return id === NATIVE_BROWSER ? 'export default globalThis.browser ?? globalThis.chrome;' : null;
    },
  };
}

type SharedKey = keyof typeof SHARED_MODULES;

/** Which shared module (utils/overlay/actions/shared.ts) an import names, if any. */
function sharedKeyOf(id: string): SharedKey | null {
  const path = id.replace(/\\/g, '/');
  for (const [key, shared] of Object.entries(SHARED_MODULES) as [SharedKey, (typeof SHARED_MODULES)[SharedKey]][]) {
    if (shared.id.startsWith('/') ? path.endsWith(shared.id) : path === shared.id) return key;
  }
  return null;
}

const SHARED_PREFIX = '\0rr-shared:';

/**
 * The overlay's deferred code (entrypoints/overlay-actions.ts) takes i18n from the content script that loads it (one
 * copy, shared state; Preact it bundles, the content scripts have none) instead of bundling it: each import of it
 * becomes a module that reads the names listed in utils/overlay/actions/shared.ts from the global the content script
 * filled. Importing a name not listed there fails the build (a missing export), never the page.
 */
function sharedWithContentScript(): Plugin {
  return {
    name: 'reply-radar:overlay-actions-shared',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      let key = sharedKeyOf(source);
      if (!key && importer && source.startsWith('.')) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        key = resolved ? sharedKeyOf(resolved.id) : null;
      }
      return key ? SHARED_PREFIX + key : null;
    },
    load(id) {
      if (!id.startsWith(SHARED_PREFIX)) return null;
      const key = id.slice(SHARED_PREFIX.length) as SharedKey;
      const names = SHARED_MODULES[key].names;
      return `const m = globalThis.${SHARED_GLOBAL}.${key};\nexport const ${names.map((n) => `${n} = m.${n}`).join(', ')};\n`;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'overlay-actions')) return;
      config.plugins = [sharedWithContentScript(), ...(config.plugins ?? [])];
    },
  },
  vite: () => ({
    plugins: [preact(), contentScriptsWithoutPolyfill()],
  }),
  manifest: ({ browser }) => ({
    // Texts live in public/_locales/<locale>/messages.json (en, hu, bn, km), like every string of the interface.
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // scripting: the background injects the overlay's deferred code (utils/overlay/actions-loader.ts) on first use.
    permissions: ['storage', 'scripting'],
    host_permissions: SITE_HOSTS,
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: '__MSG_command_toggle_panel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'reply-radar@reply-radar.app',
              // 140: the first Firefox that knows data_collection_permissions (older ones refuse to install the add-on).
              strict_min_version: '140.0',
              // Firefox's data-consent key: Reply Radar collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
