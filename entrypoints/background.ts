// The background only routes: messages to the store, the install event to the starter set, the browser command to
// the active tab, tab reports to the toolbar badge. What it remembers per tab lives in storage.session, because the
// MV3 service worker is stopped whenever it is idle.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerBackgroundHandlers, togglePanelInActiveTab } from '../utils/messaging/background-handlers';
import { watchTabsForBadges } from '../utils/messaging/tab-states';
import { migrateSettings } from '../utils/storage/settings';
import { purgeTrash, seedStarterTemplates } from '../utils/storage/templates';

const report = (what: string) => (err: unknown) => console.error(`[reply-radar] ${what} failed`, err);

export default defineBackground({
  type: 'module',
  main() {
    // Listeners are registered synchronously so an event that woke the worker is not missed.
    registerBackgroundHandlers();
    watchTabsForBadges(report('forgetting a closed or navigated tab'));

    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') {
        void seedStarterTemplates().catch(report('seeding the starter templates'));
        // First run: the options page opens on its short setup (language, brand accounts, targets, starters).
        void browser.tabs
          .create({ url: browser.runtime.getURL('/options.html#setup' as '/options.html') })
          .catch(report('opening the first-run setup'));
      }
      if (reason === 'update') void migrateSettings().catch(report('migrating the settings'));
    });

    // The worker starts again after every idle stop, so this also empties the trash during a long browser session.
    void purgeTrash().catch(report('emptying old trash'));

    browser.commands.onCommand.addListener((command) => {
      if (command === 'toggle-panel') void togglePanelInActiveTab().catch(report('toggling the panel'));
    });
  },
});
