// The content scripts' zod-free client (utils/messaging/content-client.ts) against the real background handlers, and
// the messages it added: settings through the background (repaired on read, zod-checked on write) and the account
// the page says the user acts as. A content script's sender is this extension with a site URL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import {
  handleMessage,
  registerBackgroundHandlers,
  togglePanelInActiveTab,
} from '../../../utils/messaging/background-handlers';
import { call, onTogglePanel, RadarError, unwrapEnvelope, watchLocal } from '../../../utils/messaging/content-client';
import { readSeenAccounts } from '../../../utils/storage/seen-accounts';
import { readSettings } from '../../../utils/storage/settings';
import { wireRuntime, wireTabs } from './wire';

const contentScript = (): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://www.facebook.com/acme/posts/1',
  tab: { id: 3 } as never,
});

let unregister: (() => void) | undefined;
let sender: Runtime.MessageSender;
beforeEach(() => {
  sender = contentScript();
  wireRuntime(() => sender);
  unregister = registerBackgroundHandlers();
});
afterEach(() => unregister?.());

describe('settings through the background', () => {
  it('reads the repaired settings and writes a valid patch', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, targets: 'garbage' } });
    const read = await call('settings.get', {});
    expect(read.targets).toEqual(DEFAULT_SETTINGS.targets);
    const next = await call('settings.patch', { panelCollapsed: true });
    expect(next.panelCollapsed).toBe(true);
    expect((await readSettings()).panelCollapsed).toBe(true);
  });

  it('refuses a bad patch with a clear error and writes nothing', async () => {
    const before = await readSettings();
    const bad = [
      { targets: { warnMinutes: -5, breachMinutes: 60 } },
      { brand: 'acme' },
      { shortcuts: { next: 'J' } },
      { panelCollapsed: 'yes' },
    ];
    for (const patch of bad) {
      const error = await call('settings.patch', patch as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(patch)).toBeInstanceOf(RadarError);
      expect((error as RadarError).code).toBe('bad-request');
    }
    expect(await readSettings()).toEqual(before);
  });
});

