import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import {
  HANDLERS,
  handleMessage,
  registerBackgroundHandlers,
  togglePanelInActiveTab,
} from '../../../utils/messaging/background-handlers';
import { call, onTogglePanel, RadarError } from '../../../utils/messaging/client';
import { BACKGROUND_MESSAGES, PROTOCOL } from '../../../utils/messaging/protocol';
import { closeRadarDb } from '../../../utils/storage/db';
import { getTemplate, seedStarterTemplates } from '../../../utils/storage/templates';
import { wireRuntime, wireTabs } from './wire';

const draft = { title: 'Thanks', body: 'Thank you!', language: 'en', tags: [] };
// The options page, opened in a tab: an extension page, which may use every message.
const fromTab = (tabId: number): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/options.html'),
  tab: { id: tabId } as never,
});

let unregister: (() => void) | undefined;
let sender: Runtime.MessageSender;

beforeEach(async () => {
  sender = fromTab(1);
  wireRuntime(() => sender);
  unregister = registerBackgroundHandlers();
  await seedStarterTemplates({ starters: [] });
});

afterEach(() => {
  unregister?.();
});

describe('protocol', () => {
  it('has a handler for every message the background receives, and only those', () => {
    const toBackground = Object.entries(PROTOCOL)
      .filter(([, def]) => def.to === 'background')
      .map(([name]) => name)
      .sort();
    expect([...BACKGROUND_MESSAGES].sort()).toEqual(toBackground);
    expect(Object.keys(HANDLERS).sort()).toEqual(toBackground);
    for (const name of toBackground) expect(typeof HANDLERS[name as keyof typeof HANDLERS]).toBe('function');
    expect(BACKGROUND_MESSAGES).not.toContain('overlay.togglePanel');
    expect(PROTOCOL['overlay.togglePanel'].to).toBe('content');
  });
});

