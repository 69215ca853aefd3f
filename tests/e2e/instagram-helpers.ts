// What a user sees of Reply Radar on the Instagram fixture, read the way the page contract documents it.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const BRAND_POST = 'https://www.instagram.com/p/DEMOpost1/';
export const SECOND_POST = 'https://www.instagram.com/p/DEMOpost2/';
export const SOMEONE_POST = 'https://www.instagram.com/p/OTHERpost/';
export const BRAND_REEL = 'https://www.instagram.com/reel/DEMOreel1/';
export const BRAND_PROFILE = 'https://www.instagram.com/acme.coffee/';

export interface RowSeen {
  /** data-rr-id of the element Reply Radar stamped. */
  id: string | null;
  /** The comment id its own timestamp link names (what data-rr-id must match). */
  ownId: string | null;
  state: string | null;
  postedAt: string | null;
  datetime: string | null;
  precision: string | null;
  text: string;
  hasBadge: boolean;
}

/** Every stamped element and what it shows. */
export function stampedRows(page: Page): Promise<RowSeen[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-rr-id]')].map((el) => {
      const time = el.querySelector('a[href*="/c/"] time');
      const href = time?.closest('a')?.getAttribute('href') ?? '';
      return {
        id: el.getAttribute('data-rr-id'),
        ownId: /\/c\/(?:\d+\/r\/)?(\d+)\/?$/.exec(href)?.[1] ?? null,
        state: el.getAttribute('data-rr-state'),
        postedAt: el.getAttribute('data-rr-posted-at'),
        datetime: time?.getAttribute('datetime') ?? null,
        precision: el.getAttribute('data-rr-precision'),
        text: el.textContent ?? '',
        hasBadge: !!el.querySelector('rr-badge')?.shadowRoot,
      };
    }),
  );
}

/** The state Reply Radar gave the comment whose text holds `words`. */
export async function stateOf(page: Page, words: string): Promise<string | null | undefined> {
  const rows = await stampedRows(page);
  return rows.find((r) => r.text.includes(words))?.state;
}

export function panelAttr(page: Page, name: 'data-rr-unanswered' | 'data-rr-health'): Promise<string | null> {
  return page.locator('reply-radar').getAttribute(name);
}

export async function expectUnanswered(page: Page, count: number): Promise<void> {
  await expect.poll(() => panelAttr(page, 'data-rr-unanswered'), { timeout: 10_000 }).toBe(String(count));
}

export async function panelText(page: Page): Promise<string> {
  return (await page.locator('reply-radar section.rr-root').first().textContent()) ?? '';
}

/** The stamped comment element whose text holds `words`. */
export function commentRow(page: Page, words: string): Locator {
  return page.locator('[data-rr-id]').filter({ hasText: words }).first();
}

export async function badgeText(row: Locator): Promise<string> {
  return (await row.locator('rr-badge div.rr-root').first().textContent()) ?? '';
}

/** What React's state holds in the composer (the fixture registers its model, not the DOM). */
export function composerText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const registry = (window as unknown as { __rrEditorText?: Record<string, () => string> }).__rrEditorText;
    return registry?.['ig-comment']?.() ?? '';
  });
}

/** Instagram's Post button: enabled only while React's state holds text. */
export function postEnabled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const button = [...document.querySelectorAll('form [role="button"]')].find((b) => b.textContent === 'Post');
    return !!button && button.getAttribute('aria-disabled') !== 'true';
  });
}

/** A comment arriving after load, through the fixture's hooks (tests/e2e/fixtures/src/instagram/app.tsx). */
export function addComment(page: Page, comment: { handle: string; text: string; parentId?: string }): Promise<string> {
  return page.evaluate(
    (c) => (window as unknown as { __rrIG: { addComment(c: object): string } }).__rrIG.addComment(c),
    comment,
  );
}

/** Client-side navigation, like clicking an in-app link; marks the window so a reload would show. */
export function navigateInApp(page: Page, path: string): Promise<void> {
  return page.evaluate((p) => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
    (window as unknown as { __rrIG: { navigate(p: string): void } }).__rrIG.navigate(p);
  }, path);
}

export function notReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
}