describe('accounts.seen', () => {
  it('keeps a handle that passes the site rules', async () => {
    await call('accounts.seen', { platform: 'x', handle: '@acmecoffee' });
    expect((await readSeenAccounts()).x).toEqual(['acmecoffee']);
  });

  it('refuses unknown platforms, missing and oversized handles, and extra fields', async () => {
    const bad: unknown[] = [
      { platform: 'myspace', handle: 'acme' },
      { platform: 'x' },
      { platform: 'x', handle: 'a'.repeat(101) },
      { platform: 'x', handle: 'acme', note: 'extra' },
    ];
    for (const data of bad) {
      expect(await handleMessage('accounts.seen', data, contentScript()), JSON.stringify(data)).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    }
    expect((await readSeenAccounts()).x).toEqual([]);
  });

  it('is refused to any sender but this extension', async () => {
    const stranger = { id: 'another-extension', url: 'https://x.com/', tab: { id: 1 } };
    for (const name of ['accounts.seen', 'settings.get', 'settings.patch']) {
      expect(await handleMessage(name, {}, stranger), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('the envelope check', () => {
  it('returns the data, throws the background’s refusal, and refuses anything else', () => {
    expect(unwrapEnvelope('ping', { ok: true, data: { pong: true } })).toEqual({ pong: true });
    expect(() =>
      unwrapEnvelope('states.set', {
        ok: false,
        error: { code: 'bad-request', message: 'key: too long', path: 'key' },
      }),
    ).toThrowError(expect.objectContaining({ code: 'bad-request', message: 'key: too long', path: 'key' }));
    // An unknown code is not trusted as given.
    expect(() => unwrapEnvelope('ping', { ok: false, error: { code: 'weird', message: 'x' } })).toThrowError(
      expect.objectContaining({ code: 'internal' }),
    );
    for (const raw of [undefined, null, 'ok', { ok: true }, { ok: 'yes', data: {} }, { ok: false, error: 'no' }]) {
      expect(() => unwrapEnvelope('ping', raw), JSON.stringify(raw)).toThrowError(/malformed answer to ping/);
    }
  });

  it('sends in a task of its own, not in the caller’s (a batch runs in the page’s frame), each call once', async () => {
    vi.useFakeTimers();
    try {
      const send = vi.spyOn(fakeBrowser.runtime as unknown as { sendMessage: () => void }, 'sendMessage');
      const answers = [call('ping', {}), call('ping', {})];
      for (let i = 0; i < 5; i++) await Promise.resolve();
      expect(send).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(0);
      expect(send).toHaveBeenCalledTimes(2);
      vi.useRealTimers();
      await Promise.all(answers);
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns a background that does not answer into a clear error', async () => {
    unregister?.();
    unregister = undefined;
    await expect(call('ping', {})).rejects.toThrowError(RadarError);
  });
});

describe('messages to the tab', () => {
  it('runs the toggle when this extension sends it', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [
      { id: 42, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
    ]);
    const sent = wireTabs();
    let toggled = 0;
    const stop = onTogglePanel(() => {
      toggled++;
    });
    expect(await togglePanelInActiveTab()).toBe(true);
    stop();
    expect(toggled).toBe(1);
    expect(sent.map((s) => s.tabId)).toEqual([42]);
  });
});

describe('watchLocal', () => {
  it('calls back when its key of storage.local changes, and stops when asked', async () => {
    let calls = 0;
    const stop = watchLocal('settings', () => {
      calls++;
    });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.set({ settings: { panelCollapsed: true } });
    expect(calls).toBe(1);
    stop();
    await fakeBrowser.storage.local.set({ settings: { panelCollapsed: false } });
    expect(calls).toBe(1);
  });
});

describe('errors a content script shows, in the interface language', () => {
  afterEach(async () => {
    const { applyLanguageSetting } = await import('../../../utils/i18n');
    await applyLanguageSetting('auto');
  });

  it('a refusal keeps the background’s locale text (place and problem), not only its English', async () => {
    const { applyLanguageSetting } = await import('../../../utils/i18n');
    const { errorText } = await import('../../../utils/i18n/user-text');
    const error = await call('settings.patch', { targets: { warnMinutes: 90, breachMinutes: 60 } } as never).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RadarError);
    expect(errorText(error)).toBe('response targets: the warning must come before the breach');
    await applyLanguageSetting('hu');
    expect(errorText(error)).toBe('válaszidő-célok: a figyelmeztetésnek a túllépés előtt kell lennie');
  });

  it('a background that does not answer says so in the user’s language', async () => {
    const { applyLanguageSetting } = await import('../../../utils/i18n');
    const { errorText } = await import('../../../utils/i18n/user-text');
    unregister?.();
    unregister = undefined;
    vi.spyOn(
      fakeBrowser.runtime as unknown as { sendMessage: (...args: unknown[]) => unknown },
      'sendMessage',
    ).mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    const error = await call('settings.get', {}).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect((error as RadarError).message).toContain('Extension context invalidated');
    await applyLanguageSetting('bn');
    expect(errorText(error)).toBe(
      'Reply Radar তার ব্যাকগ্রাউন্ডের সাথে যোগাযোগ করতে পারেনি। এই পেজটি রিলোড করুন (আপডেটের পরে খোলা পেজগুলো রিলোড করতে হয়)।',
    );
  });

  it('a malformed answer is our sentence too', async () => {
    const { errorText } = await import('../../../utils/i18n/user-text');
    expect(
      errorText(
        (() => {
          try {
            unwrapEnvelope('settings.get', 42);
          } catch (e) {
            return e;
          }
        })(),
      ),
    ).toBe('Reply Radar’s background gave an answer it cannot read. Reload this page.');
  });
});
