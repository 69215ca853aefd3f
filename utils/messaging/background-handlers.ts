// The background's side of the protocol: one handler per message name, each receiving a request already validated
// by its schema, from a sender already checked to be this extension. Every answer is an envelope
// ({ ok: true, data } or { ok: false, error }), so a refusal reaches the caller as a clear error, never a throw.
import { browser } from 'wxt/browser';
import { BADGE_CSS, LAYER_CSS, OUTLINE_CSS, PANEL_CSS } from '../../components/overlay/styles';
import { judgeComment } from '../core/comment-judge';
import { agentFromText, type ClassifiedComment, observeComments, signatureShapes } from '../core/first-response';
import { labelsFor } from '../core/labels';
import { RELATIVE_TIME_WORDS } from '../core/relative-time-words';
import { fetchPackagedMessages } from '../i18n/packaged';
import { ACTIONS_FILE } from '../overlay/actions/shared';
import { FACEBOOK_WORDS } from '../sites/facebook/word-lists';
import { clearStates, listStates, setState } from '../storage/comment-states';
import { describeIssues, type ErrorInfo, RadarError, toErrorInfo } from '../storage/errors';
import { purgeResponseLogNowAndThen, recordObservations } from '../storage/response-log';
import { noteSeenAccount } from '../storage/seen-accounts';
import { readSettings, writeSettings } from '../storage/settings';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  markTemplateUsed,
  reorderTemplates,
  restoreTemplate,
  updateTemplate,
} from '../storage/templates';
import {
  BACKGROUND_MESSAGES,
  type BackgroundMessageName,
  type Envelope,
  isBackgroundMessage,
  messenger,
  type ParsedRequest,
  PROTOCOL,
  type Response,
  send,
} from './protocol';
import { senderMayAsk } from './sender-policy';
import { rememberTab } from './tab-states';

/** The parts of runtime.MessageSender the checks use. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

type Handler<N extends BackgroundMessageName> = (req: ParsedRequest<N>, sender: Sender) => Promise<Response<N>>;

/**
 * What the overlay saw on a page, as response-log observations: each customer comment's first answer (with the
 * agent who signed it, read with the shapes of the team's templates), its labels, and when an answer the page keeps
 * collapsed was seen (now: the log keeps the earliest).
 */
async function observationsOf(comments: ClassifiedComment[]) {
  const [settings, templates] = await Promise.all([readSettings(), listTemplates()]);
  const shapes = signatureShapes(templates.items.map((t) => t.body));
  const now = Date.now();
  return observeComments(comments, {
    labelsOf: (c) => labelsFor(c.text, c.lang, settings.labelWords),
    agentOf: (text) => agentFromText(text, shapes, settings.agentName),
    answerSeenAt: () => now,
  });
}

export const HANDLERS: { [N in BackgroundMessageName]: Handler<N> } = {
  ping: async () => ({ pong: true }),
  'templates.list': () => listTemplates(),
  'templates.get': ({ id }) => getTemplate(id),
  'templates.create': (draft) => createTemplate(draft),
  'templates.update': ({ id, patch }) => updateTemplate(id, patch),
  'templates.delete': ({ id }) => deleteTemplate(id),
  'templates.restore': ({ id }) => restoreTemplate(id),
  'templates.reorder': ({ ids }) => reorderTemplates(ids),
  'templates.markUsed': ({ id }) => markTemplateUsed(id),
  'states.list': ({ keys }) => listStates(keys),
  'states.set': (state) => setState(state),
  'states.clear': async ({ keys }) => ({ cleared: await clearStates(keys) }),
  'i18n.messages': async ({ locale }) => ({ messages: await fetchPackagedMessages(locale) }),
  'responseLog.record': async ({ comments }) => {
    const changed = await recordObservations(await observationsOf(comments));
    void purgeResponseLogNowAndThen().catch((err) => console.warn('[reply-radar] response log purge failed', err));
    return { changed };
  },
  'settings.get': () => readSettings(),
  'settings.patch': (patch) => writeSettings(patch),
  'comments.judge': async ({ items }) => {
    const { labelWords } = await readSettings();
    return { judgments: items.map((c) => judgeComment(c.text, c.lang, labelWords)) };
  },
  'facebook.words': async () => ({ time: RELATIVE_TIME_WORDS, reading: FACEBOOK_WORDS }),
  'ui.styles': async () => ({ badge: BADGE_CSS, panel: PANEL_CSS, layer: LAYER_CSS, outline: OUTLINE_CSS }),
  'accounts.seen': async ({ platform, handle }) => {
    await noteSeenAccount(platform, handle);
    return {};
  },
  'overlay.loadActions': async (_req, sender) => {
    // Into the frame that asked, never one the message names; the file is not web-accessible, so only we load it.
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new RadarError('bad-request', 'overlay.loadActions: only a tab can ask.');
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [ACTIONS_FILE],
    });
    return {};
  },
  'tab.report': async (report, sender) => {
    // The tab is the one the browser says sent this, never one the message names.
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new RadarError('bad-request', 'tab.report: only a tab can report its state.');
    await rememberTab(tabId, report, sender.url);
    return {};
  },
};

