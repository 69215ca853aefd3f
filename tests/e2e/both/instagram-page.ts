// What a user sees of Reply Radar on the Instagram fixture, read through the shared driver (Chromium and Firefox).
import { expect } from 'vitest';
import type { DriverPage } from '../driver';

export const BRAND_POST = 'https://www.instagram.com/p/DEMOpost1/';

export async function openInstagram(page: DriverPage): Promise<void> {
  await page.waitFor(() => document.querySelector('reply-radar') !== null);
}

export function panelAttr(page: DriverPage, name: 'data-rr-unanswered' | 'data-rr-health'): Promise<string | null> {
  return page.evaluate((n) => document.querySelector('reply-radar')?.getAttribute(n) ?? null, name);
}

export async function expectUnanswered(page: DriverPage, count: number): Promise<void> {
  await expect.poll(() => panelAttr(page, 'data-rr-unanswered'), { timeout: 10_000 }).toBe(String(count));
}

export interface RowSeen {
  id: string | null;
  /** The comment id its own timestamp link names (what data-rr-id must match). */
  ownId: string | null;
  state: string | null;
  text: string;
}

/** Every stamped element and what it shows. */
export function stampedRows(page: DriverPage): Promise<RowSeen[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-rr-id]')].map((el) => {
      const href = el.querySelector('a[href*="/c/"] time')?.closest('a')?.getAttribute('href') ?? '';
      return {
        id: el.getAttribute('data-rr-id'),
        ownId: /\/c\/(?:\d+\/r\/)?(\d+)\/?$/.exec(href)?.[1] ?? null,
        state: el.getAttribute('data-rr-state'),
        text: el.textContent ?? '',
      };
    }),
  );
}

/** The state Reply Radar gave the comment whose text holds `words`. */
export async function stateOf(page: DriverPage, words: string): Promise<string | null | undefined> {
  return (await stampedRows(page)).find((r) => r.text.includes(words))?.state;
}

/**
 * Clicks, on the stamped comment whose text holds `words`, either a button of Reply Radar's badge (page contract:
 * data-rr-action) or Instagram's own "Reply".
 */
export async function clickOnComment(page: DriverPage, words: string, what: 'badge-reply' | 'instagram-reply') {
  await page.click(
    ([w, kind]) => {
      const row = [...document.querySelectorAll('[data-rr-id]')].find((el) => (el.textContent ?? '').includes(w));
      if (kind === 'badge-reply')
        return row?.querySelector('rr-badge')?.shadowRoot?.querySelector('[data-rr-action="reply"]');
      return [...(row?.querySelectorAll('[role="button"], button') ?? [])].find(
        (b) => (b.textContent ?? '').trim() === 'Reply',
      );
    },
    [words, what] as const,
  );
}

/** Clicks a button of the badge on the stamped comment whose text holds `words` (page contract: data-rr-action). */
export async function clickBadgeAction(page: DriverPage, words: string, action: 'reply' | 'templates' | 'done') {
  await page.click(
    ([w, act]) =>
      [...document.querySelectorAll('[data-rr-id]')]
        .find((el) => (el.textContent ?? '').includes(w))
        ?.querySelector('rr-badge')
        ?.shadowRoot?.querySelector(`[data-rr-action="${act}"]`),
    [words, action] as const,
  );
}

/** The words the badge on the comment whose text holds `words` shows. */
export function badgeText(page: DriverPage, words: string): Promise<string> {
  return page.evaluate((w) => {
    const row = [...document.querySelectorAll('[data-rr-id]')].find((el) => (el.textContent ?? '').includes(w));
    return row?.querySelector('rr-badge')?.shadowRoot?.querySelector('div.rr-root')?.textContent ?? '';
  }, words);
}

/** What React's state holds in the composer (the fixture registers its model, not the DOM). */
export function composerText(page: DriverPage): Promise<string> {
  return page.evaluate(() => {
    const registry = (window as unknown as { __rrEditorText?: Record<string, () => string> }).__rrEditorText;
    return registry?.['ig-comment']?.() ?? '';
  });
}

export function textareaValue(page: DriverPage): Promise<string | null> {
  return page.evaluate(() => document.querySelector('textarea')?.value ?? null);
}

/** Instagram's Post button: enabled only while React's state holds text. */
export function postEnabled(page: DriverPage): Promise<boolean> {
  return page.evaluate(() => {
    const button = [...document.querySelectorAll('form [role="button"]')].find((b) => b.textContent === 'Post');
    return !!button && button.getAttribute('aria-disabled') !== 'true';
  });
}

/** Posted comments (each has its own timestamp link); posting would add one. */
export function postedCount(page: DriverPage): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('a[href*="/c/"] time').length);
}
