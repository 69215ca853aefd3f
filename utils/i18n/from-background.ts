// Content scripts cannot fetch the packaged _locales (that would make them readable by every page), so they ask
// the background for the chosen locale's texts.
import { call } from '../messaging/content-client';
import { setMessagesLoader } from '.';

export function loadMessagesThroughBackground(): void {
  setMessagesLoader(async (locale) => (await call('i18n.messages', { locale })).messages);
}
