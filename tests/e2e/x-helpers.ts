// What a user sees of Reply Radar on the X fixture, read the way the page contract documents it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const BRAND_POST = 'https://x.com/acme/status/1790000000000000001';
export const SECOND_POST = 'https://x.com/acme/status/1790000000000000002';
export const SOMEONE_POST = 'https://x.com/someone/status/1790000000000000003';

export interface RowSeen {
  id: string | null;
  /** The article's own status id, from its time link: what data-rr-id must match. */
  ownId: string | null;
  state: string | null;
  text: string;
  hasBadge: boolean;
}

/** Every X article mounted now, with what Reply Radar stamped on it. */
export function mountedRows(page: Page): Promise<RowSeen[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('article[data-testid="tweet"]')].map((article) => {
      const time = [...article.querySelectorAll('time')].find((t) => !t.closest('div[role="link"]'));
      const href = time?.closest('a')?.getAttribute('href') ?? '';
      return {
        id: article.getAttribute('data-rr-id'),
        ownId: /\/status\/(\d+)/.exec(href)?.[1] ?? null,
        state: article.getAttribute('data-rr-state'),
        text:
          [...article.querySelectorAll('[data-testid="tweetText"]')]
            .filter((t) => !t.closest('div[role="link"]'))
            .map((t) => t.textContent ?? '')
            .join(' ') ?? '',
        hasBadge: !!article.querySelector('rr-badge')?.shadowRoot,
      };
    }),
  );
}

/**
 * Scrolls the page from top to bottom the way a person would, collecting what every row showed on the way:
 * X mounts only the rows near the viewport.
 */
export async function scrollThrough(page: Page): Promise<Map<string, RowSeen>> {
  const seen = new Map<string, RowSeen>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 80; step++) {
    await page.waitForTimeout(120);
    for (const row of await mountedRows(page)) if (row.text) seen.set(row.text, row);
    const atBottom = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.6);
      return window.scrollY === before;
    });
    if (atBottom) break;
  }
  await page.waitForTimeout(300);
  for (const row of await mountedRows(page)) if (row.text) seen.set(row.text, row);
  return seen;
}

export function stateOf(seen: Map<string, RowSeen>, textStart: string): string | null | undefined {
  for (const [text, row] of seen) if (text.startsWith(textStart)) return row.state;
  return undefined;
}

export async function panelAttr(page: Page, name: 'data-rr-unanswered' | 'data-rr-health'): Promise<string | null> {
  return page.locator('reply-radar').getAttribute(name);
}

export async function expectUnanswered(page: Page, count: number): Promise<void> {
  await expect.poll(() => panelAttr(page, 'data-rr-unanswered'), { timeout: 10_000 }).toBe(String(count));
}

/** The article showing a reply whose text starts with `textStart`, scrolled into view. */
export async function articleWithText(page: Page, textStart: string) {
  for (let step = 0; step < 60; step++) {
    const article = page
      .locator('article[data-testid="tweet"]')
      .filter({ has: page.locator('[data-testid="tweetText"]', { hasText: textStart }) })
      .first();
    if ((await article.count()) > 0) {
      await article.scrollIntoViewIfNeeded();
      return article;
    }
    await page.evaluate((s) => window.scrollBy(0, s), step < 30 ? 300 : -300);
    await page.waitForTimeout(80);
  }
  throw new Error(`No reply starting with "${textStart}" on the page`);
}

export function draftText(page: Page, name = 'x-reply'): Promise<string> {
  return page.evaluate((n) => {
    const registry = (window as unknown as { __rrEditorText?: Record<string, () => string> }).__rrEditorText;
    return registry?.[n]?.() ?? '';
  }, name);
}

export function sendButtonEnabled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const button = document.querySelector('[role="dialog"] [data-testid="tweetButton"]');
    return !!button && !button.hasAttribute('disabled') && button.getAttribute('aria-disabled') !== 'true';
  });
}

/** The words the queue panel shows (read inside its open shadow root: the host's own textContent is empty). */
export async function panelText(page: Page): Promise<string> {
  return (await page.locator('reply-radar section.rr-root').first().textContent()) ?? '';
}

/** The words a comment's badge shows. */
export async function badgeText(article: ReturnType<Page['locator']>): Promise<string> {
  return (await article.locator('rr-badge div.rr-root').first().textContent()) ?? '';
}
