// What a user sees of Reply Radar on the X fixture, read through the shared driver (Chromium and Firefox).
import { expect } from 'vitest';
import type { DriverPage } from '../driver';

export const BRAND_POST = 'https://x.com/acme/status/1790000000000000001';
export const SECOND_POST = 'https://x.com/acme/status/1790000000000000002';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openX(page: DriverPage): Promise<void> {
  await page.waitFor(() => document.querySelector('reply-radar') !== null);
}

/** Scrolls top to bottom as a person would (X mounts only rows near the viewport); text start → state seen. */
export async function statesWhileScrolling(page: DriverPage): Promise<Map<string, string | null>> {
  const seen = new Map<string, string | null>();
  const collect = async () => {
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('article[data-testid="tweet"]')].map((article) => {
        const text = [...article.querySelectorAll('[data-testid="tweetText"]')]
          .filter((t) => !t.closest('div[role="link"]'))
          .map((t) => t.textContent ?? '')
          .join(' ');
        return [text, article.getAttribute('data-rr-state')] as [string, string | null];
      }),
    );
    for (const [text, state] of rows) if (text) seen.set(text, state);
  };
  await page.evaluate(() => window.scrollTo(0, 0));
  // Start once the overlay has read the first rows (a loaded machine may need a moment).
  await page.waitFor(() => document.querySelector('article[data-rr-state]') !== null);
  for (let step = 0; step < 80; step++) {
    await sleep(120);
    await collect();
    const atBottom = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.6);
      return window.scrollY === before;
    });
    if (atBottom) break;
  }
  await sleep(300);
  await collect();
  return seen;
}

export function stateOf(seen: Map<string, string | null>, textStart: string): string | null | undefined {
  for (const [text, state] of seen) if (text.startsWith(textStart)) return state;
  return undefined;
}

export function panelAttr(page: DriverPage, name: 'data-rr-unanswered' | 'data-rr-health'): Promise<string | null> {
  return page.evaluate((n) => document.querySelector('reply-radar')?.getAttribute(n) ?? null, name);
}

export async function expectUnanswered(page: DriverPage, count: number): Promise<void> {
  await expect.poll(() => panelAttr(page, 'data-rr-unanswered'), { timeout: 10_000 }).toBe(String(count));
}

/** Scrolls until the reply starting with `textStart` is mounted and in view. */
export async function scrollToReply(page: DriverPage, textStart: string): Promise<void> {
  for (let step = 0; step < 60; step++) {
    const found = await page.evaluate((start) => {
      const article = [...document.querySelectorAll('article[data-testid="tweet"]')].find((a) =>
        [...a.querySelectorAll('[data-testid="tweetText"]')].some((t) => (t.textContent ?? '').startsWith(start)),
      );
      article?.scrollIntoView({ block: 'center' });
      return !!article;
    }, textStart);
    if (found) return;
    await page.evaluate((by) => window.scrollBy(0, by), step < 30 ? 300 : -300);
    await sleep(80);
  }
  throw new Error(`No reply starting with "${textStart}" on the page`);
}

/** Clicks a button of the badge on the reply starting with `textStart` (page contract: data-rr-action). */
export async function clickBadgeAction(
  page: DriverPage,
  textStart: string,
  action: 'reply' | 'templates' | 'done' | 'snooze',
): Promise<void> {
  await scrollToReply(page, textStart);
  await page.click(
    ([start, act]) => {
      const article = [...document.querySelectorAll('article[data-testid="tweet"]')].find((a) =>
        [...a.querySelectorAll('[data-testid="tweetText"]')].some((t) => (t.textContent ?? '').startsWith(start)),
      );
      const root = article?.querySelector('rr-badge')?.shadowRoot;
      // The page contract's data-rr-action, else the button's visible word ("Reply to Anna", "Templates for Anna").
      return (
        root?.querySelector(`[data-rr-action="${act}"]`) ??
        [...(root?.querySelectorAll('button') ?? [])].find((b) =>
          (b.textContent ?? '').trim().toLowerCase().startsWith(act),
        )
      );
    },
    [textStart, action] as const,
  );
}

/** The words the badge on the reply starting with `textStart` shows. */
export function badgeText(page: DriverPage, textStart: string): Promise<string> {
  return page.evaluate((start) => {
    const article = [...document.querySelectorAll('article[data-testid="tweet"]')].find((a) =>
      [...a.querySelectorAll('[data-testid="tweetText"]')].some((t) => (t.textContent ?? '').startsWith(start)),
    );
    return article?.querySelector('rr-badge')?.shadowRoot?.querySelector('.rr-root')?.textContent ?? '';
  }, textStart);
}

/** The text in the Draft editor's own state (ContentState), not its DOM. */
export function draftText(page: DriverPage, name = 'x-reply'): Promise<string> {
  return page.evaluate((n) => {
    const registry = (window as unknown as { __rrEditorText?: Record<string, () => string> }).__rrEditorText;
    return registry?.[n]?.() ?? '';
  }, name);
}

export function sendButtonEnabled(page: DriverPage): Promise<boolean> {
  return page.evaluate(() => {
    const button = document.querySelector('[role="dialog"] [data-testid="tweetButton"]');
    return !!button && !button.hasAttribute('disabled') && button.getAttribute('aria-disabled') !== 'true';
  });
}

/** Replies X shows under the post whose text starts with `textStart` (sending would add one). */
export function repliesWithText(page: DriverPage, textStart: string): Promise<number> {
  return page.evaluate(
    (start) =>
      [...document.querySelectorAll('article [data-testid="tweetText"]')].filter((t) =>
        (t.textContent ?? '').startsWith(start),
      ).length,
    textStart,
  );
}

export function replyDialogText(page: DriverPage): Promise<string> {
  return page.evaluate(() => document.querySelector('[role="dialog"][aria-modal="true"]')?.textContent ?? '');
}

export async function closeReplyDialog(page: DriverPage): Promise<void> {
  await page.click(() => document.querySelector('[role="dialog"] [data-testid="app-bar-close"]'));
  await page.waitFor(() => document.querySelector('[role="dialog"][aria-modal="true"]') === null);
}
