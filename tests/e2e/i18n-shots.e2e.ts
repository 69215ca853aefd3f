// Issue 13: the overlay on the X fixture (badges, queue panel, template picker), the options page and the popup in
// all four languages, light and dark, as a user sees them: the words are the locale's, nothing spills out of the narrow
// panel, and RR_SHOTS=<dir> keeps the screenshots to look at (glyphs, Khmer line breaks).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import { badgeAction, badgeRoom, picker } from './overlay-helpers';
import { BRAND_POST, panelText } from './x-helpers';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.RR_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

async function chooseLanguage(locale: string): Promise<Page> {
  const options = await harness.newPage(`chrome-extension://${harness.extensionId}/options.html`);
  await options.selectOption('#language select', locale);
  await expect.poll(() => options.locator('html').getAttribute('lang')).toBe(locale);
  return options;
}

/** Elements of the panel whose text is cut off sideways (wider than their box, with the overflow hidden). */
function clippedInPanel(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('reply-radar')?.shadowRoot;
    if (!root) return ['no panel'];
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      // Visually hidden text for screen readers is a 1px box by design.
      if (style.overflowX === 'visible' || el.clientWidth <= 2) continue;
      if (el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== 'ellipsis') {
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`);
      }
    }
    return out;
  });
}

const OVERLAY_WORDS = {
  en: { unanswered: /unanswered/i, waiting: /Waiting/ },
  hu: { unanswered: /megválaszolatlan/, waiting: /[Vv]ár/ },
  bn: { unanswered: /উত্তর বাকি/, waiting: /অপেক্ষায়/ },
  km: { unanswered: /មិនទាន់ឆ្លើយ/, waiting: /រង់ចាំ/ },
} as const;

describe.each(
  (['en', 'hu', 'bn', 'km'] as const).flatMap((locale) =>
    (['light', 'dark'] as const).map((theme) => [locale, theme] as [typeof locale, typeof theme]),
  ),
)('the overlay in %s, %s theme', (locale, theme) => {
  test('badges, queue and picker speak the language and fit the narrow panel', async () => {
    const { unanswered, waiting } = OVERLAY_WORDS[locale];
    const options = await chooseLanguage(locale);
    const site = await harness.newPage(theme === 'dark' ? `${BRAND_POST}?theme=dark` : BRAND_POST);
    await site.locator('reply-radar').waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => site.locator('reply-radar').getAttribute('lang'), { timeout: 15_000 }).toBe(locale);
    await expect.poll(() => panelText(site), { timeout: 15_000 }).toMatch(unanswered);
    const badge = site.locator('rr-badge div.rr-root[data-state="unanswered"]').first();
    await expect.poll(() => badge.textContent()).toMatch(waiting);
    if (theme === 'dark') expect(await badge.getAttribute('data-theme')).toBe('dark');
    if (locale !== 'en') {
      // Ages in the same language as the words (Chrome's Intl has no Khmer units: ours are used then).
      expect(await badge.textContent()).not.toMatch(/min|hour|day|week/i);
      expect(await panelText(site)).not.toMatch(/\d (min|hours?|days?|weeks?)\b/);
    }
    expect(await clippedInPanel(site)).toEqual([]);
    // Each badge fits the room its host held before it was drawn, in this language's words and line heights: drawn
    // later, near the screen, it moves no row below it.
    const room = await badgeRoom(site);
    expect(room.outgrown).toEqual([]);
    expect(room).toMatchObject({ wrapped: 0 });
    expect(room.fit).toBeGreaterThan(3);
    if (locale === 'km') {
      // Khmer writes no spaces between words: the panel's note still breaks into lines inside its narrow column.
      const note = await site.evaluate(() => {
        const root = document.querySelector('reply-radar')?.shadowRoot;
        const el = root?.querySelector<HTMLElement>('.rr-note li, .rr-note');
        if (!el) return null;
        const lines = new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size;
        const range = document.createRange();
        range.selectNodeContents(el);
        const rows = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        return { rows: Math.max(lines, rows), fits: el.scrollWidth <= el.clientWidth + 1, text: el.textContent ?? '' };
      });
      expect(note?.text).toMatch(/[\u1780-\u17ff]/);
      expect(note?.rows).toBeGreaterThan(1);
      expect(note?.fits).toBe(true);
    }
    await shot(site, `overlay-${locale}-${theme}`);
    const article = site.locator('article:has(rr-badge div.rr-root[data-state="unanswered"])').first();
    await article.scrollIntoViewIfNeeded();
    await badgeAction(article, 'templates').click();
    await picker(site).waitFor();
    expect(await site.locator('rr-layer').getAttribute('lang')).toBe(locale);
    // The picker's key hint names Enter and Esc as the language does (locale files), never English words.
    const hint = (await picker(site).locator('.rr-picker-hint').textContent()) ?? '';
    if (locale === 'bn') expect(hint).toContain('এন্টার');
    if (locale !== 'en') expect(hint).not.toMatch(/inserts|closes|move/);
    await shot(site, `picker-${locale}-${theme}`);
    await site.close();
    await options.close();
  });
});

describe.each(['en', 'hu', 'bn', 'km'])('the options page in %s', (locale) => {
  test('is drawn in that language', async () => {
    const options = await chooseLanguage(locale);
    await options.locator('#templates').waitFor();
    const words = await options.locator('#shortcuts-title').textContent();
    const expected = { en: 'Keyboard shortcuts', hu: 'Billentyűparancsok', bn: 'কিবোর্ড শর্টকাট', km: 'ផ្លូវកាត់ក្ដារចុច' };
    expect(words).toBe(expected[locale as keyof typeof expected]);
    await shot(options, `options-${locale}-top`);
    for (const section of ['templates', 'shortcuts', 'labels']) {
      await options.locator(`#${section}`).scrollIntoViewIfNeeded();
      await options.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }), section);
      await shot(options, `options-${locale}-${section}`);
    }
    await options.emulateMedia({ colorScheme: 'dark' });
    for (const section of ['language', 'shortcuts']) {
      await options.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }), section);
      await shot(options, `options-${locale}-${section}-dark`);
    }
    await options.close();
  });
});

