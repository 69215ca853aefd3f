import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { applyLanguageSetting } from '../../utils/i18n';
import { loadPackagedMessages } from '../../utils/i18n/packaged';
import { readSettings } from '../../utils/storage/settings';
// One stylesheet for the extension's pages, so the popup and the options look like one product.
import '../options/style.css';

// The chosen language is in place before the first paint.
loadPackagedMessages();
void readSettings()
  .then((settings) => applyLanguageSetting(settings.language))
  .finally(() => render(<PopupApp />, document.getElementById('app') as HTMLElement));
