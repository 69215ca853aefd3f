import { defineContentScript } from 'wxt/utils/define-content-script';
import { createLifetime } from '../../utils/overlay/lifetime';
import { runOverlay } from '../../utils/overlay/run-overlay';
import { trusted } from '../../utils/overlay/trusted';
import { instagramAdapter } from '../../utils/sites/instagram';

export default defineContentScript({
  matches: ['https://www.instagram.com/*'],
  runAt: 'document_idle',
  // No postMessage('*') announcing our extension id and script to the page (see utils/overlay/lifetime.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Marks which content script runs here; the e2e tests check each starts only on its own site.
    document.documentElement.dataset.rrContent = 'instagram';
    // Instagram's own Reply fills one shared composer: note which comment a person pressed it on, for Alt+1…9.
    document.addEventListener(
      'click',
      trusted((event) => instagramAdapter.noteClick(event)),
      { capture: true, signal: createLifetime(ctx).signal },
    );
    void runOverlay(ctx, instagramAdapter);
  },
});
