// A JSON backup imported on the options page, in Chromium and Firefox: the import runs in the page's module worker
// (bundled with the extension; the pages' CSP allows it), a replace takes the file's templates and settings after
// its confirmation, and a refused file names its problem and changes nothing.
import { afterEach, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { type DriverPage, forEachBrowser } from '../driver';

const T0 = 1_700_000_000_000;

function backup(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'reply-radar',
    formatVersion: 2,
    exportedAt: '2024-05-01T10:00:00.000Z',
    templates: [1, 2, 3].map((n) => ({
      id: `file-${n}`,
      title: `From the file ${n}`,
      body: `Body ${n}`,
      language: 'en',
      tags: [],
      order: n,
      createdAt: T0,
      updatedAt: T0,
      useCount: 0,
    })),
    settings: { ...DEFAULT_SETTINGS, agentName: 'Agent from the file' },
    commentStates: Array.from({ length: 500 }, (_, i) => ({ key: `x:${i}`, state: 'done', at: T0 })),
    ...extra,
  });
}

/** Picks `text` as the file to import (as the file chooser would), and counts the workers the page starts. */
async function chooseFile(page: DriverPage, text: string, name: string): Promise<void> {
  await page.evaluate(
    ({ text, name }) => {
      const w = window as unknown as { Worker: typeof Worker; __rrWorkers?: number };
      if (w.__rrWorkers === undefined) {
        w.__rrWorkers = 0;
        const Native = w.Worker;
        w.Worker = class extends Native {
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            w.__rrWorkers = (w.__rrWorkers ?? 0) + 1;
          }
        };
      }
      const input = document.querySelector<HTMLInputElement>('input[name="importFile"]')!;
      const files = new DataTransfer();
      files.items.add(new File([text], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { text, name },
  );
}

const resultText = (page: DriverPage) =>
  page.waitFor(() => {
    const result = document.querySelector('[data-testid="import-result"] .rr-result');
    return result ? result.textContent : null;
  }, undefined);

forEachBrowser((driver) => {
  const pages: DriverPage[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => {});
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test('a replace import runs in the worker and takes the file’s templates and settings', async () => {
    const options = await driver().openExtensionPage('options.html#data');
    pages.push(options);
    await options.waitFor(() => document.querySelectorAll('[data-testid="template-row"]').length > 0);
    await chooseFile(options, backup(), 'backup.json');
    await options.click(() => document.querySelector('input[name="importMode"][value="replace"]'));
    await options.click(() => document.querySelector('[data-testid="import-start"]'));
    await options.click(() => document.querySelector('.rr-confirm .rr-button--danger'));
    const text = await resultText(options);
    expect(text).toContain('Imported backup.json');
    expect(text).toContain('500 added');
    expect(await options.evaluate(() => (window as unknown as { __rrWorkers: number }).__rrWorkers)).toBe(1);
    // The list and the settings on the page follow: only the file's templates, and its agent name.
    await options.waitFor(() => {
      const rows = [...document.querySelectorAll('[data-testid="template-row"]')];
      return rows.length === 3 && rows.every((row) => (row.textContent ?? '').includes('From the file'));
    });
    await options.waitFor(() =>
      [...document.querySelectorAll('input')].some((input) => input.value === 'Agent from the file'),
    );

    // The same file again, merged: nothing changed.
    await chooseFile(options, backup(), 'backup.json');
    await options.click(() => document.querySelector('input[name="importMode"][value="merge"]'));
    await options.click(() => document.querySelector('[data-testid="import-start"]'));
    await options.waitFor(() => {
      const result = document.querySelector('[data-testid="import-result"] .rr-result');
      return (result?.textContent ?? '').includes('Nothing changed');
    });
  });

  test('a refused file names its problem and changes nothing', async () => {
    const options = await driver().openExtensionPage('options.html#data');
    pages.push(options);
    await options.waitFor(() => document.querySelectorAll('[data-testid="template-row"]').length > 0);
    const before = await options.evaluate(() => document.querySelectorAll('[data-testid="template-row"]').length);
    await chooseFile(options, backup({ commentStates: [{ key: 'x:1', state: 'maybe', at: 1 }] }), 'bad.json');
    await options.click(() => document.querySelector('[data-testid="import-start"]'));
    const text = await resultText(options);
    expect(text).toContain('bad.json');
    expect(text).toMatch(/comment state 1/i);
    expect(text).toContain('Nothing was changed');
    expect(await options.evaluate(() => document.querySelectorAll('[data-testid="template-row"]').length)).toBe(before);
  });
});
