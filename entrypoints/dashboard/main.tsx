import { render } from 'preact';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { applyLanguageSetting, t } from '../../utils/i18n';
import { loadPackagedMessages } from '../../utils/i18n/packaged';
import { readSettings } from '../../utils/storage/settings';
import '../options/style.css';
import './style.css';

// The chosen language is in place before the first paint, so the page never flashes in another one.
loadPackagedMessages();
void readSettings()
  .then((settings) => applyLanguageSetting(settings.language))
  .finally(() => {
    // i18n-ignore: the product's name and a dash, the same in every language
    document.title = `Reply Radar — ${t('dash_title')}`;
    render(<DashboardApp />, document.getElementById('app') as HTMLElement);
  });
