// Says in the popup when Reply Radar may not read one of the sites, and asks for it in one click. Firefox lets users
// withhold a Manifest V3 add-on's host access (and older releases, or extensions.originControls.grantByDefault off,
// withhold it until granted): without it the content scripts never run there and the user sees nothing at all.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLATFORMS, type Platform } from '../../utils/core/model';
import { t } from '../../utils/i18n';
import { errorText } from '../error-text';
import { PLATFORM_NAMES } from '../options/format';

/** The host patterns each site's content scripts run on (the manifest's host_permissions). */
export const SITE_ORIGINS: Readonly<Record<Platform, readonly string[]>> = {
  x: ['https://x.com/*', 'https://twitter.com/*'],
  facebook: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  instagram: ['https://www.instagram.com/*'],
};

/** Sites whose host access is not granted now, in PLATFORMS order. */
export async function sitesWithoutAccess(): Promise<Platform[]> {
  const granted = await Promise.all(
    PLATFORMS.map((p) =>
      Promise.resolve()
        .then(() => browser.permissions.contains({ origins: [...SITE_ORIGINS[p]] }))
        // A browser that cannot say is not one to alarm the user about.
        .catch(() => true),
    ),
  );
  return PLATFORMS.filter((_, index) => !granted[index]);
}

/** `missing`: the sites without access (the popup checks each time it opens: it lives only while open). */
export function SiteAccess(props: { missing: Platform[]; onChange: (missing: Platform[]) => void }) {
  const { missing } = props;
  const [error, setError] = useState<string | null>(null);

  if (missing.length === 0) return null;

  const allow = async () => {
    try {
      // Must run straight from the click: browsers only show the permission prompt for a user action.
      const origins = missing.flatMap((p) => [...SITE_ORIGINS[p]]);
      const granted = await browser.permissions.request({ origins });
      props.onChange(granted ? [] : await sitesWithoutAccess());
      setError(null);
    } catch (err) {
      setError(t('popup_access_failed', { reason: errorText(err) }));
    }
  };

  const names = missing.map((p) => PLATFORM_NAMES[p]).join(', ');
  return (
    <section class="rr-card" aria-labelledby="rr-popup-access" data-testid="popup-site-access" role="alert">
      <h2 id="rr-popup-access">{t('popup_access_title')}</h2>
      <p class="rr-popup__state">{t('popup_access_missing', { sites: names })}</p>
      <button type="button" class="rr-button rr-button--primary" onClick={() => void allow()}>
        {t('popup_access_allow', { sites: names })}
      </button>
      {error ? <p class="rr-error">{error}</p> : null}
    </section>
  );
}
