// When a site stops rendering what its adapter reads, the panel says so: on each fixture, in Chromium and Firefox,
// page script strips one anchor the adapter depends on (and keeps stripping it as the site re-renders), and the
// panel's data-rr-health becomes broken with the reason shown, never "all answered". The toolbar popup opened on that
// tab says the page could not be read (no count, no oldest wait), and the toolbar badge shows "!".
import { afterEach, expect, test } from 'vitest';
import { type Driver, type DriverPage, forEachBrowser } from '../driver';
import { DEMO as FACEBOOK_POST, setFacebookBrand } from './facebook-page';
import { BRAND_POST as INSTAGRAM_POST } from './instagram-page';
import { BRAND_POST as X_POST } from './x-page';

interface Case {
  name: string;
  url: string;
  prepare?(driver: Driver): Promise<void>;
  /** What is stripped: elements matching `selector` lose `attribute` (or get an href naming nothing). */
  selector: string;
  attribute: string;
  replacement: string | null;
}

const CASES: Case[] = [
  { name: 'X, status times', url: X_POST, selector: 'time[datetime]', attribute: 'datetime', replacement: null },
  {
    name: 'Facebook, comment links',
    url: FACEBOOK_POST,
    prepare: (driver) => setFacebookBrand(driver, ['acme']),
    selector: 'a[href*="comment_id"]',
    attribute: 'href',
    replacement: '#',
  },
  {
    // Not one comment found while the post counts its comments: broken once the loading grace is over.
    name: 'Facebook, comment articles',
    url: FACEBOOK_POST,
    prepare: (driver) => setFacebookBrand(driver, ['acme']),
    selector: '[role="article"]',
    attribute: 'role',
    replacement: null,
  },
  {
    name: 'Instagram, comment permalinks',
    url: INSTAGRAM_POST,
    selector: 'a[href*="/c/"]',
    attribute: 'href',
    // A link naming no post (the caption's time links the post itself, so that is what a caption looks like).
    replacement: '/',
  },
];

type Api = {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};
async function tabIdOf(driver: Driver, url: string): Promise<number> {
  const id = await driver.evaluateInExtension(async (u) => {
    const ext = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    return (await ext.tabs.query({})).find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

const badgeText = (driver: Driver, tabId: number) =>
  driver.evaluateInExtension(async (id) => {
    const ext = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    return ext.action.getBadgeText({ tabId: id });
  }, tabId);

const panel = (page: DriverPage) =>
  page.evaluate(() => {
    const host = document.querySelector('reply-radar');
    return {
      health: host?.getAttribute('data-rr-health') ?? null,
      unanswered: host?.getAttribute('data-rr-unanswered') ?? null,
      text: host?.shadowRoot?.textContent ?? '',
    };
  });

forEachBrowser((driver) => {
  const pages: DriverPage[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test.each(CASES)(
    '$name stop matching: the panel, the popup and the toolbar badge say the page could not be read',
    async (c) => {
      await c.prepare?.(driver());
      const page = await driver().newPage(c.url);
      pages.push(page);
      // Read well first: comments are counted.
      await page.waitFor(() => Number(document.querySelector('reply-radar')?.getAttribute('data-rr-unanswered')) > 0);
      expect((await panel(page)).health).not.toBe('broken');

      await page.evaluate(
        ([selector, attribute, replacement]) => {
          const strip = () => {
            for (const el of document.querySelectorAll(selector)) {
              if (replacement === null) el.removeAttribute(attribute);
              else el.setAttribute(attribute, replacement);
            }
          };
          strip();
          // The site re-renders (relative times tick, rows mount as you scroll): keep the anchor gone.
          new MutationObserver(strip).observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: [attribute],
          });
        },
        [c.selector, c.attribute, c.replacement] as const,
      );

      await expect.poll(async () => (await panel(page)).health, { timeout: 15_000 }).toBe('broken');
      const { text } = await panel(page);
      expect(text).toMatch(/could not be (read|found)/);
      expect(text).not.toMatch(/All answered/i);

      // The popup on this tab, as a person opening it from the toolbar sees it.
      const tabId = await tabIdOf(driver(), c.url);
      await expect.poll(() => badgeText(driver(), tabId), { timeout: 10_000 }).toBe('!');
      const popup = await driver().openExtensionPage(`popup.html?tab=${tabId}`);
      pages.push(popup);
      await popup.waitFor(() => document.querySelector('[data-testid="popup-health"][data-rr-health="broken"]'));
      const shown = await popup.evaluate(() => ({
        health: document.querySelector('[data-testid="popup-health"]')?.textContent ?? '',
        count: document.querySelector('[data-testid="popup-unanswered"]')?.textContent ?? '',
        oldest: document.querySelector('[data-testid="popup-oldest"]'),
      }));
      expect(shown.health).toBe('Reply Radar cannot read this page’s comments, so it cannot tell what is unanswered.');
      expect(shown.count).toBe('!');
      expect(shown.oldest).toBeNull();
    },
  );
});
