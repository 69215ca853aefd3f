// Turn Reply Radar off on a site without uninstalling it (a personal account, a site you do not manage).
import { PLATFORMS } from '../../utils/core/model';
import type { Settings } from '../../utils/core/settings';
import { t } from '../../utils/i18n';
import { Section, Switch } from './Field';
import { PLATFORM_NAMES } from './format';
import type { UpdateSettings } from './use-settings';

const SITE_HOSTS: Record<keyof Settings['sites'], string> = {
  x: 'x.com',
  facebook: 'facebook.com',
  instagram: 'instagram.com',
};

export function SitesSection({ settings, update }: { settings: Settings; update: UpdateSettings }) {
  return (
    <Section id="sites" title={t('sites_title')} description={t('sites_description')}>
      <div class="rr-card rr-stack">
        {PLATFORMS.map((p) => (
          <Switch
            key={p}
            name={`site-${p}`}
            label={PLATFORM_NAMES[p]}
            hint={SITE_HOSTS[p]}
            checked={settings.sites[p]}
            onChange={(on) => update({ sites: { ...settings.sites, [p]: on } })}
          />
        ))}
      </div>
    </Section>
  );
}
