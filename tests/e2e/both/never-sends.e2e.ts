// Reply Radar never sends, likes, hides or deletes anything: on each site's fixture, in Chromium and Firefox, every
// click, key and input event that reaches the page during a full session (Reply, another template by key, done,
// snooze by key) is recorded, and the only ones the extension made are opening a reply box and typing into it.
import { afterEach, expect, test } from 'vitest';
import { type Driver, type DriverPage, forEachBrowser } from '../driver';
import {
  DEMO as FACEBOOK_POST,
  articlesWithText as facebookArticlesWithText,
  openFacebook,
  replyModels,
  setFacebookBrand,
} from './facebook-page';
import { composerText, BRAND_POST as INSTAGRAM_POST, openInstagram } from './instagram-page';
import { type PageEvent, recordedEvents, recordPageEvents } from './page-probes';
import { closeReplyDialog, draftText, openX, repliesWithText, BRAND_POST as X_POST } from './x-page';

interface Site {
  name: string;
  url: string;
  open(page: DriverPage): Promise<void>;
  prepare?(driver: Driver): Promise<void>;
  /** What the site's reply editor holds (its own model). */
  replyText(page: DriverPage): Promise<string>;
  /** How many published comments hold `text` (a sent reply would add one). */
  published(page: DriverPage, text: string): Promise<number>;
  /** The site's own control that opens a reply box, as page-probes describes an element. */
  replyOpener: RegExp;
  /** Words of the comment to answer (else the first unanswered one). */
  answer?: string;
  /** Closes the reply box when it covers the conversation (X's modal dialog), with the test's own click. */
  closeReply?(page: DriverPage): Promise<void>;
  /** The control closeReply clicks, as page-probes describes it. */
  closeControl?: RegExp;
}

const SITES: Site[] = [
  {
    name: 'X',
    url: X_POST,
    open: openX,
    replyText: (page) => draftText(page),
    published: (page, text) => repliesWithText(page, text),
    replyOpener: /\[data-testid="reply"\]/,
    closeReply: closeReplyDialog,
    closeControl: /\[data-testid="app-bar-close"\]/,
  },
  {
    name: 'Facebook',
    url: FACEBOOK_POST,
    open: openFacebook,
    prepare: (driver) => setFacebookBrand(driver, ['acme']),
    replyText: async (page) => (await replyModels(page)).join('\n'),
    published: (page, text) => facebookArticlesWithText(page, text),
    replyOpener: /"Reply"$/,
  },
  {
    name: 'Instagram',
    url: INSTAGRAM_POST,
    open: openInstagram,
    answer: '@acme.coffee my order #4821 never arrived',
    replyText: (page) => composerText(page),
    published: (page, text) =>
      page.evaluate(
        (t) => [...document.querySelectorAll('[data-rr-id]')].filter((el) => (el.textContent ?? '').includes(t)).length,
        text,
      ),
    replyOpener: /"Reply"$/,
  },
];

/** The nth unanswered comment's badge button (page contract), for a real click. */
function badgeButton([n, action, first]: readonly [number, string, string?]): Element | null | undefined {
  const own = (el: Element) =>
    [...el.querySelectorAll('rr-badge')].find((badge) => badge.closest('[data-rr-id]') === el);
  const rows = [...document.querySelectorAll('[data-rr-state="unanswered"]')].filter(
    (el) => !el.closest('[aria-hidden="true"]') && own(el),
  );
  // The comment to answer first, when the site's test picks one.
  if (first)
    rows.sort((a, b) => Number((b.textContent ?? '').includes(first)) - Number((a.textContent ?? '').includes(first)));
  const row = rows[n];
  return row ? own(row)?.shadowRoot?.querySelector(`[data-rr-action="${action}"]`) : null;
}

/** The same button's tooltip (self-contained: it runs in the page). */
function badgeButtonTitle([n, action, first]: readonly [number, string, string?]): string {
  const own = (el: Element) =>
    [...el.querySelectorAll('rr-badge')].find((badge) => badge.closest('[data-rr-id]') === el);
  const rows = [...document.querySelectorAll('[data-rr-state="unanswered"]')].filter(
    (el) => !el.closest('[aria-hidden="true"]') && own(el),
  );
  if (first)
    rows.sort((a, b) => Number((b.textContent ?? '').includes(first)) - Number((a.textContent ?? '').includes(first)));
  const row = rows[n];
  return (row && own(row)?.shadowRoot?.querySelector(`[data-rr-action="${action}"]`)?.getAttribute('title')) ?? '';
}

/** The nth unanswered comment's data-rr-id (self-contained: it runs in the page). */
function badgeRowId(n: number): string {
  const rows = [...document.querySelectorAll('[data-rr-state="unanswered"]')].filter(
    (el) =>
      !el.closest('[aria-hidden="true"]') &&
      [...el.querySelectorAll('rr-badge')].some((badge) => badge.closest('[data-rr-id]') === el),
  );
  return rows[n]?.getAttribute('data-rr-id') ?? '';
}

