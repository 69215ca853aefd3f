import { defineContentScript } from 'wxt/utils/define-content-script';
import { setRelativeTimeWords } from '../../utils/core/relative-time';
import { call } from '../../utils/messaging/content-client';
import { runOverlay } from '../../utils/overlay/run-overlay';
import { facebookAdapter } from '../../utils/sites/facebook';
import { setFacebookWords } from '../../utils/sites/facebook/words';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  // No postMessage('*') announcing our extension id and script to the page (see utils/overlay/lifetime.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Marks which content script runs here; the e2e tests check each starts only on its own site.
    document.documentElement.dataset.rrContent = 'facebook';
    // The reader's words (relative times "2 h", controls "View all 5 replies") come from the background: not bundled.
    void runOverlay(ctx, facebookAdapter, async () => {
      const words = await call('facebook.words', {});
      setRelativeTimeWords(words.time);
      setFacebookWords(words.reading);
    });
  },
});
