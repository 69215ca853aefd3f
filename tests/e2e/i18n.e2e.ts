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
    await expect.poll(() => panelText(site), { timeout: 15_000 }).toMatch(/\d+ (ó|p|nap)\b/);
    expect(navigations).toEqual([]);
  });
});
