import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
// One stylesheet for the extension's pages, so the popup and the options look like one product.
import '../options/style.css';

render(<PopupApp />, document.getElementById('app') as HTMLElement);
