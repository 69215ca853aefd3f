// Issue 5, keyboard: every Reply Radar shortcut on the X fixture, while X's own single-key shortcuts keep working.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import {
  articleWithText,
  BRAND_POST,
  draftText,
  expectUnanswered,
  panelAttr,
  scrollThrough,
  sendButtonEnabled,
} from './x-helpers';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await launch();
  page = await harness.newPage(BRAND_POST);
  await page.locator('reply-radar').waitFor({ state: 'attached' });
  // Let Reply Radar see every reply once (X mounts only rows near the viewport), so the counts below are stable.
  await scrollThrough(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.querySelector('reply-radar')?.getAttribute('data-rr-unanswered') === '24');
});
afterAll(async () => {
  await harness?.close();
});

function currentText(): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('[data-rr-current] [data-testid="tweetText"]')?.textContent?.trim() ?? null,
  );
}

function xShortcutLog(): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __rrX: { shortcutLog: string[] } }).__rrX.shortcutLog]);
}

test('Alt+J and Alt+K walk the queue, breached first and oldest first, without waking X shortcuts', async () => {
  await page.keyboard.press('Alt+KeyJ');
  // Tom's comment waited 24 hours: the oldest breached one comes first.
  await expect.poll(currentText).toMatch(/^Honestly the old autumn blend/);
  await page.keyboard.press('Alt+KeyJ');
  await expect.poll(currentText).toMatch(/^Agree, bring back Maple Roast/);
  await page.keyboard.press('Alt+KeyK');
  await expect.poll(currentText).toMatch(/^Honestly the old autumn blend/);
  // The panel marks the same item as current.
  const currentItem = page.locator('reply-radar li[data-current="true"]');
  await expect.poll(() => currentItem.textContent()).toMatch(/Honestly the old autumn blend/);
  expect(await xShortcutLog()).toEqual([]);
});

test("X's own j still works next to ours", async () => {
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('j');
  expect(await xShortcutLog()).toEqual(['j']);
});

test('Alt+R opens the reply box for the current comment and Alt+1 fills template 1 for it', async () => {
  await page.keyboard.press('Alt+KeyR');
  const dialog = page.locator('[role="dialog"][aria-modal="true"]');
  await dialog.waitFor();
  await expect.poll(() => dialog.textContent()).toMatch(/@tom_brews/);
  expect(await draftText(page)).toBe('');
  await page.keyboard.press('Alt+Digit1');
  await expect.poll(() => draftText(page)).toMatch(/Tom/);
  expect(await draftText(page)).not.toMatch(/\{first_name\}|🧋/);
  expect(await sendButtonEnabled(page)).toBe(true);
  // Close X's dialog without sending.
  await dialog.getByRole('button', { name: /close/i }).click();
  await dialog.waitFor({ state: 'detached' });
});

test("Alt+2 fills a reply box opened with X's own Reply button, for the customer X names", async () => {
  // The current comment is Tom's; the user opens Anna's reply box themselves.
  const anna = await articleWithText(page, 'Mikor lesz kapható Budapesten?');
  await anna.locator('[data-testid="reply"]').first().click();
  const dialog = page.locator('[role="dialog"][aria-modal="true"]');
  await dialog.waitFor();
  await page.keyboard.press('Alt+Digit2');
  await expect.poll(() => draftText(page)).toMatch(/Anna/);
  expect(await draftText(page)).not.toMatch(/Tom/);
  expect(await sendButtonEnabled(page)).toBe(true);
  await dialog.getByRole('button', { name: /close/i }).click();
  await dialog.waitFor({ state: 'detached' });
  // Back to Tom as the current comment for the next test.
  await page.keyboard.press('Alt+KeyJ');
  await page.keyboard.press('Alt+KeyK');
  await expect.poll(currentText).toMatch(/^Honestly the old autumn blend/);
});

test('Alt+D marks the current comment done and Alt+S snoozes the next one; both survive a reload', async () => {
  const before = Number(await panelAttr(page, 'data-rr-unanswered'));
  const tom = page.locator('article[data-rr-current]');
  const tomId = await tom.getAttribute('data-rr-id', { timeout: 5000 });
  await page.keyboard.press('Alt+KeyD');
  await expect.poll(() => page.locator(`[data-rr-id="${tomId}"]`).getAttribute('data-rr-state')).toBe('done');
  await expectUnanswered(page, before - 1);
  // Done moves on to the next one, which Alt+S snoozes for an hour.
  await expect.poll(currentText).toMatch(/^Agree, bring back Maple Roast/);
  const jenId = await page.locator('article[data-rr-current]').getAttribute('data-rr-id');
  await page.keyboard.press('Alt+KeyS');
  await expect.poll(() => page.locator(`[data-rr-id="${jenId}"]`).getAttribute('data-rr-state')).toBe('snoozed');
  await expectUnanswered(page, before - 2);
  await page.reload();
  const tomAgain = await articleWithText(page, 'Honestly the old autumn blend');
  await expect.poll(() => tomAgain.getAttribute('data-rr-state')).toBe('done');
  expect(await tomAgain.getAttribute('data-rr-id')).toBe(tomId);
  const jenAgain = await articleWithText(page, 'Agree, bring back Maple Roast');
  await expect.poll(() => jenAgain.getAttribute('data-rr-state')).toBe('snoozed');
  expect(await jenAgain.getAttribute('data-rr-id')).toBe(jenId);
});

test('Alt+Q hides and shows the queue panel, and the choice is remembered', async () => {
  const list = page.locator('reply-radar ol.rr-list');
  await list.waitFor();
  await page.keyboard.press('Alt+KeyQ');
  await list.waitFor({ state: 'detached' });
  // Collapsed, the panel still shows the count.
  await expect.poll(() => page.locator('reply-radar section.rr-root').textContent()).toMatch(/\d/);
  await page.reload();
  await page.locator('reply-radar section.rr-root').waitFor();
  expect(await list.count()).toBe(0);
  await page.keyboard.press('Alt+KeyQ');
  await list.waitFor();
});

test('keys typed in the template picker stay in the picker', async () => {
  const logBefore = await xShortcutLog();
  const article = page.locator('article[data-rr-state="unanswered"]').first();
  await article
    .locator('rr-badge')
    .getByRole('button', { name: /^Templates/ })
    .click();
  const search = page.getByRole('combobox', { name: 'Search templates' });
  await search.pressSequentially('jkl');
  expect(await search.inputValue()).toBe('jkl');
  expect(await xShortcutLog()).toEqual(logBefore);
  await page.keyboard.press('Escape');
  await search.waitFor({ state: 'detached' });
});