/** Waits until the button has stopped moving (X re-lays out its rows as they mount), so a click lands on it. */
async function untilStill(page: DriverPage, arg: readonly [number, string, string?]): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const where = await page.evaluate(([n, action, first]) => {
      const own = (el: Element) =>
        [...el.querySelectorAll('rr-badge')].find((badge) => badge.closest('[data-rr-id]') === el);
      const rows = [...document.querySelectorAll('[data-rr-state="unanswered"]')].filter(
        (el) => !el.closest('[aria-hidden="true"]') && own(el),
      );
      if (first) {
        rows.sort(
          (a, b) => Number((b.textContent ?? '').includes(first)) - Number((a.textContent ?? '').includes(first)),
        );
      }
      const row = rows[n];
      row?.scrollIntoView({ block: 'center' });
      const box = row && own(row)?.shadowRoot?.querySelector(`[data-rr-action="${action}"]`)?.getBoundingClientRect();
      return box ? `${Math.round(box.top)},${Math.round(box.left)}` : '';
    }, arg);
    if (where && where === last) return;
    last = where;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The badge button of the comment with this data-rr-id (self-contained: it runs in the page). */
function rowButton([id, action]: readonly [string, string]): Element | null | undefined {
  const row = document.querySelector(`[data-rr-id="${id}"]`);
  const badge = row && [...row.querySelectorAll('rr-badge')].find((b) => b.closest('[data-rr-id]') === row);
  return badge?.shadowRoot?.querySelector(`[data-rr-action="${action}"]`);
}

/** untilStill for the comment with this data-rr-id. */
async function untilStillById(page: DriverPage, arg: readonly [string, string]): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const where = await page.evaluate(([id, action]) => {
      const row = document.querySelector(`[data-rr-id="${id}"]`);
      row?.scrollIntoView({ block: 'center' });
      const badge = row && [...row.querySelectorAll('rr-badge')].find((b) => b.closest('[data-rr-id]') === row);
      const box = badge?.shadowRoot?.querySelector(`[data-rr-action="${action}"]`)?.getBoundingClientRect();
      return box ? `${Math.round(box.top)},${Math.round(box.left)}` : '';
    }, arg);
    if (where && where === last) return;
    last = where;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

forEachBrowser((driver) => {
  const pages: DriverPage[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test.each(SITES)('on $name the extension only opens a reply box and types into it', async (site) => {
    await site.prepare?.(driver());
    const page = await driver().newPage(site.url);
    pages.push(page);
    await site.open(page);
    await page.waitFor(() => document.querySelector('[data-rr-state="unanswered"] rr-badge') !== null);
    await recordPageEvents(page);

    // Reply: opens the comment's reply box and fills the suggested template (its tooltip names its Alt number).
    const replyTitle = await page.evaluate(badgeButtonTitle, [0, 'reply', site.answer] as const);
    const suggested = /\(Alt\+(\d)\)/.exec(replyTitle)?.[1];
    await untilStill(page, [0, 'reply', site.answer] as const);
    await page.click(badgeButton, [0, 'reply', site.answer] as const);
    await expect.poll(() => site.replyText(page), { timeout: 10_000 }).not.toBe('');
    const first = await site.replyText(page);
    // Another template by key into the box Reply opened: it replaces what Reply Radar put there.
    await page.press(suggested === '1' ? 'Alt+Digit2' : 'Alt+Digit1');
    await expect.poll(() => site.replyText(page), { timeout: 10_000 }).not.toBe(first);
    const filled = await site.replyText(page);
    expect(await site.published(page, filled.slice(0, 20))).toBe(0);
    // X's reply box is a modal dialog over the conversation: close it as a person would before going on.
    await site.closeReply?.(page);
    // Done with the mouse on another comment, snooze by key on the one Alt+J picks.
    // By id, not by place: scrolling a row into view draws the badges near it, which can shift the places.
    const doneId = await page.evaluate(badgeRowId, 1);
    expect(doneId).not.toBe('');
    await untilStillById(page, [doneId, 'done'] as const);
    await page.click(rowButton, [doneId, 'done'] as const);
    await page.waitFor(
      (id) => document.querySelector(`[data-rr-id="${id}"]`)?.getAttribute('data-rr-state') === 'done',
      doneId,
    );
    await page.press('Alt+KeyJ');
    const current = await page.waitFor(() => document.querySelector('[data-rr-current]')?.getAttribute('data-rr-id'));
    await page.press('Alt+KeyS');
    await page.waitFor(
      (id) => document.querySelector(`[data-rr-id="${id}"]`)?.getAttribute('data-rr-state') === 'snoozed',
      current,
    );

    const events = await recordedEvents(page);
    const made = events.filter((e) => !e.trusted);
    // What the extension made on the site's own controls: only clicks on a Reply control.
    const onSite = made.filter((e) => e.where === 'site');
    expect(onSite.filter((e) => !(e.type === 'click' && site.replyOpener.test(e.target)))).toEqual([]);
    expect(onSite.length).toBeGreaterThanOrEqual(1);
    expect(onSite.length).toBeLessThanOrEqual(2);
    // In the reply box: typing only, never Enter (which sends on these sites) and no form submitted.
    const inEditor = made.filter((e) => e.where === 'editor');
    const typing = new Set(['beforeinput', 'input', 'paste', 'keydown', 'keyup', 'keypress']);
    expect(inEditor.filter((e: PageEvent) => !typing.has(e.type) || /Enter/.test(e.key ?? ''))).toEqual([]);
    expect(events.filter((e) => e.type === 'submit')).toEqual([]);
    // The test's own input went to Reply Radar's UI and keys only: every click it made was on one of our hosts.
    expect(
      events.filter((e) => e.trusted && e.type === 'click' && e.where !== 'ours' && !site.closeControl?.test(e.target)),
    ).toEqual([]);
    // And nothing was published.
    expect(await site.published(page, filled.slice(0, 20))).toBe(0);
    if (!site.closeReply) expect(await site.replyText(page)).toBe(filled);
  });
});
