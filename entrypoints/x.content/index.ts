import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../../utils/overlay/run-overlay';
import { xAdapter } from '../../utils/sites/x';

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_idle',
  // No postMessage('*') announcing our extension id and script to the page (see utils/overlay/lifetime.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Marks which content script runs here; the e2e tests check each starts only on its own site.
    document.documentElement.dataset.rrContent = 'x';
    void runOverlay(ctx, xAdapter);
  },
});
