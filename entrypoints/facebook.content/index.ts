import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  // No postMessage('*') announcing our extension id and script to the page (see utils/overlay/lifetime.ts).
  noScriptStartedPostMessage: true,
  main() {
    document.documentElement.dataset.rrContent = 'facebook';
  },
});
