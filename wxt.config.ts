import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The three sites Reply Radar overlays. Host access is limited to these; nothing else is requested.
export const SITE_HOSTS = [
  'https://x.com/*',
  'https://twitter.com/*',
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://www.instagram.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
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
