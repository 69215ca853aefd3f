// Extension pages and the background read the packaged _locales/<locale>/messages.json themselves; content scripts
// cannot (that would make them readable by every page) and ask the background (from-background.ts).
import { browser } from 'wxt/browser';
import { setMessagesLoader } from '.';
import type { Locale } from './locales';
import { type Messages, messagesFromJson } from './translate';

/** Read a packaged catalog; works in the extension's own pages and in the background. */
export async function fetchPackagedMessages(locale: Locale): Promise<Messages> {
  const url = browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return messagesFromJson(await response.json());
}

/** An extension page loads the chosen language's texts from the packaged files. */
export function loadPackagedMessages(): void {
  setMessagesLoader(fetchPackagedMessages);
}
