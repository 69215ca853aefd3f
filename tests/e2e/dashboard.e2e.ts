// Issue 14: a brand reply seen on the X fixture becomes a first response on the dashboard, with the right time;
// and the dashboard with a few weeks of generated data, in light and dark (RR_SHOTS=<dir> keeps the screenshots).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatDuration } from '../../components/dashboard/format';
import { type Harness, launch } from './harness';
import { expectUnanswered, SECOND_POST } from './x-helpers';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
});

const dashboardUrl = () => `chrome-extension://${harness.extensionId}/dashboard.html`;

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.RR_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

test('a brand reply on X shows on the dashboard as that comment’s first response, with the right time', async () => {
  const x = await harness.newPage(SECOND_POST);
  await expectUnanswered(x, 2);
  const waiting = x.locator('[data-rr-state="unanswered"]').first();
  const key = (await waiting.getAttribute('data-rr-id'))!;
  const postedAt = Date.parse((await waiting.getAttribute('data-rr-posted-at'))!);
  const replyId = await x.evaluate(
    (parentId) =>
      (window as unknown as { __rrX: { addReply(r: object): string } }).__rrX.addReply({
        handle: 'acme',
        name: 'Acme Coffee',
        text: 'Thanks for asking! It is on its way. – Anna',
        lang: 'en',
        parentId,
      }),
    key.replace(/^x:/, ''),
  );
  await expect.poll(() => x.locator(`[data-rr-id="${key}"]`).getAttribute('data-rr-state')).toBe('answered');
  const answeredAt = Date.parse((await x.locator(`[data-rr-id="x:${replyId}"]`).getAttribute('data-rr-posted-at'))!);
  expect(answeredAt).toBeGreaterThan(postedAt);

  const dashboard = await harness.newPage(dashboardUrl());
  const row = dashboard.locator(`[data-rr-entry="${key}"]`);
  await expect
    .poll(
      async () => {
        if ((await row.count()) === 0) await dashboard.reload();
        return row.count();
      },
      { timeout: 15_000, interval: 1_000 },
    )
    .toBe(1);
  const expected = formatDuration(answeredAt - postedAt, 'en');
  expect(await row.getByTestId('response-time').textContent()).toBe(expected);
  expect(await row.textContent()).toContain('@acme · Anna');
  const link = await row.getByRole('link').getAttribute('href');
  expect(link?.startsWith('https://x.com/')).toBe(true);
  expect(link?.endsWith(`/status/${key.slice(2)}`)).toBe(true);
  // The other comment still waits: it is the backlog.
  expect(await dashboard.getByTestId('backlog').textContent()).toMatch(/^1/);
  await x.close();
  await dashboard.close();
  expect(harness.errors).toEqual([]);
});

/** Four weeks of plausible entries, written straight into the extension's database from its own page. */
function seed(page: Page, now: number): Promise<void> {
  return page.evaluate(async (end) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('reply-radar');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('responseLog', 'readwrite');
    const store = tx.objectStore('responseLog');
    store.clear();
    let seedValue = 7;
    const rand = () => {
      seedValue = (seedValue * 16807) % 2147483647;
      return seedValue / 2147483647;
    };
    const platforms = ['x', 'facebook', 'instagram'] as const;
    const labels = [['question'], ['complaint'], ['order'], [], ['question', 'order']];
    const people = ['@acme', 'Acme Coffee', 'acme.coffee'];
    const agents = ['Anna', 'Ben', 'Zsófia', undefined];
    let n = 0;
    for (let day = 27; day >= 0; day--) {
      const weekend = new Date(end - day * 864e5).getUTCDay() % 6 === 0;
      const count = Math.round((weekend ? 4 : 12) + rand() * 8);
      for (let i = 0; i < count; i++) {
        const postedAt = end - day * 864e5 - Math.floor(rand() * 864e5);
        const minutes = Math.round(3 + rand() ** 2.2 * (weekend ? 600 : 180));
        const platform = platforms[n % 3]!;
        const key = `${platform}:seed${n++}`;
        const waiting = day === 0 && rand() < 0.3;
        const entry: Record<string, unknown> = {
          key,
          platform,
          postId: `post${day}`,
          postedAt,
          precision: platform === 'x' ? 'exact' : rand() < 0.5 ? 'approx' : 'exact',
          permalink: platform === 'x' ? `https://x.com/someone/status/${1000 + n}` : undefined,
          labels: labels[n % labels.length],
          firstSeenAt: postedAt + 60_000,
          lastSeenAt: postedAt + 120_000,
        };
        if (!waiting) {
          const agent = agents[n % agents.length];
          Object.assign(entry, {
            answeredAt: postedAt + minutes * 60_000,
            answerSource: 'site',
            answerPrecision: 'exact',
            answeredBy: people[n % 3],
            ...(agent ? { agent } : {}),
            responseMs: minutes * 60_000,
            businessMs: minutes * 60_000,
            level: minutes >= 60 ? 'breach' : minutes >= 30 ? 'warn' : 'ok',
          });
        }
        if (entry.permalink === undefined) delete entry.permalink;
        store.put(entry);
      }
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, now);
}

test('the dashboard with four weeks of data, in light and dark', async () => {
  const page = await harness.newPage(dashboardUrl());
  await page.getByTestId('summary').waitFor();
  await seed(page, Date.now());
  await page.reload();
  await page.getByTestId('slowest-table').waitFor();
  // The numbers are there as text and tables, for keyboard and screen-reader users too.
  expect(await page.getByTestId('median').textContent()).toMatch(/\d/);
  expect(await page.getByTestId('slowest-table').locator('tbody tr').count()).toBe(10);
  expect(await page.getByTestId('label-table').locator('tbody tr').count()).toBe(4);
  await page.getByText('Numbers per day').click();
  expect(await page.getByTestId('day-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
  await page.getByText('Numbers per day').click();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.waitForTimeout(300);
  await shot(page, 'dashboard-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(500);
  await shot(page, 'dashboard-dark');
  await page.close();
  expect(harness.errors).toEqual([]);
});
