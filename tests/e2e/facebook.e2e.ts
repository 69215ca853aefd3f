// Issue 8: Facebook end to end — the built extension in Chromium on the routed facebook.com fixture, which runs the
// real Lexical in its comment and reply boxes. A post dialog over an aria-hidden feed (its own preview comment and
// composer), a permalink page, collapsed threads, "Most relevant", a comment count above what is loaded.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import { badgeRoom } from './overlay-helpers';

const DEMO = 'https://www.facebook.com/acme/posts/pfbid0demo';
const SECOND = 'https://www.facebook.com/acme/posts/pfbid0second';
const OTHER = 'https://www.facebook.com/someone/posts/pfbid0other';
/** The Page's timeline: its posts open their dialog in place, the address stays. */
const PAGE_TIMELINE = 'https://www.facebook.com/acme';
const PERMALINK = 'https://www.facebook.com/permalink.php?story_fbid=122178345602987431&id=100064512398765';

let harness: Harness;

type Local = {
  get(k: string): Promise<Record<string, { brand?: Record<string, string[]> } | undefined>>;
  set(v: object): Promise<void>;
};

/** The brand's Facebook identities in the extension's settings. */
async function setFacebookBrand(brand: string[]): Promise<void> {
  await harness.backgroundWorker.evaluate(async (list) => {
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const { settings } = await local.get('settings');
    const current = settings?.brand ?? { x: [], facebook: [], instagram: [] };
    await local.set({ settings: { ...settings, brand: { ...current, facebook: list } } });
  }, brand);
}

async function facebookBrand(): Promise<string[]> {
  return harness.backgroundWorker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const { settings } = await local.get('settings');
    return settings?.brand?.facebook ?? [];
  });
}

beforeAll(async () => {
  harness = await launch();
  await setFacebookBrand(['acme']);
});
afterAll(async () => {
  await harness?.close();
});

async function open(url: string): Promise<Page> {
  const page = await harness.newPage(url);
  await page.locator('reply-radar').waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

const panel = (page: Page, name: 'data-rr-unanswered' | 'data-rr-health') =>
  page.locator('reply-radar').getAttribute(name);

async function expectUnanswered(page: Page, count: number): Promise<void> {
  await expect.poll(() => panel(page, 'data-rr-unanswered'), { timeout: 10_000 }).toBe(String(count));
}

function panelText(page: Page): Promise<string> {
  return page
    .locator('reply-radar section.rr-root')
    .first()
    .textContent()
    .then((t) => t ?? '');
}

/** The comment article whose text starts with `start`, outside the aria-hidden feed (which previews a comment too). */
function comment(page: Page, start: string) {
  return page
    .locator('[role="article"][aria-label]:not([aria-hidden="true"] *)')
    .filter({ has: page.locator('[lang]', { hasText: start }) })
    .first();
}

/** What Lexical's editor state holds for a fixture box (its model, not the DOM). */
function lexicalText(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => window.__rrEditorText?.[n]?.() ?? '', name);
}

/** The name of the reply box of the thread whose top comment is `id` (the fixture registers it so). */
const replyBoxName = (id: string) => `fb-reply-${id}`;

function stateOf(page: Page, start: string): Promise<string | null> {
  return comment(page, start).getAttribute('data-rr-state');
}

function rrId(page: Page, start: string): Promise<string | null> {
  return comment(page, start).getAttribute('data-rr-id');
}

