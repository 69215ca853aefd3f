// The toolbar popup and badge, in Chromium and Firefox: what Reply Radar says about the tab it is opened on (the
// count, the oldest wait and the health on a post; switched off; elsewhere; no access in Firefox), the toolbar
// badge's count, and the panel command. The popup is opened as a page of its own with ?tab=<id> (a test cannot
// click the toolbar button); RR_SHOTS=<dir> keeps screenshots of it to look at.
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { type Driver, type DriverPage, forEachBrowser } from '../driver';
import { BRAND_POST, openX, panelAttr } from './x-page';

type Api = {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action: {
    getBadgeText(d: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]>;
  };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  permissions: { remove(p: object): Promise<boolean>; contains(p: object): Promise<boolean> };
};
const X_ORIGINS = ['https://x.com/*', 'https://twitter.com/*'];

async function tabIdOf(driver: Driver, url: string): Promise<number> {
  const id = await driver.evaluateInExtension(async (u) => {
    const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

function badge(driver: Driver, tabId: number) {
  return driver.evaluateInExtension(async (id) => {
    const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    const [text, colour] = await Promise.all([
      api.action.getBadgeText({ tabId: id }),
      api.action.getBadgeBackgroundColor({ tabId: id }),
    ]);
    return { text, colour: [...colour].slice(0, 3).join(',') };
  }, tabId);
}

const card = (kind: string) => document.querySelector(`[data-testid="popup-tab"][data-rr-tab-status="${kind}"]`);
const textOf = (selector: string) => document.querySelector(selector)?.textContent ?? null;

async function shot(page: DriverPage, name: string): Promise<void> {
  const dir = process.env.RR_SHOTS;
  if (dir) await page.screenshot(path.join(dir, `${page.browser}-${name}.png`), '.rr-popup');
}

forEachBrowser((driver, browser) => {
  const pages: DriverPage[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => {});
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test('on a brand post: the popup shows the tab’s count, oldest wait and health; the toolbar badge its count', async () => {
    const x = await driver().newPage(BRAND_POST);
    pages.push(x);
    await openX(x);
    // X mounts only the rows near the viewport: the count is what the panel shows now (the fixture's first rows).
    await x.waitFor(() => Number(document.querySelector('reply-radar')?.getAttribute('data-rr-unanswered')) > 0);
    const tabId = await tabIdOf(driver(), BRAND_POST);
    const shown = async () => {
      const [unanswered, health] = await Promise.all([
        panelAttr(x, 'data-rr-unanswered'),
        panelAttr(x, 'data-rr-health'),
      ]);
      return { unanswered: Number(unanswered), health: health ?? '', badge: await badge(driver(), tabId) };
    };
    // The fixture has breached comments: the badge is the overlay's breach red, its text the panel's count.
    await expect
      .poll(
        async () => {
          const now = await shown();
          const text = now.health === 'incomplete' ? `${now.unanswered}+` : String(now.unanswered);
          return now.badge.text === text && now.badge.colour === '180,35,24';
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const { unanswered, health, badge: shownBadge } = await shown();
    const count = shownBadge.text;
    expect(count).toMatch(/^\d+\+?$/);

    const popup = await driver().openExtensionPage(`popup.html?tab=${tabId}`);
    pages.push(popup);
    await popup.waitFor(card, 'working');
    expect(await popup.evaluate(textOf, '[data-testid="popup-unanswered"]')).toBe(`${unanswered} unanswered`);
    expect(await popup.evaluate(textOf, '[data-testid="popup-oldest"]')).toMatch(
      /^oldest waiting \d+ (min|hr|days?|wks?)$/,
    );
    expect(
      await popup.evaluate(() =>
        document.querySelector('[data-testid="popup-health"]')?.getAttribute('data-rr-health'),
      ),
    ).toBe(health);
    await shot(popup, 'popup-working');

    // Switched off from the popup: the page says so, the badge goes, and one click turns it on again.
    await popup.click(() => document.querySelector('[name="popup-site-x"]'));
    await popup.waitFor(card, 'off');
    await expect.poll(() => badge(driver(), tabId).then((b) => b.text), { timeout: 10_000 }).toBe('');
    await expect.poll(() => x.evaluate(() => document.querySelectorAll('rr-badge').length)).toBe(0);
    await shot(popup, 'popup-off');
    await popup.click(() => document.querySelector('[data-rr-tab-status="off"] button'));
    await popup.waitFor(card, 'working');
    await expect.poll(() => badge(driver(), tabId).then((b) => b.text), { timeout: 10_000 }).toBe(count);
  });

  test('the toolbar badge follows X to another post without a reload, and clears when the tab leaves the site', async () => {
    const x = await driver().newPage(BRAND_POST);
    pages.push(x);
    await openX(x);
    const tabId = await tabIdOf(driver(), BRAND_POST);
    const panelMatchesBadge = async () => {
      const [unanswered, health] = await Promise.all([
        panelAttr(x, 'data-rr-unanswered'),
        panelAttr(x, 'data-rr-health'),
      ]);
      const text = (await badge(driver(), tabId)).text;
      return { text, expected: health === 'incomplete' ? `${unanswered}+` : String(unanswered) };
    };
    await expect
      .poll(
        async () => {
          const { text, expected } = await panelMatchesBadge();
          return text !== '' && text === expected;
        },
        { timeout: 10_000 },
      )
      .toBe(true);

    // A client-side navigation (pushState): the new post reports itself; the browser's "new address" must not
    // wipe that report when it arrives later.
    await x.evaluate(() =>
      (window as unknown as { __rrX: { navigate(p: string): void } }).__rrX.navigate(
        '/acme/status/1790000000000000002',
      ),
    );
    await x.waitFor(() => document.querySelector('reply-radar')?.getAttribute('data-rr-unanswered') === '2');
    await expect.poll(async () => (await panelMatchesBadge()).text, { timeout: 10_000 }).toMatch(/^2\+?$/);

    // Another site entirely (a document Reply Radar does not run in): the badge goes.
    await x.goto('about:blank');
    await expect.poll(async () => (await badge(driver(), tabId)).text, { timeout: 10_000 }).toBe('');
  });

  test('elsewhere: the popup names the sites it works on and the toolbar shows no count', async () => {
    const other = await driver().newPage('about:blank');
    pages.push(other);
    const tabId = await driver().evaluateInExtension(async () => {
      const api = ((globalThis as { browser?: Api }).browser ??
        (globalThis as unknown as { chrome: Api }).chrome) as Api;
      const tabs = await api.tabs.query({});
      return tabs.find((t) => t.url === 'about:blank' || t.url === undefined)?.id ?? null;
    });
    expect(tabId).not.toBeNull();
    const popup = await driver().openExtensionPage(`popup.html?tab=${tabId}`);
    pages.push(popup);
    await popup.waitFor(card, 'elsewhere');
    expect(await popup.evaluate(textOf, '[data-testid="popup-tab-state"]')).toContain(
      'x.com, facebook.com or instagram.com',
    );
    expect((await badge(driver(), tabId as number)).text).toBe('');
  });

  // The browser delivers a commands shortcut only from the operating system's keyboard: keys sent by the test
  // driver (CDP Input in Chromium, WebDriver BiDi input in Firefox) reach the page, not the browser's own shortcut
  // table, so pressing Alt+Shift+Q here never fires the command (tried: nothing happens in either browser). What
  // is checked instead is the browser's own record of the command and its key; the handler's path (background to
  // the active tab's content script) is covered by the unit tests of togglePanelInActiveTab.
  test('the panel command is registered with the browser on Alt+Shift+Q', async () => {
    const commands = await driver().evaluateInExtension(async () => {
      const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
        commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
      };
      return (await api.commands.getAll()).map(({ name, shortcut }) => ({ name, shortcut }));
    });
    expect(commands).toContainEqual({ name: 'toggle-panel', shortcut: 'Alt+Shift+Q' });
  });

  if (browser === 'firefox') {
    test('Firefox without access to X: the popup says so on the X tab and asks for it', async () => {
      // Firefox lets the user withhold a Manifest V3 add-on's host access; the test takes it away as they would.
      await driver().evaluateInExtension((origins) => {
        const api = (globalThis as unknown as { browser: Api }).browser;
        return api.permissions.remove({ origins });
      }, X_ORIGINS);
      const x = await driver().newPage(BRAND_POST);
      pages.push(x);
      const tabId = await driver().evaluateInExtension(async () => {
        const api = (globalThis as unknown as { browser: Api }).browser;
        // Without access the tab's address is hidden from Reply Radar: the newest tab without one is the X tab.
        const tabs = await api.tabs.query({});
        return tabs.filter((t) => t.url === undefined).at(-1)?.id ?? null;
      });
      expect(tabId).not.toBeNull();
      // Nothing runs there: no panel, no badge.
      expect(await x.evaluate(() => document.querySelector('reply-radar'))).toBeNull();
      expect((await badge(driver(), tabId as number)).text).toBe('');

      const popup = await driver().openExtensionPage(`popup.html?tab=${tabId}`);
      pages.push(popup);
      await popup.waitFor(card, 'no-access');
      expect(await popup.evaluate(textOf, '[data-testid="popup-tab-state"]')).toContain('If it shows X');
      expect(await popup.evaluate(textOf, '[data-testid="popup-site-access"]')).toContain('Reply Radar may not read X');
      await shot(popup, 'popup-no-access');

      // The card's button asks Firefox for exactly the missing sites (the profile grants without a prompt).
      await popup.click(() => document.querySelector('[data-testid="popup-site-access"] button'));
      await popup.waitFor(() => document.querySelector('[data-testid="popup-site-access"]') === null);
      await x.goto(BRAND_POST);
      await openX(x);
      await x.waitFor(() => Number(document.querySelector('reply-radar')?.getAttribute('data-rr-unanswered')) > 0);
    });
  }
});
