// The extension around the overlay, in Chromium and Firefox: its options page and storage reach open tabs, and an
// update (reload) under an open page leaves nothing of the old content script behind.
import { afterEach, expect, test } from 'vitest';
import { type DriverPage, forEachBrowser } from '../driver';
import { BRAND_POST, clickBadgeAction, draftText, expectUnanswered, openX, SECOND_POST } from './x-page';

forEachBrowser((driver, browser) => {
  const pages: DriverPage[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => {});
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test('a template created on the options page is offered on an open X tab without reloading it', async () => {
    const x = await driver().newPage(BRAND_POST);
    pages.push(x);
    await openX(x);
    await x.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });

    const options = await driver().openExtensionPage('options.html');
    pages.push(options);
    const field = (name: string) => document.querySelector(`[data-testid="template-form"] [name="${name}"]`);
    await options.fill(field, 'Vienna opening', 'title');
    await options.fill(field, 'Hi {first_name},\n\nwe open in Vienna in the spring!', 'body');
    await options.fill(field, 'vienna', 'shortcut');
    await options.select(field, 'en', 'language');
    await options.click(() => document.querySelector('[data-testid="template-save"]'));
    await options.waitFor(() =>
      [...document.querySelectorAll('[data-testid="template-row"]')].some((row) =>
        (row.textContent ?? '').includes('Vienna opening'),
      ),
    );

    await x.bringToFront();
    await clickBadgeAction(x, 'Honestly the old autumn blend', 'templates');
    // The picker lives in one of our shadow roots (its pop-up layer).
    const inPicker = (selector: string) => {
      for (const host of document.querySelectorAll('rr-layer, rr-badge')) {
        const found = host.shadowRoot?.querySelector(selector);
        if (found) return found;
      }
      return null;
    };
    await x.click(inPicker, '[role="combobox"][aria-label="Search templates"]');
    await x.type('vienna');
    await x.click(
      () =>
        [...document.querySelectorAll('rr-layer, rr-badge')]
          .flatMap((host) => [...(host.shadowRoot?.querySelectorAll('[role="option"]') ?? [])])
          .find((option) => (option.textContent ?? '').includes('Vienna opening')),
      undefined,
    );
    // Through the content script and the page-world bridge into Draft.js: the blank line between paragraphs survives.
    await expect.poll(() => draftText(x)).toBe('Hi Tom,\n\nwe open in Vienna in the spring!');
    expect(await x.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    // The picker and the insertion are deferred code the background injected into our isolated world: the page's
    // own script sees none of what it shares or leaves there.
    expect(
      await x.evaluate(() =>
        ['__replyRadarShared', '__replyRadarActions', 'overlayActions'].filter((k) => k in window),
      ),
    ).toEqual([]);
  });

  test('reloading the extension under an open page leaves no trace of the old content script', async () => {
    const page = await driver().newPage(SECOND_POST);
    pages.push(page);
    await openX(page);
    await expectUnanswered(page, 2);
    expect(await page.evaluate(() => document.querySelectorAll('rr-badge').length)).toBeGreaterThan(0);

    await driver().reloadExtension();
    // The next change on the page wakes the old script, which finds its extension gone.
    await page.evaluate(() =>
      (window as unknown as { __rrX: { addReply(r: object): string } }).__rrX.addReply({
        handle: 'late_customer',
        name: 'Late Customer',
        text: 'Are you open on Sunday?',
      }),
    );
    const marks = () =>
      page.evaluate(() => ({
        panels: document.querySelectorAll('reply-radar').length,
        badges: document.querySelectorAll('rr-badge').length,
        stamped: document.querySelectorAll('[data-rr-state]').length,
        doubled: [...document.querySelectorAll('article')].filter((a) => a.querySelectorAll('rr-badge').length > 1)
          .length,
      }));
    if (browser === 'chromium') {
      // Chrome leaves the old script running, without its extension: it takes everything it drew away.
      await expect.poll(marks, { timeout: 10_000 }).toEqual({ panels: 0, badges: 0, stamped: 0, doubled: 0 });
    } else {
      // Firefox silences the old script and runs the new one on the open page at once: it replaces what the old one
      // drew, so there is one panel and one badge per comment, and the new reply is counted.
      await expectUnanswered(page, 3);
      await expect
        .poll(async () => {
          const { panels, badges, stamped, doubled } = await marks();
          return { panels, doubled, badgePerComment: badges === stamped };
        })
        .toEqual({ panels: 1, doubled: 0, badgePerComment: true });
    }
    expect(page.pageErrors).toEqual([]);
  });
});
