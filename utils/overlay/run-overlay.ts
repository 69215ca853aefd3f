// The content-script side of Reply Radar, shared by the three sites: settings and templates from the
// extension, one PageSession per page (single-page apps navigate without reloading), the keyboard, and teardown
// when the extension is updated or reloaded (our own lifetime, which the page cannot end: see lifetime.ts).

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Settings } from '../core/settings';
import { sameTabReport, type TabReport } from '../core/tab-report';
import type { Template } from '../core/template';
import { applyLanguageSetting, currentLocale } from '../i18n';
import { loadMessagesThroughBackground } from '../i18n/from-background';
import { call, onTogglePanel, watchLocal } from '../messaging/content-client';
import type { SiteAdapter } from '../sites/types';
import { SETTINGS_LOCAL_KEY, STATES_REVISION_LOCAL_KEY, TEMPLATES_REVISION_LOCAL_KEY } from '../storage/local-keys';
import { matchShortcut } from './keyboard';
import { latestThrottle } from './latest-throttle';
import { removeLeftovers } from './leftovers';
import { createLifetime, watchLocation } from './lifetime';
import { setOverlayCss } from './overlay-css';
import { PageSession, type SessionServices } from './page-session';
import { isTrustedEvent } from './trusted';

const REPORT_INTERVAL_MS = 1_000;