describe('reading a brand post', () => {
  test('a post dialog: every customer comment the Page has not answered, and nothing else', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    // Answered in the thread, the follow-up after the Page's answer waits again.
    expect(await stateOf(page, 'Mikor lesz kapható Budapesten?')).toBe('answered');
    expect(await stateOf(page, 'Szia Anna!')).toBe('brand');
    expect(await stateOf(page, 'Köszönöm! És lesz belőle zabtejes')).toBe('unanswered');
    // Sibling replies belong to their thread; customers answering each other answer nothing.
    expect(await stateOf(page, 'Honestly the old autumn blend')).toBe('unanswered');
    expect(await stateOf(page, 'Agree, bring back Maple Roast')).toBe('unanswered');
    expect(await stateOf(page, 'Őszi Mámor!')).toBe('answered');
    // "Acme Coffee replied · 2 Replies" names the brand: that collapsed thread is answered.
    expect(await stateOf(page, 'ঢাকায় কবে আসবে?')).toBe('answered');
    expect(await stateOf(page, 'Chai Ember')).toBe('unanswered');
    expect(await stateOf(page, 'Thanks everyone, keep the names coming!')).toBe('brand');

    // The page contract on an unanswered comment; ids from the comment links (numeric and base64 alike).
    const maria = comment(page, 'Pumpkin Spice Mocha Dream');
    expect(await maria.getAttribute('data-rr-state')).toBe('unanswered');
    expect(await maria.getAttribute('data-rr-id')).toMatch(/^facebook:\d{16}$/);
    expect(await maria.getAttribute('data-rr-precision')).toBe('approx');
    const postedAt = Date.parse((await maria.getAttribute('data-rr-posted-at')) ?? '');
    expect(Date.now() - postedAt).toBeGreaterThanOrEqual(45 * 60_000);
    expect(Date.now() - postedAt).toBeLessThan(48 * 60_000);
    expect(await maria.locator('rr-badge div.rr-root').first().textContent()).toMatch(/4[5-7]\s?min/);

    // The hidden copy is not counted twice; the feed behind the dialog is never read.
    expect(await page.locator('[data-rr-id]').count()).toBe(new Set(await idsOnPage(page)).size);
    expect(await page.locator('[aria-hidden="true"] [data-rr-id]').count()).toBe(0);

    // Collapsed replies, "Most relevant" and "N comments" above what is loaded: incomplete, in the page's words.
    expect(await panel(page, 'data-rr-health')).toBe('incomplete');
    const words = await panelText(page);
    expect(words).toContain('View all 3 replies');
    expect(words).toContain('Most relevant');
    expect(words).toMatch(/All comments/);
    expect(words).not.toContain('All answered');
    // A badge on one line fits the room its host held before it was drawn: drawn later, it moves no row below it
    // (in a narrower reply row its buttons may wrap, and then it still grows).
    const room = await badgeRoom(page);
    expect(room.outgrown).toEqual([]);
    expect(room.fit).toBeGreaterThan(5);
    await page.close();
  });

  test('a permalink page (no dialog) reads the same way', async () => {
    const page = await open(PERMALINK);
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    await expectUnanswered(page, 3);
    expect(await stateOf(page, 'Lesz kutyabarát terasz?')).toBe('unanswered');
    expect(await stateOf(page, 'Congrats on the new store!')).toBe('unanswered');
    // "View 1 reply" names nobody: the thread it hides may hold anything.
    expect(await stateOf(page, 'Végre! Hánytól lesztek nyitva?')).toBe('unanswered');
    expect(await panel(page, 'data-rr-health')).toBe('incomplete');
    await page.close();
  });

  test('a comment arriving after load is badged at once', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    const id = await page.evaluate(() =>
      window.__rrFB!.addComment({ name: 'Vienna Fan', profile: '/vienna.fan', text: 'Any plans for Vienna?' }),
    );
    await expect
      .poll(() => page.locator(`[data-rr-id="facebook:${id}"]`).getAttribute('data-rr-state'))
      .toBe('unanswered');
    await expectUnanswered(page, 11);
    await page.close();
  });

  test('"View more comments" adds 50 comments, all read, and "All comments" completes the view', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    const before = await page.locator('[data-rr-id]').count();
    await page.locator('[role="dialog"] [role="button"]', { hasText: 'View more comments' }).click();
    await expect.poll(() => page.locator('[data-rr-id]').count()).toBe(before + 50);
    // Omar, Noah and 46 suggestions wait; Hana's question was answered by the Page.
    await expectUnanswered(page, 58);
    expect(await stateOf(page, 'Will the cups be recyclable')).toBe('answered');
    // Open every thread and switch to All comments: now the page shows all there is.
    await page.evaluate(() => window.__rrFB!.expand());
    const menu = page.locator('[role="dialog"] [role="button"][aria-haspopup="menu"]', { hasText: 'Most relevant' });
    await menu.click();
    await page.getByRole('menuitem', { name: /^All comments/ }).click();
    await expect.poll(() => panel(page, 'data-rr-health')).toBe('ok');
    // Expanded: Rahul's follow-up after the Page's answer waits; Priya's thread was answered by the Page.
    expect(await stateOf(page, 'ধন্যবাদ! কোন এলাকায় হবে?')).toBe('unanswered');
    expect(await stateOf(page, 'Chai Ember')).toBe('answered');
    await page.close();
  });

  test('moves from one post to another without a reload, never mixing their comments', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    const demoIds = new Set(await idsOnPage(page));
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
      window.__rrFB!.navigate('/acme/posts/pfbid0second');
    });
    await expect.poll(() => page.url()).toBe(SECOND);
    await expectUnanswered(page, 3);
    const secondIds = await idsOnPage(page);
    expect(secondIds.length).toBe(3);
    expect(secondIds.some((id) => demoIds.has(id))).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await page.close();
  });

  test('a post dialog opened over the Page without changing the address is read, and ends when it closes', async () => {
    const page = await harness.newPage(PAGE_TIMELINE);
    // The feed alone is no post: no panel, nothing marked (its preview comments are not a conversation).
    await page.locator('[role="feed"]').waitFor();
    const countButton = (i: number) =>
      page
        .locator('[role="feed"] > div')
        .nth(i)
        .getByRole('button', { name: /^\d+ comments?$/ });
    await countButton(0).click();
    expect(page.url()).toBe(PAGE_TIMELINE);
    await expectUnanswered(page, 10);
    expect(await stateOf(page, 'Pumpkin Spice Mocha Dream')).toBe('unanswered');
    expect(await panelText(page)).toMatch(/10/);
    const demoIds = new Set(await idsOnPage(page));
    expect(demoIds.size).toBeGreaterThan(10);
    expect(await page.locator('[aria-hidden="true"] [data-rr-id]').count()).toBe(0);

    // Closing the dialog ends its conversation: no marks, no badges, no panel (never a stale "all answered").
    await page.locator('[role="dialog"] [role="button"][aria-label="Close"]').click();
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-rr-id]').count()).toBe(0);
    await expect.poll(() => page.locator('rr-badge').count()).toBe(0);
    await expect.poll(() => page.locator('reply-radar').count()).toBe(0);
    expect(page.url()).toBe(PAGE_TIMELINE);

    // Another post's dialog starts afresh: only its own comments, none of the first one's ids.
    await countButton(1).click();
    await expectUnanswered(page, 3);
    const secondIds = await idsOnPage(page);
    expect(secondIds.length).toBe(3);
    expect(secondIds.some((id) => demoIds.has(id))).toBe(false);
    expect(await panelText(page)).not.toContain('All answered');
    expect(page.url()).toBe(PAGE_TIMELINE);
    await page.close();
  });

  test('says the page cannot be read when Facebook changes its markup, never "all answered"', async () => {
    const page = await open(SECOND);
    await expectUnanswered(page, 3);
    // Facebook ships new markup: comment links no longer carry their ids.
    await page.evaluate(() => {
      for (const a of document.querySelectorAll('[role="dialog"] [role="article"] a[href]')) a.removeAttribute('href');
    });
    await expect.poll(() => panel(page, 'data-rr-health')).toBe('broken');
    expect(await panelText(page)).not.toContain('All answered');
    expect(await panelText(page)).toMatch(/could not read/);
    await page.close();
  });
});

