// How content scripts talk to the background, without zod: the same messages and transport as client.ts, but the
// answer's envelope is checked by hand. That is enough here because the background validates every request with
// the protocol's zod schemas (and answers only this extension's own scripts and pages), and a content script
// trusts nothing but its own background. Keeping the schemas out keeps each content script small (issue #10: under
// 30 KB gzip). Requests are typed by the protocol table (type-only import: no code of it is bundled).
import { browser } from 'wxt/browser';
import { ERROR_CODES, type ErrorCode, RadarError, type UserText } from '../storage/radar-error';
import type { BackgroundMessageName, ContentMessageName, Request, Response } from './protocol';

export { RadarError };

// The wire format of @webext-core/messaging, which the background and the extension's pages use: a request is
// { id, type, data, timestamp }, an answer { res } (or { err } when a listener threw). Spoken here directly over
// chrome.runtime (callback style, the same in Chrome and Firefox) instead of bundling the library and its error
// serializer into every content script (issue #10).
type Listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => boolean;
interface WireRuntime {
  lastError?: { message?: string } | null;
  sendMessage(message: unknown, callback: (answer: unknown) => void): void;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
}
const runtime = (): WireRuntime => (globalThis as unknown as { chrome: { runtime: WireRuntime } }).chrome.runtime;

let nextId = Math.floor(Math.random() * 10_000);

/**
 * One request to the background; resolves with what its listener answered ({ res } or { err }), if anything. Sent in
 * a task of its own, never the caller's: sending serialises the message on the page's main thread, and a batch of the
 * page is read in the page's animation frame, which its two messages (new comments' manual states and judgments)
 * lengthened (Facebook bench, 2,000 comments: 1-3.6 ms of a 50-115 ms frame per batch of 20).
 */
async function sendToBackground(type: string, data: unknown): Promise<unknown> {
  await new Promise((next) => setTimeout(next));
  return new Promise((resolve, reject) =>
    runtime().sendMessage({ id: nextId++, type, data, timestamp: Date.now() }, (answer) => {
      const error = runtime().lastError;
      if (error) reject(new Error(error.message));
      else resolve(answer);
    }),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isErrorCode = (v: unknown): v is ErrorCode => ERROR_CODES.includes(v as ErrorCode);

/**
 * The data of an answer envelope ({ ok: true, data } or { ok: false, error }), or the background's refusal as a
 * RadarError. Anything else is a malformed answer.
 */
export function unwrapEnvelope(name: string, raw: unknown): unknown {
  if (isObject(raw) && raw.ok === true && 'data' in raw && raw.data !== undefined) return raw.data;
  if (isObject(raw) && raw.ok === false && isObject(raw.error) && typeof raw.error.message === 'string') {
    const code = isErrorCode(raw.error.code) ? raw.error.code : 'internal';
    const path = typeof raw.error.path === 'string' ? raw.error.path : undefined;
    // The user's sentence comes along as a locale key; the background's zod check made its params well formed.
    const text =
      typeof raw.error.key === 'string'
        ? {
            key: raw.error.key,
            ...(isObject(raw.error.params) ? { params: raw.error.params as UserText['params'] } : {}),
          }
        : undefined;
    throw new RadarError(code, raw.error.message, path, text);
  }
  throw new RadarError('internal', `Reply Radar's background sent a malformed answer to ${name}.`, undefined, {
    key: 'error_background_malformed',
  });
}

export async function call<N extends BackgroundMessageName>(name: N, req: Request<N>): Promise<Response<N>> {
  let raw: unknown;
  try {
    const answer = await sendToBackground(name, req);
    if (!isObject(answer) || !('res' in answer)) throw new Error('no answer');
    raw = answer.res;
  } catch (err) {
    // Typically "Extension context invalidated" after an update, or the background failed to start.
    const why = err instanceof Error ? err.message : String(err);
    throw new RadarError('internal', `Reply Radar's background did not answer ${name}: ${why}`, undefined, {
      key: 'error_background_silent',
    });
  }
  return unwrapEnvelope(name, raw) as Response<N>;
}

/**
 * Answers a message the background sends to this tab ('overlay.togglePanel' carries no data). Messages from anything
 * but this extension are refused. Returns the function that stops listening.
 */
export function onContentMessage(name: ContentMessageName, handler: () => void | Promise<void>): () => void {
  const answer = async (sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) {
      // i18n-ignore: an error's English for logs
      return { ok: false, error: { code: 'forbidden', message: `${name}: refused, the sender is not Reply Radar.` } };
    }
    try {
      await handler();
      return { ok: true, data: {} };
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
    }
  };
  const listener: Listener = (message, sender, sendResponse) => {
    if (!isObject(message) || message.type !== name || typeof message.timestamp !== 'number') return false;
    void answer(sender).then((res) => sendResponse({ res }));
    return true;
  };
  runtime().onMessage.addListener(listener);
  return () => runtime().onMessage.removeListener(listener);
}

/** The toggle-panel browser command fired in this tab. */
export function onTogglePanel(onToggle: () => void | Promise<void>): () => void {
  return onContentMessage('overlay.togglePanel', onToggle);
}

/**
 * Calls `cb` when a key of the extension's storage.local changes (settings, revision stamps). storage.local belongs
 * to the extension, not to the site; the value is not read here: the caller asks the background, which repairs it.
 */
export function watchLocal(key: string, cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, key)) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
