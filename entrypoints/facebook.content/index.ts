import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  main() {
    document.documentElement.dataset.rrContent = 'facebook';
  },
});