/**
 * Elements of the popup whose words are cut off: wider than their box with the overflow hidden, or reaching past
 * the popup's own right edge (the browser would cut the popup there).
 */
function clippedInPopup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const popup = document.querySelector<HTMLElement>('.rr-popup');
    if (!popup) return ['no popup'];
    const right = popup.getBoundingClientRect().right;
    const out: string[] = [];
    for (const el of popup.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || el.clientWidth <= 2) continue;
      const name = `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`;
      if (box.right > right + 0.5) out.push(`past the edge: ${name}`);
      else if (
        style.overflowX !== 'visible' &&
        el.scrollWidth > el.clientWidth + 1 &&
        style.textOverflow !== 'ellipsis'
      )
        out.push(`cut: ${name}`);
    }
    return out;
  });
}

/** The popup's words that are still English (our own words; site names, keys and handles are the same everywhere). */
const ENGLISH_POPUP_WORDS =
  /\b(unanswered|oldest|waiting|every comment|Watching|Press|Sites|Brand|Keys|Next|Previous|Reply|Done|Snooze|Show or hide|Insert template|not set|Open options|Response times|is off|Turn on|could not|No access)\b/;

/** The few chrome.* calls these tests make from extension pages. */
interface ChromeApi {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    get(id: number): Promise<{ id?: number; url?: string }>;
  };
  permissions: { contains(p: { origins?: string[] }): Promise<boolean> };
}

const POPUP_WORDS = {
  en: { unanswered: /unanswered/, sites: 'Sites' },
  hu: { unanswered: /megválaszolatlan/, sites: 'Oldalak' },
  bn: { unanswered: /উত্তর বাকি/, sites: 'সাইট' },
  km: { unanswered: /មិនទាន់ឆ្លើយ/, sites: 'គេហទំព័រ' },
} as const;

async function popupShot(popup: Page, name: string): Promise<void> {
  const dir = process.env.RR_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await popup.locator('.rr-popup').screenshot({ path: path.join(dir, `${name}.png`) });
}

