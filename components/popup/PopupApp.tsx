// The toolbar popup: where Reply Radar stands on this tab, quick on/off per site, who the brand is, the keys, and the
// way to the options page. Settings are read and written directly (the popup is one of the extension's own pages).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLATFORMS, type Platform } from '../../utils/core/model';
import type { Settings, ShortcutAction } from '../../utils/core/settings';
import { type MessageKey, t } from '../../utils/i18n';
import { tabReport, tabStorageKey } from '../../utils/messaging/tab-states';
import { readSettings, watchSettings, writeSettings } from '../../utils/storage/settings';
import { TOGGLE_PANEL_COMMAND, useCommandShortcut } from '../command-shortcut';
import { errorText } from '../error-text';
import { chordText } from '../options/chords';
import { Switch } from '../options/Field';
import { PLATFORM_NAMES } from '../options/format';
import { useInterfaceLocale } from '../use-locale';
import { SiteAccess, sitesWithoutAccess } from './SiteAccess';
import { TabCard } from './TabCard';
import { type TabFacts, tabStatus } from './tab-status';

const CHEAT_SHEET: ReadonlyArray<readonly [ShortcutAction, MessageKey]> = [
  ['next', 'popup_next'],
  ['previous', 'popup_previous'],
  ['reply', 'popup_reply'],
  ['done', 'popup_done'],
  ['snooze', 'popup_snooze'],
  ['togglePanel', 'popup_toggle_panel'],
];

/**
 * The tab the popup speaks about: the active one, or the one named by `?tab=<id>` (the end-to-end tests open the
 * popup in a tab of its own; only the extension's own pages can open this page).
 */
async function targetTab(): Promise<{ id: number | undefined; url: string | undefined }> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) {
    const tab = await browser.tabs.get(named);
    return { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

/** What the browser, the background and the permissions say about the tab; kept current while the popup is open. */
function useTabFacts(): [TabFacts | null, (withoutAccess: Platform[]) => void] {
  const [facts, setFacts] = useState<TabFacts | null>(null);
  useEffect(() => {
    let alive = true;
    let tabId: number | undefined;
    const load = async () => {
      const [tab, withoutAccess] = await Promise.all([
        targetTab().catch(() => ({ id: undefined, url: undefined })),
        sitesWithoutAccess(),
      ]);
      tabId = tab.id;
      const report = tab.id === undefined ? null : await tabReport(tab.id).catch(() => null);
      if (alive) setFacts({ url: tab.url, report, withoutAccess });
    };
    void load();
    // The content script reports again as the page changes (a new comment, a reply, the clock).
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && tabId !== undefined && Object.hasOwn(changes, tabStorageKey(tabId))) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  const setWithoutAccess = (withoutAccess: Platform[]) => setFacts((f) => (f ? { ...f, withoutAccess } : f));
  return [facts, setWithoutAccess];
}

function templatesChord(settings: Settings): string {
  const first = chordText(settings.shortcuts.template1);
  const last = chordText(settings.shortcuts.template9);
  return `${first} … ${last}`;
}

export function PopupApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [facts, setWithoutAccess] = useTabFacts();
  const status = tabStatus(facts, settings);
  useInterfaceLocale(settings?.language);
  // The browser's own shortcut for the panel, as the browser has it now (the user may have changed it there).
  const commandKeys = useCommandShortcut(TOGGLE_PANEL_COMMAND);

  useEffect(() => {
    let alive = true;
    void readSettings().then((s) => {
      if (alive) setSettings((current) => current ?? s);
    });
    const unwatch = watchSettings((s) => alive && setSettings(s));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);

  const setSite = async (platform: Platform, on: boolean) => {
    if (!settings) return;
    const sites = { ...settings.sites, [platform]: on };
    setSettings({ ...settings, sites });
    try {
      setSettings(await writeSettings({ sites }));
      setError(null);
    } catch (err) {
      setError(t('status_not_saved', { reason: errorText(err) }));
    }
  };

  const openOptions = async () => {
    try {
      await browser.runtime.openOptionsPage();
      window.close();
    } catch (err) {
      setError(t('popup_could_not_open_options', { reason: errorText(err) }));
    }
  };

  const noBrand = settings ? PLATFORMS.every((p) => settings.brand[p].length === 0) : false;

  return (
    <div class="rr-popup">
      <header>
        <img src="/icon/32.png" alt="" width={22} height={22} />
        <h1>Reply Radar</h1>
      </header>

      <SiteAccess missing={facts?.withoutAccess ?? []} onChange={setWithoutAccess} />

      <TabCard status={status} settings={settings} now={Date.now()} turnOn={(p) => void setSite(p, true)} />

      {settings ? (
        <>
          <section class="rr-card" aria-labelledby="rr-popup-sites">
            <h2 id="rr-popup-sites">{t('popup_sites')}</h2>
            <div class="rr-popup__sites">
              {PLATFORMS.map((p) => (
                <Switch
                  key={p}
                  name={`popup-site-${p}`}
                  label={PLATFORM_NAMES[p]}
                  checked={settings.sites[p]}
                  onChange={(on) => void setSite(p, on)}
                />
              ))}
            </div>
          </section>

          <section class="rr-card" aria-labelledby="rr-popup-brand" data-testid="popup-brand">
            <h2 id="rr-popup-brand">{t('popup_brand')}</h2>
            <ul class="rr-popup__list">
              {PLATFORMS.map((p) => {
                const names = settings.brand[p];
                const prefix = p === 'facebook' ? '' : '@';
                return (
                  <li key={p}>
                    <span>{PLATFORM_NAMES[p]}</span>
                    <span class={names.length === 0 ? 'rr-muted' : undefined}>
                      {names.length === 0 ? t('popup_not_set') : names.map((n) => `${prefix}${n}`).join(', ')}
                    </span>
                  </li>
                );
              })}
            </ul>
            {settings.brand.x.length === 0 ? <p class="rr-hint">{t('popup_x_logged_in')}</p> : null}
            {noBrand ? <p class="rr-hint">{t('popup_no_brand')}</p> : null}
          </section>

          <section class="rr-card" aria-labelledby="rr-popup-keys">
            <h2 id="rr-popup-keys">{t('popup_keys')}</h2>
            <ul class="rr-popup__list">
              {CHEAT_SHEET.map(([action, label]) => (
                <li key={action}>
                  <span>{t(label)}</span>
                  <kbd>{chordText(settings.shortcuts[action])}</kbd>
                </li>
              ))}
              <li>
                <span>{t('popup_insert_template')}</span>
                <kbd>{templatesChord(settings)}</kbd>
              </li>
              {commandKeys === undefined ? null : (
                <li data-testid="popup-command">
                  <span>{t('popup_command_toggle')}</span>
                  {commandKeys ? <kbd>{commandKeys}</kbd> : <span class="rr-muted">{t('popup_not_set')}</span>}
                </li>
              )}
            </ul>
          </section>
        </>
      ) : null}

      {error ? (
        <p class="rr-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="rr-popup__footer">
        <button type="button" class="rr-button rr-button--primary" onClick={() => void openOptions()}>
          {t('popup_open_options')}
        </button>
        <a class="rr-button" href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noopener">
          {t('dash_open_link')}
        </a>
      </div>
    </div>
  );
}
