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
    name: 'Reply Radar',
    description:
      'Shows which customer comments on your brand’s posts still wait for an answer on X, Facebook and Instagram, and for how long.',
    permissions: ['storage'],
    host_permissions: SITE_HOSTS,
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: 'Show or hide the Reply Radar queue panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'reply-radar@reply-radar.app',
              strict_min_version: '128.0',
              // Firefox's data-consent key: Reply Radar collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
