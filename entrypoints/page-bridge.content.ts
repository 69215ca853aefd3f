// Runs in the page's own world on the three sites: synthetic paste/beforeinput events only carry their data into the
// site's editor when made there (Firefox ignores them from the isolated world). See utils/insert/bridge.ts.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installInsertBridge } from '../utils/insert/bridge';

export default defineContentScript({
  matches: [
    'https://x.com/*',
    'https://twitter.com/*',
    'https://www.facebook.com/*',
    'https://web.facebook.com/*',
    'https://www.instagram.com/*',
  ],
  world: 'MAIN',
  runAt: 'document_start',
  // No global variable in the page's world: an anonymous IIFE cannot clash with the site's own names.
  globalName: false,
  main() {
    installInsertBridge(window);
  },
});
