// Issue 4: templates live in the extension's IndexedDB, and every open tab learns of a change without a reload.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import { articleWithText, BRAND_POST, draftText } from './x-helpers';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
});

test('a template created on the options page is offered on an open X tab without reloading it', async () => {
  const x = await harness.newPage(BRAND_POST);
  await x.locator('reply-radar').waitFor({ state: 'attached' });
  await x.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  const options = await harness.newPage(`chrome-extension://${harness.extensionId}/options.html`);
  const form = options.getByTestId('template-form');
  await form.locator('[name="title"]').fill('Vienna opening');
  await form.locator('[name="body"]').fill('Hi {first_name},\n\nwe open in Vienna in the spring!');
  await form.locator('[name="shortcut"]').fill('vienna');
  await form.locator('[name="language"]').selectOption('en');
  await options.getByTestId('template-save').click();
  await options.getByTestId('template-row').filter({ hasText: 'Vienna opening' }).waitFor();

  await x.bringToFront();
  const article = await articleWithText(x, 'Honestly the old autumn blend');
  await article
    .locator('rr-badge')
    .getByRole('button', { name: /^Templates/ })
    .click();
  const search = x.getByRole('combobox', { name: 'Search templates' });
  await search.fill('vienna');
  const option = x.getByRole('option', { name: /Vienna opening/ });
  await option.waitFor();
  await option.click();
  // Through the content script and the page-world bridge into Draft.js: the blank line between paragraphs survives.
  await expect.poll(() => draftText(x)).toBe('Hi Tom,\n\nwe open in Vienna in the spring!');
  expect(await x.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(harness.errors).toEqual([]);
});
