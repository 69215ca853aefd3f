// The background's per-tab memory and the toolbar badge, on WXT's fake browser (reset before each test).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { TabReport } from '../../../utils/core/tab-report';
import { handleMessage, type Sender } from '../../../utils/messaging/background-handlers';
import { BADGE_COLOURS, tabReport, watchTabsForBadges } from '../../../utils/messaging/tab-states';

const POST = 'https://x.com/acme/status/1';
const report: TabReport = {
  platform: 'x',
  state: 'working',
  unanswered: 4,
  oldestPostedAt: 1_700_000_000_000,
  worst: 'warn',
  health: 'ok',
};

let tabId: number;
let unwatch: () => void;
const contentScript = (url = POST): Sender => ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId } });
const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({ tabId }),
  bg: await fakeBrowser.action.getBadgeBackgroundColor({ tabId }),
});
const rgba = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).concat(255);

beforeEach(async () => {
  tabId = (await fakeBrowser.tabs.create({ url: POST })).id as number;
  unwatch = watchTabsForBadges((err) => {
    throw err;
  });
});
afterEach(() => unwatch());

describe('tab.report', () => {
  it('keeps the report for the sending tab and shows its count, coloured by the worst level', async () => {
    expect(await handleMessage('tab.report', report, contentScript())).toEqual({ ok: true, data: {} });
    expect(await tabReport(tabId)).toEqual(report);
    expect(await badge()).toEqual({ text: '4', bg: rgba(BADGE_COLOURS.warn.bg) });

    await handleMessage('tab.report', { ...report, unanswered: 1, worst: 'breach' }, contentScript());
    expect(await badge()).toEqual({ text: '1', bg: rgba(BADGE_COLOURS.breach.bg) });
  });

  it('clears the badge when the page says Reply Radar is off or shows no post', async () => {
    await handleMessage('tab.report', report, contentScript());
    await handleMessage(
      'tab.report',
      { ...report, state: 'off', unanswered: 0, oldestPostedAt: null },
      contentScript(),
    );
    expect((await badge()).text).toBe('');
  });

  it('refuses page words and anything off the schema, and a message from no tab', async () => {
    const withText = { ...report, oldestText: 'Hacked' };
    expect(await handleMessage('tab.report', withText, contentScript())).toMatchObject({ ok: false });
    expect(await handleMessage('tab.report', { ...report, state: 'owned' }, contentScript())).toMatchObject({
      ok: false,
    });
    expect(await handleMessage('tab.report', { ...report, unanswered: -1 }, contentScript())).toMatchObject({
      ok: false,
    });
    const noTab = { id: fakeBrowser.runtime.id, url: POST };
    expect(await handleMessage('tab.report', report, noTab)).toMatchObject({ ok: false });
    expect(await handleMessage('tab.report', report, { ...contentScript(), id: 'another-extension' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await tabReport(tabId)).toBeNull();
    expect((await badge()).text).toBe('');
  });

  it('forgets the tab when it closes', async () => {
    await handleMessage('tab.report', report, contentScript());
    // (The fake browser's tabs.remove trips over its own window lookup; the event is what the background hears.)
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { isWindowClosing: false, windowId: 1 });
    await expect.poll(() => tabReport(tabId)).toBeNull();
  });

  it('forgets the tab when it navigates away, not when the report already came from the new address', async () => {
    await handleMessage('tab.report', report, contentScript());
    // A single-page app's new view reported before the browser announced the new address: kept.
    const next = 'https://x.com/acme/status/2';
    await handleMessage('tab.report', { ...report, unanswered: 2 }, contentScript(next));
    await fakeBrowser.tabs.update(tabId, { url: next });
    expect((await tabReport(tabId))?.unanswered).toBe(2);
    expect((await badge()).text).toBe('2');

    await fakeBrowser.tabs.update(tabId, { url: 'https://example.com/' });
    await expect.poll(() => tabReport(tabId)).toBeNull();
    expect((await badge()).text).toBe('');
  });

  it('forgets the tab when it loads a new document at the same address (a reload)', async () => {
    await handleMessage('tab.report', report, contentScript());
    await fakeBrowser.tabs.update(tabId, { status: 'loading' } as never);
    await expect.poll(() => tabReport(tabId)).toBeNull();
    expect((await badge()).text).toBe('');
  });
});
