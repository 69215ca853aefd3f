// Facebook in Chromium and Firefox: the built extension on the routed facebook.com fixture, which runs the real
// Lexical in its reply boxes. What a community manager sees and what Lexical's model registers; nothing is sent.
import { afterEach, beforeAll, expect, test } from 'vitest';
import { type DriverPage, forEachBrowser } from '../driver';
import {
  articlesWithText,
  clickBadgeAction,
  clickOwnReply,
  commentAttr,
  currentCommenter,
  DEMO,
  expectUnanswered,
  lexicalText,
  openFacebook,
  panelAttr,
  panelText,
  replyBox,
  replyMentions,
  replyModels,
  setFacebookBrand,
  stateOf,
} from './facebook-page';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

forEachBrowser((driver) => {
  const pages: DriverPage[] = [];
  async function open(url: string): Promise<DriverPage> {
    const page = await driver().newPage(url);
    pages.push(page);
    await openFacebook(page);
    return page;
  }
  beforeAll(async () => {
    await setFacebookBrand(driver(), ['acme']);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    // One test's errors are reported by that test only.
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test('marks the unanswered customer comments of the post and counts them', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    expect(await stateOf(page, 'Mikor lesz kapható Budapesten?')).toBe('answered');
    expect(await stateOf(page, 'Szia Anna!')).toBe('brand');
    expect(await stateOf(page, 'Köszönöm! És lesz belőle zabtejes')).toBe('unanswered');
    expect(await stateOf(page, 'Honestly the old autumn blend')).toBe('unanswered');
    expect(await stateOf(page, 'Agree, bring back Maple Roast')).toBe('unanswered');
    expect(await stateOf(page, 'Őszi Mámor!')).toBe('answered');
    expect(await stateOf(page, 'ঢাকায় কবে আসবে?')).toBe('answered');
    expect(await stateOf(page, 'Chai Ember')).toBe('unanswered');
    expect(await stateOf(page, 'Thanks everyone, keep the names coming!')).toBe('brand');
    expect(await stateOf(page, 'Pumpkin Spice Mocha Dream')).toBe('unanswered');
    expect(await commentAttr(page, 'Pumpkin Spice Mocha Dream', 'data-rr-id')).toMatch(/^facebook:\d{16}$/);
    // The feed behind the dialog is never read.
    expect(await page.evaluate(() => document.querySelectorAll('[aria-hidden="true"] [data-rr-id]').length)).toBe(0);
    expect(await panelAttr(page, 'data-rr-health')).toBe('incomplete');
    expect(await panelText(page)).not.toContain('All answered');
  });

  test('one click on Reply opens the comment’s reply box and fills a template Lexical registers, sending nothing', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    const id = ((await commentAttr(page, 'Pumpkin Spice Mocha Dream', 'data-rr-id')) ?? '').replace('facebook:', '');
    await clickBadgeAction(page, 'Pumpkin Spice Mocha Dream', 'reply');
    await page.waitFor(() =>
      document.querySelector('[role="textbox"][data-lexical-editor="true"][aria-label="Reply to María López 🌻"]'),
    );
    await expect.poll(() => lexicalText(page, `fb-reply-${id}`), { timeout: 8_000 }).toMatch(/María/);
    const text = await lexicalText(page, `fb-reply-${id}`);
    expect(text).not.toMatch(/\{(first_name|name|brand|agent|cursor)\}/);
    // Once, not twice: the model holds the template exactly one time.
    expect(text.split('María').length - 1).toBe(1);
    const box = await replyBox(page, 'María López 🌻');
    expect(box?.shown).toBe(collapse(text));
    expect(box?.sendEnabled).toBe(true);
    expect(await articlesWithText(page, text.slice(0, 20))).toBe(0);
  });

  test('Alt+J picks a comment, Alt+R opens its reply box and Alt+1 fills template 1 into Lexical', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    await page.press('Alt+KeyJ');
    await page.waitFor(() => document.querySelector('[data-rr-current]') !== null);
    const name = await currentCommenter(page);
    expect(name).not.toBe('');
    await page.press('Alt+KeyR');
    await page.waitFor((n) => {
      return [...document.querySelectorAll('[role="textbox"][data-lexical-editor="true"]')].some(
        (b) => b.getAttribute('aria-label') === `Reply to ${n}`,
      );
    }, name);
    expect(await replyModels(page)).toEqual([]);
    await page.press('Alt+Digit1');
    const first = name.split(/\s+/)[0] ?? '';
    await expect
      .poll(() => replyModels(page), { timeout: 8_000 })
      .toEqual([expect.stringMatching(new RegExp(`^Hi ${first}, thanks for flagging this`))]);
    const [text = ''] = await replyModels(page);
    const box = await replyBox(page, name);
    expect(box?.shown).toBe(collapse(text));
    expect(box?.sendEnabled).toBe(true);
    expect(await articlesWithText(page, text.slice(0, 20))).toBe(0);
  });

  test('Facebook’s own Reply on a customer’s reply: Alt+1 fills template 1 for that customer after the mention chip Facebook prefilled, which stays', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    // Replying to a reply, Facebook starts the box with its author as a mention chip.
    await page.evaluate(() => {
      (window as unknown as { __fbMentionOnReply: boolean }).__fbMentionOnReply = true;
    });
    await clickOwnReply(page, 'Köszönöm! És lesz belőle zabtejes');
    await page.waitFor(() =>
      [...document.querySelectorAll('[role="textbox"][data-lexical-editor="true"]')].some(
        (b) => b.getAttribute('aria-label') === 'Reply to Anna Kovács' && b.contains(document.activeElement),
      ),
    );
    await expect.poll(() => replyMentions(page), { timeout: 5_000 }).toEqual([['Anna Kovács']]);
    await page.press('Alt+Digit1');
    await expect
      .poll(() => replyModels(page), { timeout: 8_000 })
      .toEqual([expect.stringMatching(/^Anna Kovács Hi Anna, thanks for flagging this/)]);
    expect(await replyMentions(page)).toEqual([['Anna Kovács']]);
    const [text = ''] = await replyModels(page);
    const box = await replyBox(page, 'Anna Kovács');
    expect(box?.shown).toBe(collapse(text));
    expect(box?.sendEnabled).toBe(true);
    expect(await articlesWithText(page, 'Hi Anna, thanks for flagging')).toBe(0);
  });

  test('one click on Reply for a customer’s reply keeps the mention chip Facebook prefills and fills the template after it', async () => {
    const page = await open(DEMO);
    await expectUnanswered(page, 10);
    await page.evaluate(() => {
      (window as unknown as { __fbMentionOnReply: boolean }).__fbMentionOnReply = true;
    });
    await clickBadgeAction(page, 'Köszönöm! És lesz belőle zabtejes', 'reply');
    await expect
      .poll(() => replyModels(page), { timeout: 8_000 })
      .toEqual([expect.stringMatching(/^Anna Kovács \S.*Anna/)]);
    expect(await replyMentions(page)).toEqual([['Anna Kovács']]);
    const [text = ''] = await replyModels(page);
    // Once, not twice: the template went in one time, after the chip.
    expect(text.split('Anna').length - 1).toBe(2);
    const box = await replyBox(page, 'Anna Kovács');
    expect(box?.shown).toBe(collapse(text));
    expect(box?.sendEnabled).toBe(true);
  });
});
