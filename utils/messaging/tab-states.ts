// The background's memory of each tab Reply Radar runs in: the last report of its content script, and the toolbar
// badge drawn from it. Kept in storage.session (the browser's memory, never written to disk, gone with the browser
// session) because the MV3 service worker is stopped when idle and would otherwise forget every tab.
import { browser } from 'wxt/browser';
import { type BadgeLook, badgeFor, type TabReport } from '../core/tab-report';

const KEY_PREFIX = 'tab:';

interface Remembered {
  report: TabReport;
  /** The address the report was made on (the browser's, never the page's words): a new address forgets it. */
  url: string | undefined;
}

/** The overlay's pill colours (components/overlay/styles.ts, light theme): background and text. */
export const BADGE_COLOURS: Record<BadgeLook['level'], { bg: string; fg: string }> = {
  ok: { bg: '#dcf5e3', fg: '#116329' },
  warn: { bg: '#fff1cc', fg: '#7a4b00' },
  breach: { bg: '#b42318', fg: '#ffffff' },
};

const keyOf = (tabId: number) => `${KEY_PREFIX}${tabId}`;
/** The storage.session key of a tab's report (the popup listens for changes to it). */
export const tabStorageKey = keyOf;

async function drawBadge(tabId: number, report: TabReport | null): Promise<void> {
  const look = badgeFor(report);
  const colours = BADGE_COLOURS[look.level];
  await browser.action.setBadgeText({ tabId, text: look.text });
  if (!look.text) return;
  await browser.action.setBadgeBackgroundColor({ tabId, color: colours.bg });
  // Older browsers draw the text white; both we support have setBadgeTextColor.
  await browser.action.setBadgeTextColor?.({ tabId, color: colours.fg });
}

/** A content script reported its tab's state. */
export async function rememberTab(tabId: number, report: TabReport, url: string | undefined): Promise<void> {
  const remembered: Remembered = { report, url };
  await browser.storage.session.set({ [keyOf(tabId)]: remembered });
  await drawBadge(tabId, report);
}

/** What the tab's content script last said, or null (none runs there, or it has not said anything yet). */
export async function tabReport(tabId: number): Promise<TabReport | null> {
  const key = keyOf(tabId);
  const stored = (await browser.storage.session.get(key))[key] as Remembered | undefined;
  return stored?.report ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  const key = keyOf(tabId);
  const stored = (await browser.storage.session.get(key))[key] as Remembered | undefined;
  if (!stored) return;
  await browser.storage.session.remove(key);
  // A closed tab has no badge left to clear.
  await drawBadge(tabId, null).catch(() => undefined);
}

/**
 * Forget a tab's report when it closes or loads another document, and when its address changes to one the report
 * was not made on (a single-page app's new view reports again itself, possibly before the browser says it moved).
 * Registered synchronously by the background so a waking event is not missed. Returns the remover.
 */
export function watchTabsForBadges(onError: (err: unknown) => void): () => void {
  const onRemoved = (tabId: number) => void forgetTab(tabId).catch(onError);
  const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
    if (change.url === undefined && change.status !== 'loading') return;
    void (async () => {
      const key = keyOf(tabId);
      const stored = (await browser.storage.session.get(key))[key] as Remembered | undefined;
      if (!stored) return;
      if (change.url !== undefined ? change.url !== stored.url : true) await forgetTab(tabId);
    })().catch(onError);
  };
  browser.tabs.onRemoved.addListener(onRemoved);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.tabs.onRemoved.removeListener(onRemoved);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
