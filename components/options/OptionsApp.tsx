// The options page: one page of sections with a side navigation, and one status line that says whether the last
// change is saved. Settings save by themselves shortly after a change; templates save with their form.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MessageKey, t } from '../../utils/i18n';
import { useInterfaceLocale } from '../use-locale';
import { BrandSection } from './BrandSection';
import { DataSection } from './DataSection';
import { FieldErrorsContext } from './field-errors';
import { LabelsSection } from './LabelsSection';
import { LanguageSection } from './LanguageSection';
import { SetupPage } from './SetupPage';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { TargetsSection } from './TargetsSection';
import { TemplatesSection } from './TemplatesSection';
import { type SaveStatus, useSettingsEditor } from './use-settings';

const NAV: ReadonlyArray<readonly [string, MessageKey]> = [
  ['templates', 'templates_title'],
  ['brand', 'brand_title'],
  ['targets', 'targets_title'],
  ['sites', 'sites_title'],
  ['shortcuts', 'shortcuts_title'],
  ['labels', 'labels_title'],
  ['language', 'language_title'],
  ['data', 'data_title'],
];

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return t('status_saving');
    case 'saved':
      return t('status_saved');
    case 'error':
      return status.message;
  }
}

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  return (
    <p
      class={`rr-save-status rr-save-status--${status.kind}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {statusText(status)}
    </p>
  );
}

export interface OptionsAppProps {
  /** Wait after the last change before writing settings. */
  saveDelayMs?: number;
  /** How long the undo notice stays (0: until closed). */
  toastMs?: number;
}

export function OptionsApp({ saveDelayMs, toastMs }: OptionsAppProps) {
  const { settings, status, update, reportFieldError } = useSettingsEditor(saveDelayMs);
  // Re-renders the whole page in the new language when the setting changes (here or in another tab).
  useInterfaceLocale(settings?.language, 'options_page_title');
  // options.html#setup: the first-run setup the background opens on install.
  const [setup, setSetup] = useState(() => globalThis.location?.hash === '#setup');
  const leaveSetup = () => {
    setSetup(false);
    history.replaceState(null, '', location.pathname);
    window.scrollTo(0, 0);
  };
  const loading = <p class="rr-muted">{t('options_loading')}</p>;
  return (
    <FieldErrorsContext.Provider value={reportFieldError}>
      <div class="rr-page">
        <a class="rr-skip" href="#rr-main">
          {t('options_skip')}
        </a>
        <header class="rr-topbar">
          <div class="rr-brandmark">
            <img src="/icon/48.png" alt="" width={28} height={28} />
            <h1>Reply Radar</h1>
          </div>
          <SaveStatusLine status={status} />
        </header>
        <div class="rr-layout">
          <nav class="rr-nav" aria-label={t('options_nav_label')}>
            <ul>
              {NAV.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`}>{t(label)}</a>
                </li>
              ))}
            </ul>
            <p class="rr-nav__note">
              <a href={browser.runtime.getURL('/dashboard.html')} data-testid="dashboard-link">
                {t('dash_open_link')}
              </a>
            </p>
            <p class="rr-nav__note">{t('options_nav_note')}</p>
          </nav>
          <main id="rr-main" class="rr-main" tabIndex={-1}>
            {setup ? (
              settings ? (
                <SetupPage settings={settings} update={update} onDone={leaveSetup} />
              ) : (
                loading
              )
            ) : (
              <>
                <TemplatesSection
                  shortcuts={settings?.shortcuts}
                  toastMs={toastMs}
                  agentName={settings?.agentName}
                  trigger={settings?.expandTrigger}
                />
                {settings ? (
                  <>
                    <BrandSection settings={settings} update={update} />
                    <TargetsSection settings={settings} update={update} />
                    <SitesSection settings={settings} update={update} />
                    <ShortcutsSection settings={settings} update={update} />
                    <LabelsSection settings={settings} update={update} />
                    <LanguageSection settings={settings} update={update} />
                  </>
                ) : (
                  loading
                )}
                <DataSection />
              </>
            )}
          </main>
        </div>
      </div>
    </FieldErrorsContext.Provider>
  );
}
