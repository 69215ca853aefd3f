// The site as an adversary, in Chromium and Firefox on the X fixture: what its scripts can read of Reply Radar (no
// template text until the user opens the picker), what they can make it do by forging input (nothing), and what its
// users' words become in our UI (text, never markup or template syntax).
import { afterEach, expect, test } from 'vitest';
import { type DriverPage, forEachBrowser } from '../driver';
import { forgeInput, literalPart, readableText, storedData } from './page-probes';
import {
  BRAND_POST,
  badgeText,
  clickBadgeAction,
  draftText,
  expectUnanswered,
  openX,
  panelAttr,
  SECOND_POST,
  statesWhileScrolling,
} from './x-page';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StoredTemplate {
  title: string;
  body: string;
  deletedAt?: number;
}

/** True when any open shadow root of ours holds the open template picker (self-contained: it runs in the page). */
const pickerOpen = () =>
  [...document.querySelectorAll('rr-layer, rr-badge')].some(
    (host) => !!host.shadowRoot?.querySelector('[data-rr-picker]'),
  );
const pickerClosed = () =>
  ![...document.querySelectorAll('rr-layer, rr-badge')].some(
    (host) => !!host.shadowRoot?.querySelector('[data-rr-picker]'),
  );

forEachBrowser((driver) => {
  const pages: DriverPage[] = [];
  async function open(url: string): Promise<DriverPage> {
    const page = await driver().newPage(url);
    pages.push(page);
    await openX(page);
    return page;
  }
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test('no template text is in the page (or our shadow roots) until the user opens the picker, none after it closes', async () => {
    const templates = ((await storedData(driver())).templates as StoredTemplate[]).filter(
      (t) => t.deletedAt === undefined,
    );
    const bodies = templates.map((t) => literalPart(t.body)).filter((part) => part.length >= 15);
    expect(bodies.length).toBeGreaterThan(5);
    const page = await open(BRAND_POST);
    // Every reply mounted once, so every badge the page will get has been drawn.
    await statesWhileScrolling(page);
    await expectUnanswered(page, 24);

    const count = (text: string, part: string) => text.split(part).length - 1;
    const leaked = async () => {
      const text = await readableText(page);
      // Titles only where a badge's Reply names what it inserts (README: privacy), nowhere else.
      const tooltips = await page.evaluate(() =>
        [...document.querySelectorAll('rr-badge')]
          .map((badge) => badge.shadowRoot?.querySelector('[data-rr-action="reply"]')?.getAttribute('title') ?? '')
          .join('\n'),
      );
      return {
        bodies: bodies.filter((part) => text.includes(part)),
        titles: templates.map((t) => t.title).filter((title) => count(text, title) > count(tooltips, title)),
      };
    };
    expect(await leaked()).toEqual({ bodies: [], titles: [] });

    await clickBadgeAction(page, 'Honestly the old autumn blend', 'templates');
    await page.waitFor(pickerOpen);
    // The check can see template text when it is there: the open picker lists titles and previews.
    const shown = await leaked();
    expect(shown.bodies.length).toBeGreaterThan(0);
    expect(shown.titles.length).toBeGreaterThan(0);

    await page.press('Escape');
    await page.waitFor(pickerClosed);
    expect(await leaked()).toEqual({ bodies: [], titles: [] });
  });

  test('keys, clicks, custom events and messages forged by page script change nothing and show nothing', async () => {
    const page = await open(SECOND_POST);
    await expectUnanswered(page, 2);
    const before = await storedData(driver());
    const badgesBefore = await page.evaluate(() => document.querySelectorAll('rr-badge').length);
    expect(badgesBefore).toBeGreaterThan(0);

    const marker = 'FORGED-7431';
    await forgeInput(page, marker, 'x', 'x:1790000000000000101');

    // Nothing should happen; give a wrongly accepted event time to reach the background and the page.
    await sleep(1500);
    expect(await page.evaluate(pickerOpen)).toBe(false);
    expect(await page.evaluate(() => document.querySelector('[data-rr-current]'))).toBeNull();
    expect(await readableText(page)).not.toContain(marker);
    expect(await draftText(page)).toBe('');
    // The response log records what the overlay saw of the page (first seen, answered): that is not the page's doing.
    const { responseLog: _seen, ...after } = await storedData(driver());
    const { responseLog: _seenBefore, ...expected } = before;
    expect(after).toEqual(expected);

    // Still running (no teardown): the panel and badges are there and a person's own click still works.
    expect(await page.evaluate(() => document.querySelectorAll('reply-radar').length)).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('rr-badge').length)).toBe(badgesBefore);
    expect(await panelAttr(page, 'data-rr-unanswered')).toBe('2');
    const target = await page.evaluate(
      () => document.querySelector('article[data-rr-state="unanswered"] [data-testid="tweetText"]')?.textContent ?? '',
    );
    await clickBadgeAction(page, target.slice(0, 20), 'done');
    await expectUnanswered(page, 1);
    await expect
      .poll(async () => ((await storedData(driver())).commentStates as unknown[]).length)
      .toBe((before.commentStates as unknown[]).length + 1);
    expect(await badgeText(page, target.slice(0, 20))).not.toContain(marker);
  });

  test('names and comments holding markup, template syntax and control characters stay literal text everywhere', async () => {
    const page = await open(SECOND_POST);
    await page.waitFor(() => document.querySelector('article[data-rr-state] rr-badge') !== null);
    const before = Number(await panelAttr(page, 'data-rr-unanswered'));
    // One word (no spaces) with a digit: Reply Radar greets by the whole name, so all of it reaches the reply.
    const name = 'Zoë<img/src=x/onerror=window.__rrPwned=1><b>B</b>{name}{{x}}\u202Ez\u200B';
    const shownName = 'Zoë<img/src=x/onerror=window.__rrPwned=1><b>B</b>{name}{{x}}';
    const words =
      'Is it <b>vegan</b>? <img src=x onerror="window.__rrPwned=2"> {first_name} {{x}} \u202Egnp.exe\u202C ok?';
    await page.evaluate(
      ([n, w]) =>
        (window as unknown as { __rrX: { addReply(r: object): string } }).__rrX.addReply({
          handle: 'zoe_hostile',
          name: n,
          text: w,
        }),
      [name, words] as const,
    );
    await expect.poll(() => panelAttr(page, 'data-rr-unanswered')).toBe(String(before + 1));

    const ours = () =>
      page.evaluate(() => {
        const roots = [...document.querySelectorAll('reply-radar, rr-badge, rr-layer')].flatMap((host) =>
          host.shadowRoot ? [host.shadowRoot] : [],
        );
        const panel = document.querySelector('reply-radar')?.shadowRoot?.textContent ?? '';
        const badgeRoot = [...document.querySelectorAll('article[data-rr-state]')]
          .find((a) => (a.textContent ?? '').includes('gnp.exe'))
          ?.querySelector('rr-badge')?.shadowRoot;
        // What the badge shows and what a screen reader says of it (the name is in its buttons' aria-labels).
        const labels = [...(badgeRoot?.querySelectorAll('[aria-label]') ?? [])].map((el) =>
          el.getAttribute('aria-label'),
        );
        const badge = [badgeRoot?.textContent ?? '', ...labels].join('\n');
        return {
          panel,
          badge,
          // Elements page text could have become: none of ours is an img or b.
          elements: roots.reduce((n, root) => n + root.querySelectorAll('img, b, [onerror]').length, 0),
          pwned: (window as unknown as { __rrPwned?: number }).__rrPwned ?? null,
        };
      });
    const seen = await ours();
    expect(seen.panel).toContain(shownName);
    expect(seen.panel).toContain('<b>vegan</b>? <img src=x onerror="window.__rrPwned=2"> {first_name} {{x}}');
    expect(seen.badge).toContain(shownName);
    expect(seen.elements).toBe(0);
    expect(seen.pwned).toBeNull();

    await clickBadgeAction(page, 'Is it <b>vegan</b>?', 'reply');
    await expect.poll(() => draftText(page), { timeout: 10_000 }).not.toBe('');
    const reply = await draftText(page);
    // The name goes in once and as written: its {name} and {{x}} are not filled again, its markup is text.
    expect(reply).toContain(shownName);
    expect(reply.split('{name}').length - 1).toBe(1);
    expect(reply).not.toMatch(/\{(first_name|handle|brand|agent|cursor|platform|post_url)\}/);
    const after = await ours();
    expect(after.elements).toBe(0);
    expect(after.pwned).toBeNull();
  });
});
