// The site as an adversary on Facebook and Instagram, in Chromium and Firefox (X: x-hostile-page.e2e.ts): what its
// scripts can make Reply Radar do by forging input (nothing), and what its users' words become in our UI and in the
// reply we fill (text, never markup or template syntax). Comments arrive after load through the fixtures' hooks
// (window.__rrFB / window.__rrIG.addComment), as on the live sites.
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type DriverPage, forEachBrowser } from '../driver';
import * as fb from './facebook-page';
import * as ig from './instagram-page';
import { forgeInput, readableText, storedData } from './page-probes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What each site's fixture and helpers give the tests below. */
interface Site {
  name: 'facebook' | 'instagram';
  url: string;
  /** Unanswered comments on `url` at load. */
  unanswered: number;
  /** An unanswered comment's words, for a person's own click. */
  waiting: string;
  open(page: DriverPage): Promise<void>;
  /** A comment arriving after load, by `who`, saying `text`. */
  add(page: DriverPage, who: string, text: string): Promise<unknown>;
  clickBadge(page: DriverPage, words: string, action: 'reply' | 'done'): Promise<void>;
  badgeText(page: DriverPage, words: string): Promise<string>;
  /** What the editor's own model holds in every reply box of the page, empty ones left out. */
  replies(page: DriverPage): Promise<string[]>;
}

const SITES: Site[] = [
  {
    name: 'facebook',
    url: fb.DEMO,
    unanswered: 10,
    waiting: 'Pumpkin Spice Mocha Dream',
    open: fb.openFacebook,
    add: (page, name, text) =>
      page.evaluate(
        ([n, t]) =>
          (window as unknown as { __rrFB: { addComment(c: object): string } }).__rrFB.addComment({
            name: n,
            profile: '/zoe.hostile',
            text: t,
            lang: 'en',
          }),
        [name, text] as const,
      ),
    clickBadge: fb.clickBadgeAction,
    badgeText: fb.badgeText,
    replies: fb.replyModels,
  },
  {
    name: 'instagram',
    url: ig.BRAND_POST,
    unanswered: 15,
    waiting: 'Mikor lesz kapható Budapesten?',
    open: ig.openInstagram,
    add: (page, handle, text) =>
      page.evaluate(
        ([h, t]) =>
          (window as unknown as { __rrIG: { addComment(c: object): string } }).__rrIG.addComment({
            handle: h,
            text: t,
          }),
        [handle, text] as const,
      ),
    clickBadge: ig.clickBadgeAction,
    badgeText: ig.badgeText,
    replies: async (page) => [await ig.composerText(page)].filter((text) => text.trim() !== ''),
  },
];

const pickerOpen = () =>
  [...document.querySelectorAll('rr-layer, rr-badge')].some(
    (host) => !!host.shadowRoot?.querySelector('[data-rr-picker]'),
  );

const unansweredOf = (page: DriverPage) =>
  page.evaluate(() => document.querySelector('reply-radar')?.getAttribute('data-rr-unanswered') ?? null);

async function expectUnanswered(page: DriverPage, count: number): Promise<void> {
  await expect.poll(() => unansweredOf(page), { timeout: 10_000 }).toBe(String(count));
}

