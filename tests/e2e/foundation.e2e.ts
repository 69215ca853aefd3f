// Issue 2: the built extension loads in Chromium; its service worker, popup and options page start without errors,
// each site's content script (and the page-world insert bridge) starts on its own site and nowhere else.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, launch, ROOT } from './harness';

let harness: Harness;

beforeAll(async () => {
  harness = await launch();
});

afterAll(async () => {
  await harness?.close();
});

async function contentMark(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.rrContent);
}

/** Asks the page-world bridge to fill a textarea made for the purpose; resolves to whether it answered. */
async function bridgeAnswers(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const box = document.createElement('textarea');
        document.body.append(box);
        const timer = setTimeout(() => resolve(false), 2000);
        box.addEventListener('reply-radar:inserted', (event) => {
          clearTimeout(timer);
          const answer = JSON.parse(String((event as CustomEvent).detail)) as { id: string; ok: boolean };
          resolve(answer.id === 'probe' && answer.ok && box.value === 'Hello from the bridge');
        });
        const detail = JSON.stringify({ id: 'probe', kind: 'textarea', text: 'Hello from the bridge', cursor: 5 });
        box.dispatchEvent(new CustomEvent('reply-radar:insert', { detail }));
      }),
  );
}

describe('extension foundation', () => {
  test('the background service worker runs the built extension', async () => {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
    expect(harness.backgroundWorker.url()).toBe(`chrome-extension://${harness.extensionId}/background.js`);
    const name = await harness.backgroundWorker.evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }
        ).chrome.runtime.getManifest().name,
    );
    expect(name).toBe('Reply Radar');
  });

  test('the manifest asks for storage, scripting and the three sites only, with a fixed Firefox id in the Firefox build', async () => {
    const manifest = await harness.backgroundWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }
      ).chrome.runtime.getManifest(),
    );
    // scripting: the overlay's deferred code is injected by the background; nothing is web-accessible to the sites.
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect([...(manifest.host_permissions as string[])].sort()).toEqual([
      'https://twitter.com/*',
      'https://web.facebook.com/*',
      'https://www.facebook.com/*',
      'https://www.instagram.com/*',
      'https://x.com/*',
    ]);
    const firefox = JSON.parse(readFileSync(path.join(ROOT, '.output/firefox-mv3/manifest.json'), 'utf8'));
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.browser_specific_settings.gecko.id).toBe('reply-radar@reply-radar.app');
    expect(firefox.permissions).toEqual(['storage', 'scripting']);
    expect(firefox.web_accessible_resources).toBeUndefined();
  });

  test('the popup and the options page open without errors', async () => {
    for (const file of ['popup.html', 'options.html']) {
      const page = await harness.newPage(`chrome-extension://${harness.extensionId}/${file}`);
      await page.waitForFunction(() => (document.body?.textContent ?? '').trim().length > 0);
      await page.waitForTimeout(300);
      await page.close();
    }
    expect(harness.errors).toEqual([]);
  });

  const sites: [url: string, mark: string][] = [
    ['https://x.com/acme/status/1790000000000000001', 'x'],
    ['https://twitter.com/acme/status/1790000000000000001', 'x'],
    ['https://www.facebook.com/acme/posts/pfbid0demo', 'facebook'],
    ['https://web.facebook.com/acme/posts/pfbid0demo', 'facebook'],
    ['https://www.instagram.com/p/DEMOpost1/', 'instagram'],
  ];

  test.each(sites)('on %s only the %s content script runs, with the insert bridge', async (url, mark) => {
    const page = await harness.newPage(url);
    await page.waitForFunction(() => document.documentElement.dataset.rrContent !== undefined, null, {
      timeout: 10_000,
    });
    expect(await contentMark(page)).toBe(mark);
    expect(await bridgeAnswers(page)).toBe(true);
    await page.close();
  });

  test('on a neutral site no content script and no bridge runs', async () => {
    const page = await harness.newPage('https://rr.test/editors.html');
    // The sites above show content scripts start well within this time.
    await page.waitForTimeout(1000);
    expect(await contentMark(page)).toBeUndefined();
    expect(await bridgeAnswers(page)).toBe(false);
    await page.close();
  });

  // `npm start` opens these: one realistic brand post per site, with customer comments answered and not.
  const demos: [url: string, comments: string, composer: string][] = [
    [
      'https://x.com/acme/status/1790000000000000001',
      '[data-testid="primaryColumn"] article[data-testid="tweet"]',
      '[data-testid="tweetTextarea_0"] [contenteditable="true"]',
    ],
    [
      'https://www.facebook.com/acme/posts/pfbid0demo',
      '[role="dialog"] div[role="article"]',
      '[role="dialog"] [data-lexical-editor="true"][aria-label="Write a comment…"]',
    ],
    [
      'https://www.instagram.com/p/DEMOpost1/',
      'a[href*="/c/"] time[datetime]',
      'textarea[aria-label="Add a comment…"]',
    ],
  ];

  test.each(demos)(
    'the demo page %s shows a brand post with comments and the site’s own editor',
    async (url, comments, composer) => {
      const page = await harness.newPage(url);
      await page.locator(comments).nth(4).waitFor();
      expect(await page.locator(comments).count()).toBeGreaterThanOrEqual(5);
      await page.locator(composer).first().waitFor({ state: 'attached' });
      await page.close();
    },
  );
});
