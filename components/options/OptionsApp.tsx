// The options page: one page of sections with a side navigation, and one status line that says whether the last
// change is saved. Settings save by themselves shortly after a change; templates save with their form.
import { BrandSection } from './BrandSection';
import { DataSection } from './DataSection';
import { LabelsSection } from './LabelsSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { TargetsSection } from './TargetsSection';
import { TemplatesSection } from './TemplatesSection';
import { type SaveStatus, useSettingsEditor } from './use-settings';

const NAV = [
  ['templates', 'Templates'],
  ['brand', 'Brand'],
  ['targets', 'Response targets'],
  ['sites', 'Sites'],
  ['shortcuts', 'Keyboard shortcuts'],
  ['labels', 'Labels'],
  ['data', 'Data'],
] as const;

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
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
  const { settings, status, update } = useSettingsEditor(saveDelayMs);
  const loading = <p class="rr-muted">Loading settings…</p>;
  return (
    <div class="rr-page">
      <a class="rr-skip" href="#rr-main">
        Skip to content
      </a>
      <header class="rr-topbar">
        <div class="rr-brandmark">
          <img src="/icon/48.png" alt="" width={28} height={28} />
          <h1>Reply Radar</h1>
        </div>
        <SaveStatusLine status={status} />
      </header>
      <div class="rr-layout">
        <nav class="rr-nav" aria-label="Settings sections">
          <ul>
            {NAV.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
          <p class="rr-nav__note">Everything stays on this computer.</p>
        </nav>
        <main id="rr-main" class="rr-main" tabIndex={-1}>
          <TemplatesSection shortcuts={settings?.shortcuts} toastMs={toastMs} />
          {settings ? (
            <>
              <BrandSection settings={settings} update={update} />
              <TargetsSection settings={settings} update={update} />
              <SitesSection settings={settings} update={update} />
              <ShortcutsSection settings={settings} update={update} />
              <LabelsSection settings={settings} update={update} />
            </>
          ) : (
            loading
          )}
          <DataSection />
        </main>
      </div>
    </div>
  );
}