async function expectPopupReads(popup: Page, locale: keyof typeof POPUP_WORDS): Promise<void> {
  const text = ((await popup.locator('.rr-popup').textContent()) ?? '').replaceAll('Reply Radar', '');
  if (locale !== 'en') expect(text.match(new RegExp(ENGLISH_POPUP_WORDS.source, 'g')) ?? []).toEqual([]);
  expect(await popup.locator('#rr-popup-sites').textContent()).toBe(POPUP_WORDS[locale].sites);
  expect(await clippedInPopup(popup)).toEqual([]);
}

describe.each(['en', 'hu', 'bn', 'km'] as const)('the popup in %s', (locale) => {
  test('working, off, broken and no access: the language’s words and ages, nothing clipped', async () => {
    const options = await chooseLanguage(locale);
    const site = await harness.newPage(BRAND_POST);
    await expect
      .poll(() => site.locator('reply-radar').getAttribute('data-rr-unanswered'), { timeout: 15_000 })
      .toMatch(/^[1-9]/);
    const tabId = await options.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const tabs = await api.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? null;
    }, BRAND_POST);
    expect(tabId).not.toBeNull();
    // The popup's own size: the browser fits its window to the 340px popup.
    const popup = await harness.context.newPage();
    await popup.setViewportSize({ width: 360, height: 900 });
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);

    const status = (kind: string) => popup.locator(`[data-testid="popup-tab"][data-rr-tab-status="${kind}"]`);
    await status('working').waitFor();
    await expect.poll(() => popup.locator('html').getAttribute('lang')).toBe(locale);
    expect(await popup.locator('[data-testid="popup-unanswered"]').textContent()).toMatch(
      POPUP_WORDS[locale].unanswered,
    );
    // The oldest wait in the language's words and digits, not English units.
    const oldest = (await popup.locator('[data-testid="popup-oldest"]').textContent()) ?? '';
    if (locale !== 'en') expect(oldest).not.toMatch(/\b(min|hr|hours?|days?|wks?)\b/);
    if (locale === 'bn') expect(oldest).toMatch(/[০-৯]/);
    // Both panel keys: the in-page one and the browser command as the browser has it.
    expect(await popup.locator('[data-testid="popup-command"] kbd').textContent()).toBe('Alt+Shift+Q');
    await expectPopupReads(popup, locale);
    await popupShot(popup, `popup-${locale}-working`);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await expectPopupReads(popup, locale);
    await popupShot(popup, `popup-${locale}-working-dark`);
    await popup.emulateMedia({ colorScheme: 'light' });

    await popup.locator('[name="popup-site-x"]').click();
    await status('off').waitFor();
    await expectPopupReads(popup, locale);
    await popupShot(popup, `popup-${locale}-off`);
    await status('off').locator('button').click();
    await status('working').waitFor();

    // The page stops being readable (X's status times stripped, as the site could change them): broken, said so.
    await site.evaluate(() => {
      const strip = () => {
        for (const el of document.querySelectorAll('time[datetime]')) el.removeAttribute('datetime');
      };
      strip();
      new MutationObserver(strip).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await popup.locator('[data-testid="popup-health"][data-rr-health="broken"]').waitFor({ timeout: 15_000 });
    await expectPopupReads(popup, locale);
    await popupShot(popup, `popup-${locale}-broken`);
    await popup.close();

    // No access: Chromium cannot withhold an MV3 extension's required host access (Firefox can; its case runs in
    // both/popup.e2e.ts), so the popup is told what Firefox would tell it: the tab's address hidden, X not allowed.
    const denied = await harness.context.newPage();
    await denied.setViewportSize({ width: 360, height: 900 });
    await denied.addInitScript(() => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const get = api.tabs.get.bind(api.tabs);
      api.permissions.contains = async (p) => !(p.origins ?? []).some((o) => /x\.com|twitter\.com/.test(o));
      api.tabs.get = async (id) => ({ ...(await get(id)), url: undefined });
    });
    await denied.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
    await denied.locator('[data-testid="popup-tab"][data-rr-tab-status="no-access"]').waitFor();
    await denied.locator('[data-testid="popup-site-access"]').waitFor();
    await expectPopupReads(denied, locale);
    await popupShot(denied, `popup-${locale}-no-access`);
    await denied.close();
    await site.close();
    await options.close();
  });
});