/** `handOver`: what else the site's reader gets from the background before the first page (its word lists). */
export async function runOverlay(
  ctx: ContentScriptContext,
  siteAdapter: SiteAdapter,
  handOver?: () => Promise<void>,
): Promise<void> {
  const adapter = rememberingActingAccount(siteAdapter);
  // Read through the background, which repairs what is stored: the content script carries no settings schema.
  let settings: Settings;
  let templates: Template[] = [];
  let session: PageSession | null = null;
  let pageAbort: AbortController | null = null;
  const lifetime = createLifetime(ctx);
  const onGone = (cb: () => void) => lifetime.signal.addEventListener('abort', cb);
  let reported: TabReport | null = null;
  // The toolbar badge follows the page at most once a second: a busy thread changes the counts with every batch.
  const reportLatest = latestThrottle(
    (report: TabReport) => {
      if (sameTabReport(reported, report) || !lifetime.alive()) return;
      reported = report;
      void call('tab.report', report).catch(() => {
        // Said again at the next draw.
        if (reported === report) reported = null;
      });
    },
    REPORT_INTERVAL_MS,
    lifetime.signal,
  );

  const services: SessionServices = {
    settings: () => settings,
    templates: () => templates,
    // The interface language (chosen in the options, else the browser's): words, ages and numbers follow it.
    get locale() {
      return currentLocale();
    },
    now: () => Date.now(),
    // Also how the overlay notices the extension was reloaded, and then tears everything down.
    alive: () => lifetime.alive(),
    loadManualStates: async (keys) => (await call('states.list', { keys })).items,
    setManualState: async (state) => {
      await call('states.set', state);
    },
    clearManualStates: async (keys) => {
      await call('states.clear', { keys });
    },
    markTemplateUsed: async (id) => {
      await call('templates.markUsed', { id });
    },
    recordResponses: async (comments) => {
      await call('responseLog.record', { comments });
    },
    judgeComments: async (items) => (await call('comments.judge', { items })).judgments,
    saveSettings: async (patch) => {
      settings = { ...settings, ...patch };
      session?.refresh();
      await call('settings.patch', patch);
    },
    reportTab: (report) => reportLatest(report),
  };

  const loadTemplates = async () => {
    try {
      templates = (await call('templates.list', {})).items;
      session?.refresh();
    } catch (error) {
      // The extension was reloaded under us: this script's context is gone; stop quietly.
      if (lifetime.alive()) console.warn('[reply-radar] could not load templates', error);
    }
  };

  const startPage = (url: URL) => {
    pageAbort?.abort();
    pageAbort = new AbortController();
    // A post dialog opened over a page without changing the address (Facebook) gets a session of its own too.
    const shown = adapter.shownPostId
      ? { postId: adapter.shownPostId(document), changed: () => startPage(new URL(location.href)) }
      : null;
    session = new PageSession(adapter, url, services, pageAbort.signal, shown);
  };
  // One listener for the whole script (not one per page, which would keep every old session alive).
  onGone(() => pageAbort?.abort());

  /** A single-page app changed its URL: start afresh only when it now shows another post. */
  const onLocationChange = (url: URL) => {
    const postId = adapter.matchPostPage(url)?.postId ?? null;
    const current = session?.postId ?? null;
    if (current !== null && postId === current) return; // another view of the same post (a photo, a tab)
    if (current !== null && adapter.isOverlayRoute?.(url)) return; // a dialog over the post (X's reply box)
    startPage(url);
  };

  try {
    // What the content script does not bundle (to stay small) comes from the background once.
    const [stored, css] = await Promise.all([call('settings.get', {}), call('ui.styles', {}), handOver?.()]);
    settings = stored;
    setOverlayCss(css);
  } catch (error) {
    // Without settings the overlay cannot tell the brand or the targets: show nothing rather than guess.
    if (lifetime.alive()) console.warn('[reply-radar] could not read the settings', error);
    return;
  }
  loadMessagesThroughBackground();
  await applyLanguageSetting(settings.language);
  if (!lifetime.alive()) return;
  const unwatchSettings = watchLocal(SETTINGS_LOCAL_KEY, () => {
    call('settings.get', {})
      .then((next) => {
        const languageChanged = next.language !== settings.language;
        settings = next;
        session?.refresh();
        // A new interface language applies at once: redraw when its texts are in.
        if (languageChanged) void applyLanguageSetting(next.language).then(() => session?.refresh());
      })
      .catch((error) => {
        if (lifetime.alive()) console.warn('[reply-radar] could not read the settings', error);
      });
  });
  const unwatchTemplates = watchLocal(TEMPLATES_REVISION_LOCAL_KEY, () => void loadTemplates());
  // Another tab marked a comment done or snoozed it: this page learns it without a reload.
  const unwatchStates = watchLocal(STATES_REVISION_LOCAL_KEY, () => session?.reloadManualStates());
  onGone(() => quietly(unwatchSettings, unwatchTemplates, unwatchStates));
  await loadTemplates();
  if (!lifetime.alive()) return;

  removeLeftovers(document);
  startPage(new URL(location.href));
  watchLocation(onLocationChange, lifetime.signal);

  window.addEventListener(
    'keydown',
    (event: KeyboardEvent) => {
      // Page script can dispatch keydown on window: only a person's keys drive the overlay.
      if (!isTrustedEvent(event)) return;
      const action = matchShortcut(event, settings.shortcuts);
      if (!action || !session) return;
      const chord = settings.shortcuts[action];
      const bare = !chord.alt && !chord.ctrl && !chord.meta;
      // A chord re-bound to a plain key must not eat letters typed into a reply box or our search.
      if (bare && isEditable(event.composedPath()[0])) return;
      // Keys that would do nothing here stay with the page (Option+J types "∆" on a Mac).
      if (!session.canRun(action)) return;
      event.preventDefault();
      event.stopPropagation();
      void session.runShortcut(action);
    },
    { capture: true, signal: lifetime.signal },
  );

  const removeMessageListener = onTogglePanel(async () => {
    await session?.runShortcut('togglePanel');
  });
  onGone(() => quietly(removeMessageListener));
}

/**
 * The same adapter, noting once per script which account the page says the user acts as: the first-run setup offers
 * it as a brand account in one click.
 */
function rememberingActingAccount(adapter: SiteAdapter): SiteAdapter {
  const noted = new Set<string>();
  const observed: SiteAdapter = Object.create(adapter);
  observed.read = (...args) => {
    const read = adapter.read(...args);
    const handle = read.actingHandle;
    if (handle && !noted.has(handle)) {
      noted.add(handle);
      void call('accounts.seen', { platform: adapter.platform, handle }).catch(() => undefined);
    }
    return read;
  };
  return observed;
}

function isEditable(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/**
 * Once the extension is gone, its APIs throw "Extension context invalidated" even to remove a listener (which dies
 * with the context anyway): stop quietly, the site must never see our errors.
 */
function quietly(...steps: Array<() => void>): void {
  for (const step of steps) {
    try {
      step();
    } catch {
      // Nothing left to undo.
    }
  }
}