forEachBrowser((driver) => {
  beforeAll(async () => {
    await fb.setFacebookBrand(driver(), ['acme']);
  });
  const pages: DriverPage[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    expect(driver().errors.splice(0)).toEqual([]);
  });

  for (const site of SITES) {
    describe(site.name, () => {
      async function open(): Promise<DriverPage> {
        const page = await driver().newPage(site.url);
        pages.push(page);
        await site.open(page);
        await expectUnanswered(page, site.unanswered);
        return page;
      }

      test('names and comments holding markup, template syntax and control characters stay literal text everywhere', async () => {
        const page = await open();
        // Facebook shows a person's name as written; Instagram shows the @handle, which Instagram limits to letters,
        // digits, '.' and '_' (so it holds no markup there): one that names an Object.prototype key instead.
        const name =
          site.name === 'facebook'
            ? 'Zoë<img/src=x/onerror=window.__rrPwned=1><b>B</b>{name}{{x}}\u202Ez\u200B'
            : '__proto__';
        const shownName =
          site.name === 'facebook' ? 'Zoë<img/src=x/onerror=window.__rrPwned=1><b>B</b>{name}{{x}}' : name;
        const words =
          'Is it <b>vegan</b>? <img src=x onerror="window.__rrPwned=2"> {first_name} {{x}} \u202Egnp.exe\u202C ok?';
        const literal = '<b>vegan</b>? <img src=x onerror="window.__rrPwned=2"> {first_name} {{x}}';
        await site.add(page, name, words);
        await expectUnanswered(page, site.unanswered + 1);

        const ours = () =>
          page.evaluate(() => {
            const roots = [...document.querySelectorAll('reply-radar, rr-badge, rr-layer')].flatMap((host) =>
              host.shadowRoot ? [host.shadowRoot] : [],
            );
            const comment = [...document.querySelectorAll('[data-rr-id]')].find(
              (el) =>
                (el.textContent ?? '').includes('gnp.exe') &&
                !el.querySelector('[data-rr-id]') &&
                !el.closest('[aria-hidden="true"]'),
            );
            return {
              state: comment?.getAttribute('data-rr-state') ?? null,
              panel: document.querySelector('reply-radar')?.shadowRoot?.textContent ?? '',
              // What the badge shows and what a screen reader says of it (the name is in its aria-labels).
              badge: [
                comment?.querySelector('rr-badge')?.shadowRoot?.textContent ?? '',
                ...[...(comment?.querySelector('rr-badge')?.shadowRoot?.querySelectorAll('[aria-label]') ?? [])].map(
                  (el) => el.getAttribute('aria-label'),
                ),
              ].join('\n'),
              // Elements page text could have become: none of ours is an img or b.
              elements: roots.reduce((n, root) => n + root.querySelectorAll('img, b, [onerror]').length, 0),
              pwned: (window as unknown as { __rrPwned?: number }).__rrPwned ?? null,
            };
          });
        const seen = await ours();
        expect(seen.state).toBe('unanswered');
        expect(seen.panel).toContain(shownName);
        expect(seen.panel).toContain(literal);
        expect(seen.badge).toContain(shownName);
        expect(seen.elements).toBe(0);
        expect(seen.pwned).toBeNull();

        await site.clickBadge(page, 'Is it <b>vegan</b>?', 'reply');
        await expect.poll(() => site.replies(page), { timeout: 10_000 }).toHaveLength(1);
        const [reply = ''] = await site.replies(page);
        // The name goes in as written: its {name} and {{x}} are not filled again, its markup is text; nothing of the
        // comment's own words is taken for a template's.
        expect(reply).toContain(shownName);
        if (site.name === 'facebook') expect(reply.split('{name}').length - 1).toBe(1);
        expect(reply).not.toMatch(/\{(first_name|handle|brand|agent|cursor|platform|post_url)\}/);
        expect(reply).not.toContain('gnp.exe');
        const after = await ours();
        expect(after.elements).toBe(0);
        expect(after.pwned).toBeNull();
      });

      // Last: its person's click marks a comment done, which stays for the rest of this browser's run.
      test('keys, clicks, custom events and messages forged by page script change nothing and show nothing', async () => {
        const page = await open();
        const before = await storedData(driver());
        const badgesBefore = await page.evaluate(() => document.querySelectorAll('rr-badge').length);
        expect(badgesBefore).toBeGreaterThan(0);

        const marker = 'FORGED-7431';
        await forgeInput(page, marker, site.name, `${site.name}:1790000000000000101`);

        // Nothing should happen; give a wrongly accepted event time to reach the background and the page.
        await sleep(1500);
        expect(await page.evaluate(pickerOpen)).toBe(false);
        expect(await page.evaluate(() => document.querySelector('[data-rr-current]'))).toBeNull();
        expect(await readableText(page)).not.toContain(marker);
        expect(await site.replies(page)).toEqual([]);
        // The response log records what the overlay saw of the page (first seen, answered): not the page's doing.
        const { responseLog: _seen, ...after } = await storedData(driver());
        const { responseLog: _seenBefore, ...expected } = before;
        expect(after).toEqual(expected);

        // Still running (no teardown): the panel and badges are there and a person's own click still works.
        expect(await page.evaluate(() => document.querySelectorAll('reply-radar').length)).toBe(1);
        expect(await page.evaluate(() => document.querySelectorAll('rr-badge').length)).toBe(badgesBefore);
        expect(await unansweredOf(page)).toBe(String(site.unanswered));
        await site.clickBadge(page, site.waiting, 'done');
        await expectUnanswered(page, site.unanswered - 1);
        await expect
          .poll(async () => (await storedData(driver())).commentStates.length)
          .toBe(before.commentStates.length + 1);
        expect(await site.badgeText(page, site.waiting)).not.toContain(marker);
      });
    });
  }
});
