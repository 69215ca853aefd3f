import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://www.instagram.com/*'],
  main() {
    document.documentElement.dataset.rrContent = 'instagram';
  },
});
