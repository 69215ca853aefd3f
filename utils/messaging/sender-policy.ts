// Who may ask the background for what. Content scripts run inside the sites' renderers: a compromised renderer can
// send any message a content script can, so they get only what the overlay needs. Everything else (creating,
// editing, deleting, reordering and restoring templates) is for the extension's own pages
// (options, popup, dashboard), recognised by their URL on the extension's origin.
import { browser } from 'wxt/browser';

/**
 * The messages a content script may send: read templates, read, set and clear (undo) comment states, count a template's use,
 * record what the overlay saw for the response-time log, have comments' words judged (labels, spam, language), and
 * read and change settings through the background (the overlay's own toggles and adopting the post's author as a
 * brand). One list, so a reviewer sees at a glance what a site's page can reach.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<string> = new Set([
  'ping',
  'templates.list',
  'templates.markUsed',
  'states.list',
  'states.set',
  // Undo after done, snooze or ignore.
  'states.clear',
  'responseLog.record',
  'settings.get',
  'settings.patch',
  // The account the page says the user acts as, for the first-run setup (handle rules apply).
  'accounts.seen',
  // Labels, spam and language of the page's comments (worked out from their words, nothing stored).
  'comments.judge',
  // The Facebook reader's words (fixed data).
  'facebook.words',
  'ui.styles',
  // Injects the overlay's own deferred code into the asking frame (nothing the message can choose).
  'overlay.loadActions',
  'i18n.messages',
  // Counts and enums only: the toolbar badge and the popup's "this tab".
  'tab.report',
]);

/** The parts of runtime.MessageSender the policy reads. */
export interface PolicySender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** An extension page (options, popup, dashboard): its URL is on this extension's own origin. */
export function isExtensionPage(sender: PolicySender): boolean {
  if (!sender.url) return false;
  const origin = browser.runtime.getURL('/');
  return sender.url.startsWith(origin);
}

/** Whether this sender (already known to be this extension) may send `name`. */
export function senderMayAsk(name: string, sender: PolicySender): boolean {
  return isExtensionPage(sender) || CONTENT_SCRIPT_MESSAGES.has(name);
}
