// The overlay's lifetime ends when the extension goes away, never on an event the page can forge.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLifetime, extensionContextAlive, watchLocation } from '../../../utils/overlay/lifetime';
import { ContentScriptContext as SlimContext } from '../../../utils/overlay/script-context';

/** The event WXT's context stops on: what a page sends once it knows a store extension's public id. */
function forgeNewerScriptEvent(): void {
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'x.content', messageId: 'page' } }));
}

describe('createLifetime', () => {
  it('outlives WXT’s context when the page forges the "newer script started" event', () => {
    const ctx = new ContentScriptContext('x.content', { noScriptStartedPostMessage: true } as never);
    const lifetime = createLifetime(ctx, () => true);
    forgeNewerScriptEvent();
    // The threat is real: WXT's own context believes the forged event…
    expect(ctx.signal.aborted).toBe(true);
    // …ours does not, because the extension is still there.
    expect(lifetime.signal.aborted).toBe(false);
    expect(lifetime.alive()).toBe(true);
  });

  it('ends once the extension’s context is gone, and says so from then on', () => {
    let extension = true;
    const ctx = new ContentScriptContext('x.content', { noScriptStartedPostMessage: true } as never);
    const lifetime = createLifetime(ctx, () => extension);
    const ended = vi.fn();
    lifetime.signal.addEventListener('abort', ended);
    expect(lifetime.alive()).toBe(true);
    extension = false;
    expect(lifetime.alive()).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
    extension = true;
    expect(lifetime.alive()).toBe(false);
  });

  it('ends with WXT’s context when that ends because the extension went away', () => {
    let extension = true;
    const ctx = new ContentScriptContext('x.content', { noScriptStartedPostMessage: true } as never);
    const lifetime = createLifetime(ctx, () => extension);
    extension = false;
    ctx.notifyInvalidated();
    expect(lifetime.signal.aborted).toBe(true);
  });

  it('reads the extension as alive from the runtime id', () => {
    expect(extensionContextAlive()).toBe(true);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    expect(extensionContextAlive()).toBe(false);
  });
});

describe('watchLocation with the Navigation API', () => {
  const global = globalThis as { navigation?: EventTarget };
  afterEach(() => {
    delete global.navigation;
  });

  function navigate(url: string, trusted: boolean): void {
    const event = new Event('navigate');
    Object.defineProperty(event, 'destination', { value: { url } });
    if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
    global.navigation?.dispatchEvent(event);
  }

  it('follows the browser’s navigations and ignores ones the page dispatched', () => {
    global.navigation = new EventTarget();
    const seen: string[] = [];
    const stop = new AbortController();
    watchLocation((url) => seen.push(url.pathname), stop.signal);
    navigate('https://x.com/forged/status/1', false);
    navigate('https://x.com/acme/status/2', true);
    navigate('https://x.com/acme/status/2', true);
    stop.abort();
    navigate('https://x.com/acme/status/3', true);
    expect(seen).toEqual(['/acme/status/2']);
  });
});

describe('the content scripts’ slim context (utils/overlay/script-context.ts)', () => {
  it('speaks WXT’s handshake: a newer copy of the same script ends the older one, whichever builds them', () => {
    const wxtOld = new ContentScriptContext('x.content', { noScriptStartedPostMessage: true } as never);
    const slim = new SlimContext('x.content');
    // An update from a WXT-built script to this one stops the old copy…
    expect(wxtOld.signal.aborted).toBe(true);
    expect(slim.signal.aborted).toBe(false);
    const ended = vi.fn();
    slim.onInvalidated(ended);
    // …and the next one (slim or WXT's) stops this one.
    new SlimContext('x.content');
    expect(slim.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledOnce();
  });

  it('ignores another script’s start, and the lifetime still believes only the extension', () => {
    const slim = new SlimContext('x.content');
    new SlimContext('facebook.content');
    expect(slim.signal.aborted).toBe(false);
    const lifetime = createLifetime(slim, () => true);
    forgeNewerScriptEvent();
    expect(slim.signal.aborted).toBe(true);
    expect(lifetime.alive()).toBe(true);
  });
});
