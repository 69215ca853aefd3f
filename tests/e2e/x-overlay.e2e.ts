// Issue 11 on the X fixture: the template picker opens above the page (never under X's absolutely positioned rows),
// next to its badge, flipping up at the bottom of the window, following scroll, closed by Escape or a click
// elsewhere; a second template replaces the first; the badge's status follows the reply box.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import { badgeAction, focusedAction, picker, pickerSeen, putBadgeAt } from './overlay-helpers';
import {
  articleWithText,
  BRAND_POST,
  badgeText,
  draftText,
  expectUnanswered,
  panelAttr,
  scrollThrough,
} from './x-helpers';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
});

/** RR_SHOTS=<dir> keeps screenshots of what the tests saw (to look at, not compared). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.RR_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

async function open(url: string): Promise<Page> {
  const page = await harness.newPage(url);
  await page.locator('reply-radar').waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

describe.each(['light', 'dark'] as const)('the template picker, %s theme', (theme) => {
  let page: Page;
  beforeAll(async () => {
    page = await open(theme === 'dark' ? `${BRAND_POST}?theme=dark` : BRAND_POST);
  });
  afterAll(async () => {
    await page?.close();
  });

  test.each(['top', 'bottom'] as const)(
    'opens above the page, next to its badge, at the %s of the window',
    async (where) => {
      const article = await articleWithText(page, 'Honestly the old autumn blend');
      await putBadgeAt(page, article, where);
      await badgeAction(article, 'templates').click();
      await picker(page).waitFor();
      const seen = await pickerSeen(article);
      // What a click at its centre would reach is the picker, not one of X's rows drawn over it.
      expect(seen.centreWhat).not.toBe('nothing');
      expect(seen.centreIsPicker).toBe(true);
      if (where === 'top') {
        expect(seen.picker.top).toBeGreaterThanOrEqual(seen.anchor.bottom);
      } else {
        // No room below: it opens upwards, ending above its button, and stays inside the window.
        expect(seen.picker.bottom).toBeLessThanOrEqual(seen.anchor.top);
        expect(seen.picker.top).toBeGreaterThanOrEqual(0);
      }
      await shot(page, `picker-${theme}-${where}`);
      // Escape closes it and gives the focus back to the Templates button.
      await page.keyboard.press('Escape');
      await picker(page).waitFor({ state: 'detached' });
      expect(await focusedAction(page)).toBe('templates');
    },
  );

  test('follows the page as it scrolls, and closes on a click elsewhere', async () => {
    const article = await articleWithText(page, 'Honestly the old autumn blend');
    await putBadgeAt(page, article, 'top');
    await badgeAction(article, 'templates').click();
    await picker(page).waitFor();
    const before = await pickerSeen(article);
    await page.evaluate(() => window.scrollBy(0, 60));
    await expect
      .poll(async () => {
        const now = await pickerSeen(article);
        return Math.round(now.picker.top - now.anchor.bottom);
      })
      .toBe(Math.round(before.picker.top - before.anchor.bottom));
    const moved = await pickerSeen(article);
    expect(moved.picker.top).toBeLessThan(before.picker.top);
    await page.mouse.click(5, 5);
    await picker(page).waitFor({ state: 'detached' });
  });
});

describe('one template at a time', () => {
  test('Alt+1, Alt+1, Alt+2 leaves exactly template 2, and the status follows the reply box', async () => {
    const page = await open(BRAND_POST);
    const anna = await articleWithText(page, 'Mikor lesz kapható Budapesten?');
    const dialog = page.locator('[role="dialog"][aria-modal="true"]');
    const openXReply = async () => {
      await anna.locator('[data-testid="reply"]').first().click();
      await dialog.waitFor();
    };
    const closeXReply = async () => {
      await dialog.getByRole('button', { name: /close/i }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    // What template 2 alone gives for Anna, in a fresh box.
    await openXReply();
    await page.keyboard.press('Alt+Digit2');
    await expect.poll(() => draftText(page)).not.toBe('');
    const two = await draftText(page);
    await closeXReply();

    await openXReply();
    await page.keyboard.press('Alt+Digit1');
    // Read what template 1 gave once Reply Radar says it is done inserting.
    await expect.poll(() => badgeText(anna)).toMatch(/Inserted/);
    const one = await draftText(page);
    expect(one).not.toBe('');
    expect(one).not.toBe(two);
    await page.keyboard.press('Alt+Digit1');
    // The same template again changes nothing (its insertion is checked and would be seen within this time).
    await page.waitForTimeout(1500);
    expect(await draftText(page)).toBe(one);
    await page.keyboard.press('Alt+Digit2');
    await expect.poll(() => draftText(page)).toBe(two);
    expect(await badgeText(anna)).not.toMatch(/Could not insert/);
    await expect.poll(() => badgeText(anna)).toMatch(/Inserted/);

    // Closing the box clears "Inserted — check it and send".
    await closeXReply();
    await expect.poll(() => badgeText(anna)).not.toMatch(/Inserted/);
    await page.close();
  });
});

describe('forgiving actions', () => {
  test('Undo after Alt+D restores the comment, and the Done list says where a badge Done sent one', async () => {
    const page = await open(BRAND_POST);
    const count = async () => Number(await panelAttr(page, 'data-rr-unanswered'));
    // Let Reply Radar see every reply once (X mounts only rows near the viewport), so the count is stable.
    await scrollThrough(page);
    await expectUnanswered(page, 24);
    await page.keyboard.press('Alt+KeyJ');
    const current = page.locator('article[data-rr-current]');
    const id = await current.getAttribute('data-rr-id', { timeout: 5000 });
    const before = await count();
    await page.keyboard.press('Alt+KeyD');
    const row = page.locator(`article[data-rr-id="${id}"]`);
    await expect.poll(() => row.getAttribute('data-rr-state')).toBe('done');
    await expect.poll(count).toBe(before - 1);
    const toast = page.locator('reply-radar [data-rr-toast]');
    await expect.poll(() => toast.textContent()).toMatch(/done/i);
    await page.locator('reply-radar [data-rr-action="undo"]').click();
    await expect.poll(() => row.getAttribute('data-rr-state')).toBe('unanswered');
    await expect.poll(count).toBe(before);
    // Still unanswered after a reload: the undo reached storage too.
    await page.reload();
    await page.locator('reply-radar').waitFor({ state: 'attached' });
    await scrollThrough(page);
    await expectUnanswered(page, before);

    // Done from a badge: the comment is in the panel's Done list, and comes back from there.
    const tom = await articleWithText(page, 'Honestly the old autumn blend');
    const tomId = await tom.getAttribute('data-rr-id');
    await badgeAction(tom, 'done').click();
    await expect.poll(() => page.locator(`article[data-rr-id="${tomId}"]`).getAttribute('data-rr-state')).toBe('done');
    const doneList = page.locator('reply-radar details[data-rr-handled="done"]');
    await doneList.locator('summary').click();
    await doneList.locator(`li[data-key="${tomId}"] [data-rr-action="restore"]`).click();
    await expect
      .poll(() => page.locator(`article[data-rr-id="${tomId}"]`).getAttribute('data-rr-state'))
      .toBe('unanswered');
    await shot(page, 'panel-light');
    await page.close();
  });

  test('the panel in dark theme', async () => {
    const page = await open(`${BRAND_POST}?theme=dark`);
    await expect.poll(() => panelAttr(page, 'data-rr-unanswered')).not.toBe('0');
    await shot(page, 'panel-dark');
    await page.close();
  });
});