function refusal(error: ErrorInfo): { ok: false; error: ErrorInfo } {
  return { ok: false, error };
}

/** Validate, authorize, run, and wrap one message. Exported for tests and for any other transport. */
export async function handleMessage(
  name: unknown,
  data: unknown,
  sender: Sender,
): Promise<Envelope<BackgroundMessageName>> {
  if (!isBackgroundMessage(name)) {
    // i18n-ignore: an error's English for logs; the user reads its locale text or "Something went wrong (…)"
    return refusal({ code: 'bad-request', message: `Unknown message ${JSON.stringify(name)}.` });
  }
  // Only this extension's own scripts and pages may use the store; anything else is refused outright.
  if (!sender.id || sender.id !== browser.runtime.id) {
    // i18n-ignore: an error's English for logs
    return refusal({ code: 'forbidden', message: `${name}: refused, the sender is not Reply Radar.` });
  }
  // A content script (inside a site's renderer) gets only what the overlay needs; see sender-policy.ts.
  if (!senderMayAsk(name, sender)) {
    // i18n-ignore: an error's English for logs
    return refusal({ code: 'forbidden', message: `${name}: refused, only Reply Radar's own pages may ask this.` });
  }
  const parsed = PROTOCOL[name].request.safeParse(data, {
    error: (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? 'required' : undefined),
  });
  if (!parsed.success) {
    const { message, path, text } = describeIssues(parsed.error);
    return refusal({
      code: 'bad-request',
      message: `${name}: ${message}`,
      ...(path ? { path } : {}),
      key: text.key,
      ...(text.params ? { params: text.params } : {}),
    });
  }
  try {
    const handler = HANDLERS[name] as Handler<BackgroundMessageName>;
    const result = await handler(parsed.data as ParsedRequest<BackgroundMessageName>, sender);
    const checked = PROTOCOL[name].response.safeParse(result);
    if (!checked.success) {
      console.error('[reply-radar] handler answered outside its schema', name, checked.error);
      return refusal({ code: 'internal', message: `${name}: the answer did not match its schema.` });
    }
    return { ok: true, data: checked.data as Response<BackgroundMessageName> };
  } catch (err) {
    if (!(err instanceof RadarError)) console.error('[reply-radar] handler failed', name, err);
    return refusal(toErrorInfo(err));
  }
}

/** Listen for every background message. Returns the function that removes the listeners. */
export function registerBackgroundHandlers(): () => void {
  const removers = BACKGROUND_MESSAGES.map((name) =>
    messenger.onMessage(name, ({ data, sender }) => handleMessage(name, data, sender)),
  );
  return () => {
    for (const remove of removers) remove();
  };
}

/**
 * The toggle-panel command: tell the active tab's content script. A tab without Reply Radar (any other site)
 * simply has no listener; that is not an error. Returns whether a content script answered.
 */
export async function togglePanelInActiveTab(): Promise<boolean> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    const answer = await send('overlay.togglePanel', {}, tab.id);
    return (answer as { ok?: unknown } | undefined)?.ok === true;
  } catch {
    return false;
  }
}
