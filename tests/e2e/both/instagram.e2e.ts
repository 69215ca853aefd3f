// Instagram in Chromium and Firefox: the built extension on the routed www.instagram.com fixture, whose composer is a
// React-controlled textarea. What a community manager sees and what React's state registers; nothing is posted.
import { afterEach, expect, test } from 'vitest';
import { type DriverPage, forEachBrowser } from '../driver';
import {
  BRAND_POST,
  badgeText,
  clickOnComment,
  composerText,
  expectUnanswered,
  openInstagram,
  panelAttr,
  postEnabled,
  postedCount,
  stampedRows,
  stateOf,
  textareaValue,
} from './instagram-page';

forEachBrowser((driver) => {
  const pages: DriverPage[] = [];
  async function open(url: string): Promise<DriverPage> {
    const page = await driver().newPage(url);
    pages.push(page);
    await openInstagram(page);
    return page;
  }
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    // One test's errors are reported by that test only.
    expect(driver().errors.splice(0)).toEqual([]);
  });

  test('marks every unanswered customer comment of the post and counts them', async () => {
    const page = await open(BRAND_POST);
    await expectUnanswered(page, 15);
    expect(await panelAttr(page, 'data-rr-health')).toBe('incomplete');
    expect(await stateOf(page, 'Mikor lesz kapható Budapesten?')).toBe('unanswered');
    expect(await stateOf(page, '@acme.coffee my order #4821 never arrived')).toBe('unanswered');
    expect(await stateOf(page, 'Thanks for all the love')).toBe('brand');
    const rows = await stampedRows(page);
    // The caption is the post, and "6 comments on Facebook" is not a comment: neither is stamped.
    expect(rows.some((r) => r.text.includes('Our autumn blend is back'))).toBe(false);
    expect(rows.some((r) => r.text.includes('comments on Facebook'))).toBe(false);
    expect(rows.length).toBe(16);
    for (const row of rows) expect(row.id).toBe(`instagram:${row.ownId}`);
    expect(rows.filter((r) => r.state === 'unanswered').length).toBe(15);
  });

  test('one click on Reply keeps Instagram’s @mention, fills the template after it, React holds it, nothing posted', async () => {
    const page = await open(BRAND_POST);
    await expectUnanswered(page, 15);
    const before = await postedCount(page);
    const alex = '@acme.coffee my order #4821 never arrived';
    await clickOnComment(page, alex, 'badge-reply');
    await expect.poll(() => composerText(page)).toMatch(/^@alex\.r \S/);
    const text = await composerText(page);
    expect(text.match(/alex\.r/g)).toHaveLength(1);
    expect(text).not.toMatch(/\{(first_name|name|handle|brand|agent|cursor)\}/);
    expect(await textareaValue(page)).toBe(text);
    expect(await postEnabled(page)).toBe(true);
    await expect.poll(() => badgeText(page, alex)).toMatch(/Inserted/);
    expect(await postedCount(page)).toBe(before);
  });

  test('after Instagram’s own Reply, Alt+1 fills template 1 into the composer for that comment', async () => {
    const page = await open(BRAND_POST);
    await expectUnanswered(page, 15);
    const before = await postedCount(page);
    const sofia = '¿Tienen opción sin lactosa?';
    await clickOnComment(page, sofia, 'instagram-reply');
    await expect.poll(() => composerText(page)).toBe('@sofia.garcia ');
    await page.press('Alt+Digit1');
    await expect.poll(() => composerText(page)).toMatch(/^@sofia\.garcia \S/);
    const text = await composerText(page);
    expect(text.match(/sofia\.garcia/g)).toHaveLength(1);
    expect(text).not.toMatch(/\{(first_name|name|handle|brand|agent|cursor)\}/);
    expect(await textareaValue(page)).toBe(text);
    expect(await postEnabled(page)).toBe(true);
    await expect.poll(() => badgeText(page, sofia)).toMatch(/Inserted/);
    expect(await postedCount(page)).toBe(before);
  });
});
