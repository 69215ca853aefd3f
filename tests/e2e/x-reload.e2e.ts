// Issue 4: after the extension is updated or reloaded, a content script whose context is gone stops quietly —
// it takes its marks off the page and throws nothing at the site.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import { expectUnanswered, SECOND_POST } from './x-helpers';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
});

test('an orphaned content script removes its panel and badges and stays silent', async () => {
  const page = await harness.newPage(SECOND_POST);
  await expectUnanswered(page, 2);
  expect(await page.locator('rr-badge').count()).toBeGreaterThan(0);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await harness.backgroundWorker
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined); // the worker goes away while answering

  // The next change on the page wakes the old script, which finds its extension gone.
  await page.evaluate(() =>
    (window as unknown as { __rrX: { addReply(r: object): string } }).__rrX.addReply({
      handle: 'late_customer',
      name: 'Late Customer',
      text: 'Are you open on Sunday?',
    }),
  );
  await expect.poll(() => page.locator('reply-radar').count(), { timeout: 10_000 }).toBe(0);
  expect(await page.locator('rr-badge').count()).toBe(0);
  expect(await page.locator('[data-rr-state]').count()).toBe(0);
  expect(pageErrors).toEqual([]);
});
