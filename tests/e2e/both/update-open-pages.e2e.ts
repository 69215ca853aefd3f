// An update (extension reload) while Facebook and Instagram pages are open, in Chromium and Firefox: the old content
// script takes its UI and listeners away and stops without errors (X: tests/e2e/both/extension.e2e.ts). Each site
// gets its own browser, so one reload never runs under another site's test.
import { afterEach, expect, test } from 'vitest';
import { type BrowserName, type Driver, type DriverPage, forEachBrowser } from '../driver';
import { DEMO as FACEBOOK_POST, setFacebookBrand } from './facebook-page';
import { BRAND_POST as INSTAGRAM_POST } from './instagram-page';

interface Site {
  name: string;
  url: string;
  prepare?(driver: Driver): Promise<void>;
  /** Makes the site change its page (loads the rest of the conversation), which wakes the old script. */
  change(page: DriverPage): Promise<void>;
}

const SITES: Site[] = [
  {
    name: 'Facebook',
    url: FACEBOOK_POST,
    prepare: (driver) => setFacebookBrand(driver, ['acme']),
    change: (page) => page.evaluate(() => (window as unknown as { __rrFB: { expand(): void } }).__rrFB.expand()),
  },
  {
    name: 'Instagram',
    url: INSTAGRAM_POST,
    change: (page) => page.evaluate(() => (window as unknown as { __rrIG: { expand(): void } }).__rrIG.expand()),
  },
];

const marks = (page: DriverPage) =>
  page.evaluate(() => ({
    panels: document.querySelectorAll('reply-radar').length,
    layers: document.querySelectorAll('rr-layer').length,
    badges: document.querySelectorAll('rr-badge').length,
    stamped: document.querySelectorAll('[data-rr-state]').length,
    doubled: [...document.querySelectorAll('[data-rr-id]')].filter(
      (row) => [...row.querySelectorAll('rr-badge')].filter((b) => b.closest('[data-rr-id]') === row).length > 1,
    ).length,
  }));

function updateUnder(site: Site) {
  forEachBrowser((driver, browser: BrowserName) => {
    const pages: DriverPage[] = [];
    afterEach(async () => {
      for (const page of pages.splice(0)) await page.close().catch(() => {});
      // No error spam: no page error and no console error from the page or the extension.
      expect(driver().errors.splice(0)).toEqual([]);
    });

    test(`${site.name}: reloading the extension under an open page leaves no trace of the old script`, async () => {
      await site.prepare?.(driver());
      const page = await driver().newPage(site.url);
      pages.push(page);
      await page.waitFor(() => document.querySelector('[data-rr-state] rr-badge, [data-rr-state]') !== null);
      expect((await marks(page)).badges).toBeGreaterThan(0);

      await driver().reloadExtension();
      await site.change(page);
      if (browser === 'chromium') {
        // Chrome leaves the old script running without its extension: it takes everything it drew away.
        await expect
          .poll(() => marks(page), { timeout: 10_000 })
          .toEqual({ panels: 0, layers: 0, badges: 0, stamped: 0, doubled: 0 });
      } else {
        // Firefox runs the new script on the open page at once: one panel, one badge per comment.
        await expect
          .poll(
            async () => {
              const m = await marks(page);
              return { panels: m.panels, doubled: m.doubled, badges: m.badges > 0 };
            },
            { timeout: 10_000 },
          )
          .toEqual({ panels: 1, doubled: 0, badges: true });
      }
      expect(page.pageErrors).toEqual([]);
    });
  });
}

for (const site of SITES) updateUnder(site);
