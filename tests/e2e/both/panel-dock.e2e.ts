// The queue panel never covers the reply box the user types in, nor the site's send button beside it: on Instagram
// and Facebook, whose composers sit at the bottom right of the post at 1280×800, it moves to the other corner or floats
// above the box. On X, where nothing is in its way, it stays in the bottom right corner.
import { afterEach, expect, test } from 'vitest';
import { type DriverPage, forEachBrowser } from '../driver';
import { DEMO, openFacebook, setFacebookBrand } from './facebook-page';
import { BRAND_POST, openInstagram } from './instagram-page';
import { BRAND_POST as X_POST } from './x-page';

interface Overlap {
  /** What the pointer would hit at the centre and both ends of the reply box, and on the send button. */
  hits: string[];
  side: string | null;
}

/** Who gets the pointer at the box's centre and ends and at the send button: the site, or our panel. */
function hitsAround(page: DriverPage, boxSelector: string, sendText: string | null): Promise<Overlap> {
  return page.evaluate(
    ({ boxSelector, sendText }) => {
      const box = document.querySelector(boxSelector);
      const panel = document.querySelector('reply-radar');
      if (!box || !panel) return { hits: ['missing'], side: null };
      const r = box.getBoundingClientRect();
      const y = r.top + r.height / 2;
      const points: [number, number][] = [
        [r.left + 4, y],
        [r.left + r.width / 2, y],
        [r.right - 4, y],
      ];
      const send = sendText
        ? [...document.querySelectorAll('[role="button"], button')].find((b) => b.textContent?.trim() === sendText)
        : (box.parentElement?.querySelector('[role="button"]') ?? null);
      if (send) {
        const s = send.getBoundingClientRect();
        points.push([s.left + s.width / 2, s.top + s.height / 2]);
      }
      const hits = points.map(([x, py]) => (document.elementFromPoint(x, py) === panel ? 'panel' : 'site'));
      return { hits, side: panel.getAttribute('data-rr-side') };
    },
    { boxSelector, sendText },
  );
}

forEachBrowser((driver) => {
  const pages: DriverPage[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test('Instagram: typing in the composer, the panel leaves the composer and its Post button uncovered', async () => {
    const page = await driver().newPage(BRAND_POST);
    pages.push(page);
    await openInstagram(page);
    await page.click(() => document.querySelector('textarea'));
    await expect
      .poll(() => hitsAround(page, 'textarea', 'Post'), { timeout: 5_000 })
      .toEqual({ hits: ['site', 'site', 'site', 'site'], side: expect.any(String) });
  });

  test('Facebook: typing a comment, the panel leaves the box and its send button uncovered', async () => {
    await setFacebookBrand(driver(), ['Acme Coffee']);
    const page = await driver().newPage(DEMO);
    pages.push(page);
    await openFacebook(page);
    const composer = '[role="dialog"] [role="textbox"][data-lexical-editor="true"]';
    await page.click((s) => document.querySelector(s), composer);
    await expect
      .poll(() => hitsAround(page, composer, null), { timeout: 5_000 })
      .toMatchObject({ hits: ['site', 'site', 'site', 'site'] });
  });

  test('X: nothing in the way, the panel stays in the bottom right corner', async () => {
    const page = await driver().newPage(X_POST);
    pages.push(page);
    await page.waitFor(() => document.querySelector('reply-radar')?.getAttribute('data-rr-side'));
    const where = await page.evaluate(() => {
      const r = document.querySelector('reply-radar')?.getBoundingClientRect();
      return r
        ? {
            right: Math.round(document.documentElement.clientWidth - r.right),
            bottom: Math.round(document.documentElement.clientHeight - r.bottom),
          }
        : null;
    });
    expect(where).toEqual({ right: 16, bottom: 16 });
  });
});
