// Issue 5: the X slice end to end — the built extension in Chromium on the routed x.com fixture, which runs the
// real Draft.js in its reply box. What is asserted is what a community manager sees and what X registers.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import {
  articleWithText,
  BRAND_POST,
  badgeText,
  draftText,
  expectUnanswered,
  mountedRows,
  panelAttr,
  panelText,
  SECOND_POST,
  SOMEONE_POST,
  scrollThrough,
  sendButtonEnabled,
  stateOf,
} from './x-helpers';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
});

async function open(url: string): Promise<Page> {
  const page = await harness.newPage(url);
  await page.locator('reply-radar').waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

describe('reading a brand conversation', () => {
  test('marks every unanswered customer reply and nothing else', async () => {
    const page = await open(BRAND_POST);
    const seen = await scrollThrough(page);

    // Follow-up after the brand's answer goes back to the queue; the answered comment does not.
    expect(stateOf(seen, 'Pumpkin Spice Mocha Dream')).toBe('answered');
    expect(stateOf(seen, 'Love it, María')).toBe('brand');
    expect(stateOf(seen, 'Yay! Will it be in the Budapest store too?')).toBe('unanswered');
    // Customers answering each other do not answer each other; mentioning @acme is not an answer.
    expect(stateOf(seen, 'Honestly the old autumn blend')).toBe('unanswered');
    expect(stateOf(seen, 'Agree, bring back Maple Roast')).toBe('unanswered');
    expect(stateOf(seen, 'Right?? @acme please bring it back')).toBe('unanswered');
    expect(stateOf(seen, '@acme my order #4821 never arrived')).toBe('unanswered');
    expect(stateOf(seen, 'Will there be a decaf version?')).toBe('answered');
    expect(stateOf(seen, 'Lesz belőle zabtejes változat is?')).toBe('answered');
    expect(stateOf(seen, 'Szuper, köszönöm! És mennyibe fog kerülni?')).toBe('unanswered');
    // The edited reply and the one quoting another post are read like any other.
    expect(stateOf(seen, 'Cinnamon Cloud')).toBe('unanswered');
    expect(stateOf(seen, 'This is the one')).toBe('unanswered');
    // "Discover more" posts are not replies: never classified, never queued.
    expect(stateOf(seen, 'Roadworks close Main Street')).toBeNull();
    expect(stateOf(seen, 'Fresh croissants out of the oven')).toBeNull();

    // Every unanswered row carries the whole page contract.
    const unanswered = [...seen.values()].filter((r) => r.state === 'unanswered');
    expect(unanswered.every((r) => r.hasBadge && r.id === `x:${r.ownId}`)).toBe(true);
    const contract = await page.evaluate(() => {
      const el = document.querySelector('[data-rr-state="unanswered"]');
      return {
        postedAt: el?.getAttribute('data-rr-posted-at'),
        precision: el?.getAttribute('data-rr-precision'),
      };
    });
    expect(new Date(contract.postedAt ?? '').toISOString()).toBe(contract.postedAt);
    expect(contract.precision).toBe('exact');

    // 24 unanswered in the open part; the collapsed parts keep the view incomplete, and the panel says why.
    await expectUnanswered(page, 24);
    expect(await panelAttr(page, 'data-rr-health')).toBe('incomplete');
    await expect.poll(() => panelText(page)).toMatch(/Show more replies/);
    await page.close();
  });

  test('expanding the hidden replies completes the view', async () => {
    const page = await open(BRAND_POST);
    await scrollThrough(page);
    for (const label of ['Show more replies', 'Show probable spam']) {
      const button = page.getByRole('button', { name: label });
      await button.scrollIntoViewIfNeeded();
      await button.click();
    }
    const seen = await scrollThrough(page);
    expect(stateOf(seen, 'Will it come in whole beans?')).toBe('unanswered');
    expect(stateOf(seen, 'Make 10x gains today')).toBe('unanswered');
    await expectUnanswered(page, 29);
    await expect.poll(() => panelAttr(page, 'data-rr-health')).toBe('ok');
    await page.close();
  });

  test('keeps replies that scrolled out of view (recycled rows) in the queue, keyed by status id', async () => {
    const page = await open(BRAND_POST);
    await scrollThrough(page);
    await expectUnanswered(page, 24);
    // Back at the top, the rows at the bottom are unmounted or reused for other statuses: nothing is lost…
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    await expectUnanswered(page, 24);
    // …and no reused row carries a stale id or state.
    for (const row of await mountedRows(page)) {
      if (row.id) expect(row.id).toBe(`x:${row.ownId}`);
    }
    // Scrolling again re-reads the reused rows correctly.
    const seen = await scrollThrough(page);
    for (const row of seen.values()) if (row.id) expect(row.id).toBe(`x:${row.ownId}`);
    await page.close();
  });

  test('badges a reply arriving after load', async () => {
    const page = await open(SECOND_POST);
    await expectUnanswered(page, 2);
    const id = await page.evaluate(() =>
      (window as unknown as { __rrX: { addReply(r: object): string } }).__rrX.addReply({
        handle: 'vienna_fan',
        name: 'Vienna Fan',
        text: 'Any plans for Vienna?',
        lang: 'en',
      }),
    );
    await expect
      .poll(() => page.locator(`[data-rr-id="x:${id}"]`).getAttribute('data-rr-state'), { timeout: 5_000 })
      .toBe('unanswered');
    await expectUnanswered(page, 3);
    await page.close();
  });

  test("tracks nothing on someone else's post until asked to", async () => {
    const page = await open(SOMEONE_POST);
    await expect.poll(() => panelText(page)).toMatch(/not by your brand/i);
    expect(await panelAttr(page, 'data-rr-unanswered')).toBe('0');
    expect(await page.locator('[data-rr-state]').count()).toBe(0);
    await page
      .locator('reply-radar')
      .getByRole('button', { name: /Track all posts/ })
      .click();
    await expect.poll(() => page.locator('[data-rr-state="unanswered"]').count()).toBeGreaterThan(0);
    // Put the setting back for the other tests in this browser.
    await harness.backgroundWorker.evaluate(async () => {
      type Local = { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      const { settings } = await local.get('settings');
      await local.set({ settings: { ...settings, trackAllPosts: false } });
    });
    await expect.poll(() => page.locator('[data-rr-state]').count()).toBe(0);
    await page.close();
  });

  test("adopts the post's author as the brand in one click, tracked at once without a reload", async () => {
    const page = await open(SOMEONE_POST);
    await expect.poll(() => panelText(page)).toMatch(/not by your brand/i);
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    await page.locator('reply-radar [data-rr-action="adopt-brand"]').click();
    await expect.poll(() => page.locator('[data-rr-state="unanswered"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-rr-state="brand"]').count()).toBeGreaterThan(0);
    expect(await page.locator('reply-radar [data-rr-action="adopt-brand"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    // Kept in the settings, for X only; then put back for the other tests in this browser.
    const brand = await harness.backgroundWorker.evaluate(async () => {
      type Local = {
        get(k: string): Promise<Record<string, { brand: Record<string, string[]> }>>;
        set(v: object): Promise<void>;
      };
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      const { settings } = await local.get('settings');
      const before = settings!.brand;
      await local.set({ settings: { ...settings, brand: { ...before, x: before.x!.filter((h) => h !== 'someone') } } });
      return before;
    });
    expect(brand.x).toContain('someone');
    expect(brand.facebook).not.toContain('someone');
    await expect.poll(() => page.locator('[data-rr-state]').count()).toBe(0);
    await page.close();
  });

  test('starts a fresh page state when X navigates between posts without a reload', async () => {
    const page = await open(BRAND_POST);
    await expect.poll(async () => Number(await panelAttr(page, 'data-rr-unanswered'))).toBeGreaterThan(2);
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
      (window as unknown as { __rrX: { navigate(p: string): void } }).__rrX.navigate(
        '/acme/status/1790000000000000002',
      );
    });
    await expectUnanswered(page, 2);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(await page.locator('reply-radar').count()).toBe(1);
    // Only the second post's replies are marked; nothing of the first post's is left behind.
    const states = (await mountedRows(page)).filter((r) => r.state).map((r) => r.text);
    expect(states.some((t) => t.startsWith('Lesz kutyabarát terasz'))).toBe(true);
    expect(states.some((t) => t.startsWith('Pumpkin Spice'))).toBe(false);
    await page.goBack();
    await expect.poll(async () => Number(await panelAttr(page, 'data-rr-unanswered'))).toBeGreaterThan(2);
    await page.close();
  });

  test('says the page cannot be read when X changes its markup, never "all answered"', async () => {
    const page = await open(`${BRAND_POST}?markup=changed`);
    await expect.poll(() => panelAttr(page, 'data-rr-health')).toBe('broken');
    const text = await panelText(page);
    expect(text).toMatch(/could not read/i);
    expect(text).not.toMatch(/all answered/i);
    expect(await page.locator('[data-rr-state]').count()).toBe(0);
    await page.close();
  });

  test('clicking a queue item scrolls to that reply and makes it current', async () => {
    const page = await open(BRAND_POST);
    await scrollThrough(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const item = page.locator('reply-radar li.rr-item', { hasText: 'Toasted Hazelnut' });
    await item.locator('button.rr-item-main').click();
    const article = page.locator('article[data-rr-current]');
    await expect
      .poll(() => article.locator('[data-testid="tweetText"]').first().textContent())
      .toMatch(/Toasted Hazelnut/);
    expect(
      await article.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    await page.close();
  });

  test('follows X dark theme', async () => {
    const page = await open(`${BRAND_POST}?theme=dark`);
    await expect.poll(() => page.locator('reply-radar').getAttribute('data-theme')).toBe('dark');
    const background = await page
      .locator('reply-radar section.rr-root')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3).toBeLessThan(80);
    await page.close();
  });
});

describe('answering', () => {
  test('one click on Reply opens X reply box with a filled template that X registers', async () => {
    const page = await open(BRAND_POST);
    const article = await articleWithText(page, 'Mikor lesz kapható Budapesten?');
    await article
      .locator('rr-badge')
      .getByRole('button', { name: /^Reply/ })
      .click();
    const dialog = page.locator('[role="dialog"]');
    await dialog.waitFor();
    await expect.poll(() => draftText(page)).not.toBe('');
    const text = await draftText(page);
    // A Hungarian reply gets a Hungarian template, addressed by her given name (Hungarian order: "Kovács Anna").
    expect(text).toContain('Anna');
    expect(text).not.toContain('Kovács');
    expect(text).not.toMatch(/\{(first_name|name|brand|agent|cursor)\}/);
    expect(await sendButtonEnabled(page)).toBe(true);
    await expect.poll(() => badgeText(article)).toMatch(/Inserted/);
    // Nothing was sent: the conversation did not grow.
    expect(await page.locator('article', { hasText: text.slice(0, 20) }).count()).toBe(0);
    await page.close();
  });

  // A failed insertion (said in the badge, text on the clipboard, nothing retried): tests/e2e/both/x.e2e.ts.

  test('the template picker searches by shortcut and Enter inserts the match', async () => {
    const page = await open(BRAND_POST);
    const article = await articleWithText(page, '@acme my order #4821 never arrived');
    await article
      .locator('rr-badge')
      .getByRole('button', { name: /^Templates/ })
      .click();
    const search = page.getByRole('combobox', { name: 'Search templates' });
    await search.fill('track');
    // Digits insert the template of that number (the Alt+1…9 numbers), whatever the search shows.
    await page.keyboard.press('Enter');
    await page.locator('[role="dialog"][aria-modal="true"]').waitFor();
    await expect.poll(() => draftText(page)).toMatch(/Alex/);
    expect(await draftText(page)).toMatch(/order/i);
    expect(await sendButtonEnabled(page)).toBe(true);
    await page.close();
  });
});
