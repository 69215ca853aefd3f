import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { applyLanguageSetting } from '../../utils/i18n';
import { loadPackagedMessages } from '../../utils/i18n/packaged';
import { readSettings } from '../../utils/storage/settings';
import './style.css';

// The chosen language is in place before the first paint, so the page never flashes in another one.
loadPackagedMessages();
void readSettings()
  .then((settings) => applyLanguageSetting(settings.language))
  .finally(() => render(<OptionsApp />, document.getElementById('app') as HTMLElement));
