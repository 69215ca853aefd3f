// Issue 13: the overlay on the X fixture in Bengali and Khmer (badges, queue panel, template picker) and the options
// page in all four languages, as a user sees them: the words are the locale's, nothing spills out of the narrow
// panel, and RR_SHOTS=<dir> keeps the screenshots to look at (glyphs, Khmer line breaks).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, launch } from './harness';
import { badgeAction, picker } from './overlay-helpers';
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

describe.each([
  ['bn', /উত্তর বাকি/, /অপেক্ষায়/],
  ['km', /មិនទាន់ឆ្លើយ/, /រង់ចាំ/],
] as const)('the overlay in %s', (locale, unanswered, waiting) => {
  test('badges, queue and picker speak the language and fit the narrow panel', async () => {
    const options = await chooseLanguage(locale);
    const site = await harness.newPage(BRAND_POST);
    await site.locator('reply-radar').waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => site.locator('reply-radar').getAttribute('lang'), { timeout: 15_000 }).toBe(locale);
    await expect.poll(() => panelText(site), { timeout: 15_000 }).toMatch(unanswered);
    const badge = site.locator('rr-badge div.rr-root[data-state="unanswered"]').first();
    await expect.poll(() => badge.textContent()).toMatch(waiting);
    // Ages in the same language as the words (Chrome's Intl has no Khmer units: ours are used then).
    expect(await badge.textContent()).not.toMatch(/min|hour|day|week/i);
    expect(await panelText(site)).not.toMatch(/\d (min|hours?|days?|weeks?)\b/);
    expect(await clippedInPanel(site)).toEqual([]);
    await shot(site, `overlay-${locale}`);
    const article = site.locator('article:has(rr-badge div.rr-root[data-state="unanswered"])').first();
    await article.scrollIntoViewIfNeeded();
    await badgeAction(article, 'templates').click();
    await picker(site).waitFor();
    expect(await site.locator('rr-layer').getAttribute('lang')).toBe(locale);
    await shot(site, `picker-${locale}`);
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
    await options.close();
  });
});