describe('client ↔ background', () => {
  it('answers ping and runs a template round trip', async () => {
    await expect(call('ping', {})).resolves.toEqual({ pong: true });
    const created = await call('templates.create', draft);
    expect(created).toMatchObject({ title: 'Thanks', useCount: 0 });
    const listed = await call('templates.list', {});
    expect(listed).toEqual({ items: [created], skipped: [] });
    const updated = await call('templates.update', { id: created.id, patch: { title: 'Thank you' } });
    expect(updated.title).toBe('Thank you');
    await call('templates.delete', { id: created.id });
    expect((await call('templates.list', {})).items).toEqual([]);
    await call('templates.restore', { id: created.id });
    expect((await call('templates.list', {})).items).toHaveLength(1);
  });

  it('stores and clears manual comment states', async () => {
    await call('states.set', { key: 'x:1', state: 'snoozed', at: 1, until: 2 });
    await call('states.set', { key: 'x:2', state: 'done', at: 1 });
    expect((await call('states.list', { keys: ['x:1', 'x:3'] })).items).toEqual([
      { key: 'x:1', state: 'snoozed', at: 1, until: 2 },
    ]);
    expect(await call('states.clear', { keys: ['x:1', 'x:3'] })).toEqual({ cleared: 1 });
    expect((await call('states.list', { keys: ['x:1', 'x:2'] })).items.map((s) => s.key)).toEqual(['x:2']);
  });

  it('judges comments for content scripts with the built-in label words and the settings’ own', async () => {
    await call('settings.patch', { labelWords: { question: {}, complaint: { en: ['meh'] }, order: {} } });
    const { judgments } = await call('comments.judge', {
      items: [{ text: 'where is my order?' }, { text: 'meh', lang: 'en' }, { text: '🔥🔥🔥 http://spam.example' }],
    });
    expect(judgments).toEqual([
      { labels: ['question', 'order'], spam: false, language: 'en' },
      { labels: ['complaint'], spam: false, language: 'en' },
      { labels: [], spam: true, language: null },
    ]);
  });

  it('surfaces a refusal as a RadarError carrying the background’s error', async () => {
    await call('templates.create', { ...draft, shortcut: 'ty' });
    const err = await call('templates.create', { ...draft, shortcut: 'ty' }).catch((e) => e);
    expect(err).toBeInstanceOf(RadarError);
    expect(err).toMatchObject({ code: 'conflict', path: 'shortcut' });
    expect(err.message).toContain('already used by the template "Thanks"');
    await expect(call('templates.markUsed', { id: 'missing' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('checks a request before sending it', async () => {
    const send = vi.mocked(fakeBrowser.runtime.sendMessage);
    send.mockClear();
    const err = await call('templates.create', { ...draft, title: '' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'bad-request', path: 'title' });
    expect(send).not.toHaveBeenCalled();
  });

  it('reports a background that does not answer as an internal error, without retrying', async () => {
    unregister?.();
    unregister = undefined;
    const send = vi.mocked(fakeBrowser.runtime.sendMessage);
    send.mockClear();
    await expect(call('ping', {})).rejects.toMatchObject({ code: 'internal' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('loses no update when two tabs write at the same time', async () => {
    const t = await call('templates.create', draft);
    const tabs = [fromTab(1), fromTab(2)];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        sender = tabs[i % 2]!;
        return call('templates.markUsed', { id: t.id });
      }),
    );
    expect((await getTemplate(t.id)).useCount).toBe(10);

    const results = await Promise.allSettled([
      call('templates.create', { ...draft, title: 'Tab 1', shortcut: 'same' }),
      call('templates.create', { ...draft, title: 'Tab 2', shortcut: 'same' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await call('templates.list', {})).items).toHaveLength(2);
  });
});

describe('background handler checks', () => {
  const self = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

  it('answers a bad payload with a clear error naming the field', async () => {
    expect(await handleMessage('templates.create', { ...draft, body: 5 }, self())).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message: 'templates.create: body: Invalid input: expected string, received number',
        path: 'body',
        // What the user reads, in the interface language: "reply text: should be text".
        key: 'error_at',
        params: { place: { key: 'field_body' }, problem: { key: 'problem_expected_text' } },
      },
    });
    expect(await handleMessage('states.set', { key: 'x:1', state: 'done' }, self())).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'states.set: at: required', path: 'at' },
    });
    expect(await handleMessage('templates.update', null, self())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('refuses a message from another extension, and one without a sender id, before touching the store', async () => {
    for (const stranger of [{ id: 'some-other-extension' }, {}]) {
      expect(await handleMessage('templates.create', draft, stranger)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'templates.create: refused, the sender is not Reply Radar.' },
      });
    }
    expect((await handleMessage('templates.list', {}, self())) as unknown).toEqual({
      ok: true,
      data: { items: [], skipped: [] },
    });
  });

  it('refuses through the real transport too', async () => {
    sender = { id: 'some-other-extension' };
    await expect(call('templates.create', draft)).rejects.toMatchObject({ code: 'forbidden' });
    sender = fromTab(1);
    expect((await call('templates.list', {})).items).toEqual([]);
  });

  it('refuses unknown messages and messages meant for content scripts', async () => {
    expect(await handleMessage('templates.drop', {}, self())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await handleMessage('overlay.togglePanel', {}, self())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await handleMessage('constructor', {}, self())).toMatchObject({ ok: false });
  });

  it('turns an unexpected failure into an internal error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new Error('disk gone');
    });
    await closeRadarDb();
    expect(await handleMessage('templates.list', {}, self())).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk gone' },
    });
  });
});

describe('toggle-panel command', () => {
  /** The browser's answer to "which tab is active in the current window?". */
  function activeTab(id: number): void {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (info) =>
      info.active && info.currentWindow
        ? [{ id, index: 0, highlighted: true, active: true, pinned: false, incognito: false }]
        : [],
    );
  }

  it('reaches the content script of the active tab', async () => {
    activeTab(42);
    const sent = wireTabs();
    const toggled = vi.fn();
    const stop = onTogglePanel(toggled);
    expect(await togglePanelInActiveTab()).toBe(true);
    stop();
    expect(toggled).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ tabId: 42, message: expect.objectContaining({ type: 'overlay.togglePanel' }) }]);
  });

  it('is a quiet no-op on a tab without Reply Radar', async () => {
    activeTab(7);
    const sent = wireTabs();
    unregister?.();
    unregister = undefined;
    expect(await togglePanelInActiveTab()).toBe(false);
    expect(sent.map((s) => s.tabId)).toEqual([7]);
  });
});
