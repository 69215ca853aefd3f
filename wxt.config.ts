import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// The three sites Reply Radar overlays. Host access is limited to these; nothing else is requested.
export const SITE_HOSTS = [
  'https://x.com/*',
  'https://twitter.com/*',
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://www.instagram.com/*',
];

const NATIVE_BROWSER = '\0rr-native-browser';

/**
 * Content scripts use the browser's own extension object instead of webextension-polyfill (issue #10: each content
 * script under 30 KB gzip). What they call is the same in Chrome and Firefox without it: runtime.id and getURL,
 * i18n, storage.onChanged, and messages through @webext-core/messaging (which calls chrome.* with callbacks itself).
 * The background and the extension's pages keep the polyfill. WXT builds each content script on its own, so the
 * build's input says which kind it is.
 */
function contentScriptsWithoutPolyfill(): Plugin {
  let contentScript = false;
  return {
    name: 'reply-radar:content-scripts-without-polyfill',
    enforce: 'pre',
    buildStart(options) {
      const input = options.input;
      const files = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      contentScript = files.length > 0 && files.every((file) => /\.content(?:[/\\]index)?\.[jt]sx?$/.test(file));
    },
    resolveId(id) {
      return contentScript && id === 'webextension-polyfill' ? NATIVE_BROWSER : null;
    },
    load(id) {
      return id === NATIVE_BROWSER ? 'export default globalThis.browser ?? globalThis.chrome;' : null;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact(), contentScriptsWithoutPolyfill()],
  }),
  manifest: ({ browser }) => ({
    // Texts live in public/_locales/<locale>/messages.json (en, hu, bn, km), like every string of the interface.
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    permissions: ['storage'],
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