describe('adopting the post’s author as the brand', () => {
  test('one click in the panel tracks the post at once, without a reload', async () => {
    const page = await open(OTHER);
    await expect.poll(() => panelText(page)).toMatch(/not by your brand/i);
    expect(await page.locator('[data-rr-state]').count()).toBe(0);
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    await page.locator('reply-radar [data-rr-action="adopt-brand"]').click();
    // Leah was answered by the post's author (now a brand identity); Kai waits.
    await expectUnanswered(page, 1);
    expect(await stateOf(page, 'The bakery on the corner')).toBe('unanswered');
    expect(await stateOf(page, 'Acme, no question.')).toBe('answered');
    expect(await stateOf(page, 'Noted, thanks!')).toBe('brand');
    expect(await page.locator('reply-radar [data-rr-action="adopt-brand"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(await facebookBrand()).toEqual(['acme', 'someone']);
    await setFacebookBrand(['acme']);
    await expect.poll(() => page.locator('[data-rr-state]').count()).toBe(0);
    await page.close();
  });
});

describe('answering into Lexical', () => {
  test('one click on Reply opens the comment’s reply box and fills a template Lexical registers', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    const maria = comment(page, 'Pumpkin Spice Mocha Dream');
    const id = ((await rrId(page, 'Pumpkin Spice Mocha Dream')) ?? '').replace('facebook:', '');
    await maria
      .locator('rr-badge')
      .getByRole('button', { name: /^Reply/ })
      .click();
    const box = page.locator(`[role="textbox"][data-lexical-editor="true"][aria-label="Reply to María López 🌻"]`);
    await box.waitFor();
    await expect.poll(() => lexicalText(page, replyBoxName(id)), { timeout: 8_000 }).toMatch(/María/);
    const text = await lexicalText(page, replyBoxName(id));
    expect(text).not.toMatch(/\{first_name\}|\{cursor\}/);
    // Once, not twice: the model holds the template exactly one time.
    expect(text.split('María').length - 1).toBe(1);
    expect((await box.textContent())?.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
    // Facebook's send control is enabled, and nothing was sent.
    expect(await box.locator('xpath=following-sibling::*[@role="button"]').getAttribute('aria-disabled')).toBeNull();
    expect(await page.locator('[role="article"]', { hasText: text.slice(0, 20) }).count()).toBe(0);
    await page.close();
  });

  test('Alt+R opens the current comment’s reply box and Alt+1 fills template 1 for it', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+KeyJ');
    await expect.poll(() => page.locator('[data-rr-current]').count()).toBe(1);
    const current = page.locator('[data-rr-current]');
    const name = (await current.locator('a[aria-hidden="false"], a[tabindex="0"]').first().textContent())?.trim() ?? '';
    await page.keyboard.press('Alt+KeyR');
    const box = page.locator(`[role="textbox"][data-lexical-editor="true"][aria-label="Reply to ${name}"]`);
    await box.waitFor();
    expect(await replyModels(page)).toEqual([]);
    await page.keyboard.press('Alt+Digit1');
    const first = name.split(/\s+/)[0]!;
    await expect
      .poll(() => replyModels(page), { timeout: 8_000 })
      .toEqual([expect.stringMatching(new RegExp(`^Hi ${first}, thanks for flagging this`))]);
    // Lexical's model and the screen agree.
    expect((await box.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      (await replyModels(page))[0]!.replace(/\s+/g, ' ').trim(),
    );
    await page.close();
  });
});

/** Every data-rr-id on the page. */
function idsOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-rr-id]')].map((el) => el.getAttribute('data-rr-id') ?? ''),
  );
}

/** The text Lexical holds in every non-empty reply box on the page (the fixture registers them as fb-reply-…). */
function replyModels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.entries(window.__rrEditorText ?? {})
      .filter(([name]) => name.startsWith('fb-reply-'))
      .map(([, text]) => text())
      .filter((text) => text.trim() !== ''),
  );
}
