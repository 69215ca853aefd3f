// Issue 13 end to end: the first-run setup opens on install, and the interface language chosen in the options
// reaches an open site tab without reloading it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import { BRAND_POST, panelText } from './x-helpers';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
});

const isSetup = (page: Page) => page.url().startsWith(`chrome-extension://${harness.extensionId}/options.html#setup`);

describe('first run', () => {
  test('installing opens the options page on its setup', async () => {
    const setup =
      harness.context.pages().find(isSetup) ??
      (await harness.context.waitForEvent('page', { predicate: isSetup, timeout: 15_000 }));
    await setup.locator('[data-testid="setup"]').waitFor({ timeout: 15_000 });
    expect(await setup.locator('#setup-title').textContent()).toBe('Welcome to Reply Radar');
    // Skippable: one click leads to the full options page.
    await setup.getByRole('button', { name: 'Skip for now' }).click();
    await setup.locator('#templates').waitFor();
    expect(setup.url()).not.toContain('#setup');
  });
});

describe('interface language', () => {
  test('the overlay on an open X tab speaks Hungarian after the switch in the options, without a reload', async () => {
    const site = await harness.newPage(BRAND_POST);
    await site.locator('reply-radar').waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => panelText(site)).not.toBe('');
    const navigations: string[] = [];
    site.on('framenavigated', (frame) => {
      if (frame === site.mainFrame()) navigations.push(frame.url());
    });

    const options = await harness.newPage(`chrome-extension://${harness.extensionId}/options.html`);
    await options.selectOption('#language select', 'hu');
    await options.locator('#targets-title', { hasText: 'Válaszidő-célok' }).waitFor();

    await site.bringToFront();
    await expect.poll(() => site.locator('reply-radar').getAttribute('lang'), { timeout: 15_000 }).toBe('hu');
    // Words and ages in Hungarian together: "Késésben: 24 óra", never "Overdue: 24 ó".
    await expect.poll(() => panelText(site), { timeout: 15_000 }).toMatch(/megválaszolatlan/);
    const text = await panelText(site);
    expect(text).toMatch(/Késésben: \d+ óra/);
    expect(text).toContain('Kérdések');
    expect(text).not.toMatch(/Overdue|unanswered|Reply to/);
    const badge = await site.locator('rr-badge div.rr-root[data-state="unanswered"]').first().textContent();
    expect(badge).toMatch(/Vár: \d+ (perc|óra|nap|hét)/);
    expect(navigations).toEqual([]);
  });
});
