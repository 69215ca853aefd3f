// Every unit test starts from an empty extension: a fresh fake browser, a fresh IndexedDB, and the interface in
// English (other locales load from the packaged files, as the options page does).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BADGE_CSS, LAYER_CSS, OUTLINE_CSS, PANEL_CSS } from '../../components/overlay/styles';
// The built-in label words, the Facebook reader's words and the overlay's CSS, which content scripts get from the
// background at startup.
import '../../utils/core/labels';
import '../../utils/core/relative-time-words';
import '../../utils/sites/facebook/word-lists';
import { type Locale, setCatalog, setMessagesLoader } from '../../utils/i18n';
import { messagesFromJson } from '../../utils/i18n/translate';
import { setOverlayCss } from '../../utils/overlay/overlay-css';

export function packagedMessages(locale: Locale) {
  const file = path.join(import.meta.dirname, '../../public/_locales', locale, 'messages.json');
  return messagesFromJson(JSON.parse(readFileSync(file, 'utf8')));
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  setMessagesLoader(async (locale) => packagedMessages(locale));
  setCatalog('en', packagedMessages('en'));
  setOverlayCss({ badge: BADGE_CSS, panel: PANEL_CSS, layer: LAYER_CSS, outline: OUTLINE_CSS });
});
