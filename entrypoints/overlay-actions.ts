// The overlay's deferred code (utils/overlay/actions): not listed in the manifest nor web-accessible; the background
// injects it into a site's tab, in the content scripts' isolated world, when the overlay first needs it. It uses the
// content script's i18n (wxt.config.ts maps those imports to what the content script shared) and its own Preact.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { overlayActions } from '../utils/overlay/actions';
import { ACTIONS_GLOBAL } from '../utils/overlay/actions/shared';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[ACTIONS_GLOBAL] = overlayActions;
});
