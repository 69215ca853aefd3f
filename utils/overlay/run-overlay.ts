// The content-script side of Reply Radar, shared by the three sites: settings and templates from the
// extension, one PageSession per page (single-page apps navigate without reloading), the keyboard, and teardown
// when the extension is updated or reloaded (WXT's ctx).

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { Template } from '../core/template';
import { call, onTogglePanel } from '../messaging/client';
import type { SiteAdapter } from '../sites/types';
import { watchStatesRevision, watchTemplatesRevision } from '../storage/revisions';
import { readSettings, watchSettings, writeSettings } from '../storage/settings';
import { matchShortcut } from './keyboard';
import { PageSession, type SessionServices } from './page-session';

export async function runOverlay(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  let settings: Settings = DEFAULT_SETTINGS;
  let templates: Template[] = [];
  let session: PageSession | null = null;
  let pageAbort: AbortController | null = null;

  const services: SessionServices = {
    settings: () => settings,
    templates: () => templates,
    locale: browser.i18n?.getUILanguage?.() || navigator.language || 'en',
    now: () => Date.now(),
    loadManualStates: async (keys) => (await call('states.list', { keys })).items,
    setManualState: async (state) => {
      await call('states.set', state);
    },
    markTemplateUsed: async (id) => {
      await call('templates.markUsed', { id });
    },
    saveSettings: async (patch) => {
      settings = { ...settings, ...patch };
      session?.refresh();
      await writeSettings(patch);
    },
  };

  const loadTemplates = async () => {
    try {
      templates = (await call('templates.list', {})).items;
      session?.refresh();
    } catch (error) {
      // The extension was reloaded under us: this script's context is gone; stop quietly.
      if (ctx.isValid) console.warn('[reply-radar] could not load templates', error);
    }
  };

  const startPage = () => {
    pageAbort?.abort();
    pageAbort = new AbortController();
    const abortPage = pageAbort;
    ctx.onInvalidated(() => abortPage.abort());
    session = new PageSession(adapter, new URL(location.href), services, pageAbort.signal);
  };

  settings = await readSettings();
  if (ctx.isInvalid) return;
  const unwatchSettings = watchSettings((next) => {
    settings = next;
    session?.refresh();
  });
  const unwatchTemplates = watchTemplatesRevision(() => void loadTemplates());
  // Another tab marked a comment done or snoozed it: this page learns it without a reload.
  const unwatchStates = watchStatesRevision(() => session?.reloadManualStates());
  ctx.onInvalidated(() => {
    unwatchSettings();
    unwatchTemplates();
    unwatchStates();
  });
  await loadTemplates();
  if (ctx.isInvalid) return;

  startPage();
  ctx.addEventListener(window, 'wxt:locationchange', () => startPage());

  ctx.addEventListener(
    window,
    'keydown',
    (event: KeyboardEvent) => {
      const action = matchShortcut(event, settings.shortcuts);
      if (!action || !session) return;
      // Our chords all carry a modifier, so the site's own single-key shortcuts never reach this point.
      event.preventDefault();
      event.stopPropagation();
      void session.runShortcut(action);
    },
    { capture: true },
  );

  const removeMessageListener = onTogglePanel(async () => {
    await session?.runShortcut('togglePanel');
  });
  ctx.onInvalidated(removeMessageListener);
}
