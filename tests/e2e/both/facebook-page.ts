// What a user sees of Reply Radar on the Facebook fixture, read through the shared driver (Chromium and Firefox).
import { expect } from 'vitest';
import type { Driver, DriverPage } from '../driver';

export const DEMO = 'https://www.facebook.com/acme/posts/pfbid0demo';

type Local = {
  get(k: string): Promise<Record<string, { brand?: Record<string, string[]> } | undefined>>;
  set(v: object): Promise<void>;
};

/** The brand's Facebook identities in the extension's settings (Facebook names no acting account to adopt). */
export async function setFacebookBrand(driver: Driver, brand: string[]): Promise<void> {
  await driver.evaluateInExtension(async (list) => {
    const g = globalThis as unknown as {
      browser?: { storage: { local: Local } };
      chrome: { storage: { local: Local } };
    };
    const local = (g.browser ?? g.chrome).storage.local;
    const { settings } = await local.get('settings');
    const current = settings?.brand ?? { x: [], facebook: [], instagram: [] };
    await local.set({ settings: { ...settings, brand: { ...current, facebook: list } } });
  }, brand);
}

export async function openFacebook(page: DriverPage): Promise<void> {
  await page.waitFor(() => document.querySelector('reply-radar') !== null);
}

export function panelAttr(page: DriverPage, name: 'data-rr-unanswered' | 'data-rr-health'): Promise<string | null> {
  return page.evaluate((n) => document.querySelector('reply-radar')?.getAttribute(n) ?? null, name);
}

export async function expectUnanswered(page: DriverPage, count: number): Promise<void> {
  await expect.poll(() => panelAttr(page, 'data-rr-unanswered'), { timeout: 10_000 }).toBe(String(count));
}

export function panelText(page: DriverPage): Promise<string> {
  return page.evaluate(
    () => document.querySelector('reply-radar')?.shadowRoot?.querySelector('section.rr-root')?.textContent ?? '',
  );
}

/** An attribute of the comment whose text starts with `start`, outside the aria-hidden feed behind the dialog. */
export function commentAttr(page: DriverPage, start: string, name: string): Promise<string | null> {
  return page.evaluate(
    ([s, n]) => {
      const article = [...document.querySelectorAll('[role="article"][aria-label]')].find(
        (a) =>
          !a.closest('[aria-hidden="true"]') &&
          [...a.querySelectorAll('[lang]')].some((l) => (l.textContent ?? '').includes(s)),
      );
      return article?.getAttribute(n) ?? null;
    },
    [start, name] as const,
  );
}

export const stateOf = (page: DriverPage, start: string) => commentAttr(page, start, 'data-rr-state');

/** Clicks a button of the badge on the comment whose text starts with `start` (page contract: data-rr-action). */
export async function clickBadgeAction(
  page: DriverPage,
  start: string,
  action: 'reply' | 'templates' | 'done' | 'snooze',
): Promise<void> {
  await page.click(
    ([s, act]) => {
      const article = [...document.querySelectorAll('[role="article"][aria-label]')].find(
        (a) =>
          !a.closest('[aria-hidden="true"]') &&
          [...a.querySelectorAll('[lang]')].some((l) => (l.textContent ?? '').includes(s)),
      );
      return article?.querySelector('rr-badge')?.shadowRoot?.querySelector(`[data-rr-action="${act}"]`);
    },
    [start, action] as const,
  );
}

/** The words the badge on the comment whose text holds `start` shows (its screen-reader words included). */
export function badgeText(page: DriverPage, start: string): Promise<string> {
  return page.evaluate((s) => {
    const article = [...document.querySelectorAll('[role="article"][aria-label]')].find(
      (a) =>
        !a.closest('[aria-hidden="true"]') &&
        [...a.querySelectorAll('[lang]')].some((l) => (l.textContent ?? '').includes(s)),
    );
    return article?.querySelector('rr-badge')?.shadowRoot?.textContent ?? '';
  }, start);
}

/** What Lexical's editor state holds for a fixture box (its model, not the DOM). */
export function lexicalText(page: DriverPage, name: string): Promise<string> {
  return page.evaluate((n) => {
    const registry = (window as unknown as { __rrEditorText?: Record<string, () => string> }).__rrEditorText;
    return registry?.[n]?.() ?? '';
  }, name);
}

/** The text Lexical holds in every non-empty reply box on the page (the fixture registers them as fb-reply-…). */
export function replyModels(page: DriverPage): Promise<string[]> {
  return page.evaluate(() =>
    Object.entries((window as unknown as { __rrEditorText?: Record<string, () => string> }).__rrEditorText ?? {})
      .filter(([name]) => name.startsWith('fb-reply-'))
      .map(([, text]) => text())
      .filter((text) => text.trim() !== ''),
  );
}

/** The mention chips each Facebook reply box's Lexical model holds (a name Facebook prefilled), boxes with none left out. */
export function replyMentions(page: DriverPage): Promise<string[][]> {
  return page.evaluate(() =>
    Object.entries(
      (window as unknown as { __rrEditorMentions?: Record<string, () => string[]> }).__rrEditorMentions ?? {},
    )
      .filter(([name]) => name.startsWith('fb-reply-'))
      .map(([, mentions]) => mentions())
      .filter((mentions) => mentions.length > 0),
  );
}

/** Clicks Facebook's own Reply under the comment whose text starts with `start` (not Reply Radar's). */
export async function clickOwnReply(page: DriverPage, start: string): Promise<void> {
  await page.click((s) => {
    const article = [...document.querySelectorAll('[role="article"][aria-label]')].find(
      (a) =>
        !a.closest('[aria-hidden="true"]') &&
        [...a.querySelectorAll('[lang]')].some((l) => (l.textContent ?? '').includes(s)),
    );
    return [...(article?.querySelectorAll('[role="button"]') ?? [])].find(
      (b) => b.closest('[role="article"]') === article && b.textContent?.trim() === 'Reply',
    );
  }, start);
}

export interface ReplyBox {
  /** The editor's DOM text, whitespace collapsed. */
  shown: string;
  /** Facebook's send control next to the box is enabled. */
  sendEnabled: boolean;
}

/** The Lexical reply box labelled "Reply to <name>", or null while it is not open. */
export function replyBox(page: DriverPage, name: string): Promise<ReplyBox | null> {
  return page.evaluate((n) => {
    const box = [...document.querySelectorAll('[role="textbox"][data-lexical-editor="true"]')].find(
      (b) => b.getAttribute('aria-label') === `Reply to ${n}`,
    );
    if (!box) return null;
    let send = box.nextElementSibling;
    while (send && send.getAttribute('role') !== 'button') send = send.nextElementSibling;
    return {
      shown: (box.textContent ?? '').replace(/\s+/g, ' ').trim(),
      sendEnabled: !!send && send.getAttribute('aria-disabled') === null,
    };
  }, name);
}

/** Comments on the page holding `words` (sending a reply would add one). */
export function articlesWithText(page: DriverPage, words: string): Promise<number> {
  return page.evaluate(
    (w) => [...document.querySelectorAll('[role="article"]')].filter((a) => (a.textContent ?? '').includes(w)).length,
    words,
  );
}

/** The commenter's name on the comment Alt+J made current. */
export function currentCommenter(page: DriverPage): Promise<string> {
  return page.evaluate(
    () =>
      document
        .querySelector('[data-rr-current]')
        ?.querySelector('a[aria-hidden="false"], a[tabindex="0"]')
        ?.textContent?.trim() ?? '',
  );
}
