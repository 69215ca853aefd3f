import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../../utils/overlay/run-overlay';
import { facebookAdapter } from '../../utils/sites/facebook';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  // No postMessage('*') announcing our extension id and script to the page (see utils/overlay/lifetime.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Marks which content script runs here; the e2e tests check each starts only on its own site.
    document.documentElement.dataset.rrContent = 'facebook';
    void runOverlay(ctx, facebookAdapter);
  },
});
