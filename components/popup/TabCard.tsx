// The popup's "This tab" card: what is true on the tab it was opened on. Working (the tab's unanswered count, the
// oldest wait, how well the page is read), switched off for the site, no post on the page, not the brand's post,
// not running, or no access. Elsewhere it names the sites Reply Radar works on.
import { formatAge } from '../../utils/core/age';
import type { Platform } from '../../utils/core/model';
import type { Settings } from '../../utils/core/settings';
import { currentLocale, t, tn } from '../../utils/i18n';
import { chordText } from '../options/chords';
import { PLATFORM_NAMES } from '../options/format';
import type { TabStatus } from './tab-status';

const HEALTH_TEXT = {
  ok: 'popup_health_ok',
  incomplete: 'popup_health_incomplete',
  broken: 'popup_health_broken',
} as const;

export function TabCard(props: {
  status: TabStatus;
  settings: Settings | null;
  now: number;
  turnOn: (site: Platform) => void;
}) {
  const { status, settings } = props;
  return (
    <section
      class="rr-card"
      aria-labelledby="rr-popup-tab"
      data-testid="popup-tab"
      data-rr-tab-status={status.kind}
      aria-live="polite"
    >
      <h2 id="rr-popup-tab">{t('popup_this_tab')}</h2>
      {status.kind === 'working' && settings ? (
        <Working status={status} settings={settings} now={props.now} />
      ) : (
        <p class="rr-popup__state" data-testid="popup-tab-state">
          {lineFor(status)}
        </p>
      )}
      {status.kind === 'off' ? (
        <button type="button" class="rr-button" onClick={() => props.turnOn(status.site)}>
          {t('popup_turn_on', { site: PLATFORM_NAMES[status.site] })}
        </button>
      ) : null}
    </section>
  );
}

function lineFor(status: TabStatus): string {
  switch (status.kind) {
    case 'checking':
    case 'working': // only while the settings load
      return t('popup_checking');
    case 'elsewhere':
      return t('popup_elsewhere');
    case 'no-access':
      return t('popup_tab_no_access', { sites: status.sites.map((p) => PLATFORM_NAMES[p]).join(', ') });
    case 'off':
      return t('popup_off_on', { site: PLATFORM_NAMES[status.site] });
    case 'not-running':
      return t('popup_tab_not_running', { site: PLATFORM_NAMES[status.site] });
    case 'not-post':
      return t('popup_tab_not_post', { site: PLATFORM_NAMES[status.site] });
    case 'not-brand':
      return t('popup_tab_not_brand', { site: PLATFORM_NAMES[status.site] });
  }
}

function Working(props: { status: Extract<TabStatus, { kind: 'working' }>; settings: Settings; now: number }) {
  const { report, site } = props.status;
  const health = report.health;
  return (
    <div class="rr-popup__working" data-testid="popup-tab-state">
      <p class="rr-popup__state">
        {t('popup_watching', { site: PLATFORM_NAMES[site], keys: chordText(props.settings.shortcuts.togglePanel) })}
      </p>
      <p class="rr-popup__count">
        <span
          class={`rr-popup__pill rr-popup__pill--${health === 'broken' ? 'breach' : report.worst}`}
          data-testid="popup-unanswered"
        >
          {health === 'broken' ? '!' : tn('popup_unanswered', report.unanswered)}
        </span>
        {report.oldestPostedAt !== null && health !== 'broken' ? (
          <span data-testid="popup-oldest">
            {t('popup_oldest', { age: formatAge(props.now - report.oldestPostedAt, currentLocale()) })}
          </span>
        ) : null}
      </p>
      <p class={`rr-popup__health rr-popup__health--${health}`} data-testid="popup-health" data-rr-health={health}>
        {t(HEALTH_TEXT[health])}
      </p>
    </div>
  );
}
