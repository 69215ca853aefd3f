// Issue #11 item 6, as a user does it on the options page: export everything, import the very same file, and be
// told that nothing changed (not "N skipped … edited here more recently").
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, launch } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
});

test('importing the file just exported reports that nothing changed', async () => {
  const options = await harness.newPage(`chrome-extension://${harness.extensionId}/options.html#data`);
  // The starter templates are there from install: the file holds real records.
  await expect.poll(() => options.locator('[data-testid="template-row"]').count()).toBeGreaterThan(2);

  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export all (JSON)' }).click();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rr-export-')), 'reply-radar.json');
  await (await download).saveAs(file);

  await options.locator('input[name="importFile"]').setInputFiles(file);
  await options.locator('[data-testid="import-start"]').click();
  const result = options.locator('[data-testid="import-result"]');
  await expect.poll(() => result.textContent()).toContain('Imported reply-radar.json');
  const text = (await result.textContent()) ?? '';
  expect(text).toContain('Nothing changed: everything in the file is already here.');
  expect(text).not.toMatch(/skipped|more recently|added|updated/);
  expect(harness.errors).toEqual([]);
});
