// Type-to-expand in Chromium and Firefox, in the real editors the three fixtures run: ";ty" then Space or Tab
// becomes the template whose shortcut is "ty" (the starter set's thanks), filled for the comment being answered;
// one Ctrl+Z brings back the typed shortcut; inside a word nothing happens. What the editor's model holds is read.
import { afterEach, beforeAll, expect, test } from 'vitest';
import { type DriverPage, forEachBrowser } from '../driver';
import { currentCommenter, DEMO, openFacebook, replyModels, setFacebookBrand } from './facebook-page';
import { clickOnComment, composerText, BRAND_POST as INSTAGRAM_POST, openInstagram } from './instagram-page';
import { draftText, openX, panelAttr, replyDialogText, BRAND_POST as X_POST } from './x-page';

/** The English starter template with the shortcut "ty", for someone called `first`. */
const thanksFor = (first: string) =>
  new RegExp(`^Thank you so much for the kind words and for sharing, ${first}! Comments like yours`);

forEachBrowser((driver) => {
  const pages: DriverPage[] = [];
  async function open(url: string, ready: (page: DriverPage) => Promise<void>): Promise<DriverPage> {
    const page = await driver().newPage(url);
    pages.push(page);
    await ready(page);
    return page;
  }
  beforeAll(async () => {
    await setFacebookBrand(driver(), ['acme']);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test('X (Draft.js): ;ty then Space expands for the comment answered, Ctrl+Z brings back ;ty', async () => {
    const page = await open(X_POST, openX);
    await expect.poll(() => panelAttr(page, 'data-rr-unanswered')).toMatch(/^[1-9]/);
    await page.press('Alt+KeyJ');
    await page.waitFor(() => document.querySelector('[data-rr-current]') !== null);
    await page.press('Alt+KeyR');
    await expect.poll(() => replyDialogText(page)).toMatch(/Replying to/);
    const handle = (await replyDialogText(page)).match(/@(\w+)/)?.[1] ?? '';
    expect(handle).not.toBe('');
    await page.type(';ty');
    await expect.poll(() => draftText(page)).toBe(';ty');
    await page.type(' ');
    await expect.poll(() => draftText(page)).toMatch(/^Thank you so much for the kind words/);
    const text = await draftText(page);
    expect(text).not.toMatch(/;ty|\{first_name\}/);
    // Filled for the customer the box answers, not for the post's author.
    expect(text).not.toMatch(/Acme/);
    await page.press('Control+KeyZ');
    await expect.poll(() => draftText(page)).toBe(';ty');
  });

  test('Facebook (Lexical): ;ty then Tab expands in the reply box, Ctrl+Z brings back ;ty', async () => {
    const page = await open(DEMO, openFacebook);
    await page.press('Alt+KeyJ');
    await page.waitFor(() => document.querySelector('[data-rr-current]') !== null);
    const name = await currentCommenter(page);
    await page.press('Alt+KeyR');
    await page.waitFor(
      (n) =>
        [...document.querySelectorAll('[role="textbox"][data-lexical-editor="true"]')].some(
          (b) => b.getAttribute('aria-label') === `Reply to ${n}` && b.contains(document.activeElement),
        ),
      name,
    );
    await page.type(';ty');
    await expect.poll(() => replyModels(page)).toEqual([';ty']);
    await page.press('Tab');
    await expect.poll(() => replyModels(page)).toEqual([expect.stringMatching(thanksFor(name.split(/\s+/)[0] ?? ''))]);
    await page.press('Control+KeyZ');
    await expect.poll(() => replyModels(page)).toEqual([';ty']);
  });

  test('Instagram (React textarea): inside a word nothing happens; after a blank ;ty expands, Ctrl+Z undoes it', async () => {
    const page = await open(INSTAGRAM_POST, openInstagram);
    await clickOnComment(page, '¿Tienen opción sin lactosa?', 'instagram-reply');
    await expect.poll(() => composerText(page)).toBe('@sofia.garcia ');
    // Inside a word the shortcut is text like any other, and Space types a blank.
    await page.type('a;ty');
    await page.type(' ');
    await expect.poll(() => composerText(page)).toBe('@sofia.garcia a;ty ');
    await page.type(';ty');
    await page.type(' ');
    await expect.poll(() => composerText(page)).toMatch(/^@sofia\.garcia a;ty Thank you so much for the kind words/);
    expect((await composerText(page)).match(/sofia\.garcia/g)).toHaveLength(1);
    await page.press('Control+KeyZ');
    await expect.poll(() => composerText(page)).toBe('@sofia.garcia a;ty ;ty');
  });
});
