// How content scripts (and pages) ask the background: `await call('templates.list', {})`. The request is checked
// before it leaves, the answer is checked when it comes back, and any refusal arrives as a RadarError carrying the
// background's error (code, message, path) for the UI to show. Nothing is retried: a failed write is reported.
import { parseOrThrow, RadarError } from '../storage/errors';
import {
  type BackgroundMessageName,
  envelopeSchema,
  onContentMessage,
  PROTOCOL,
  type Request,
  type Response,
  send,
} from './protocol';

export { RadarError } from '../storage/errors';
export { onContentMessage } from './protocol';

export async function call<N extends BackgroundMessageName>(name: N, req: Request<N>): Promise<Response<N>> {
  const request = parseOrThrow(PROTOCOL[name].request, req);
  let raw: unknown;
  try {
    raw = await send(name, request);
  } catch (err) {
    // Typically "Extension context invalidated" after an update, or the background failed to start.
    const why = err instanceof Error ? err.message : String(err);
    throw new RadarError('internal', `Reply Radar's background did not answer ${name}: ${why}`, undefined, {
      key: 'error_background_silent',
    });
  }
  const envelope = envelopeSchema(name).safeParse(raw);
  if (!envelope.success)
    throw new RadarError('internal', `Reply Radar's background sent a malformed answer to ${name}.`, undefined, {
      key: 'error_background_malformed',
    });
  if (!envelope.data.ok) {
    const { code, message, path, key, params } = envelope.data.error;
    throw new RadarError(code, message, path, key ? { key, ...(params ? { params } : {}) } : undefined);
  }
  return envelope.data.data as Response<N>;
}

/** In a content script: run `onToggle` when the toggle-panel browser command fires in this tab. */
export function onTogglePanel(onToggle: () => void | Promise<void>): () => void {
  return onContentMessage('overlay.togglePanel', async () => {
    await onToggle();
    return {};
  });
}
