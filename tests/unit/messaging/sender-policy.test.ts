// A content script runs inside a site's renderer; if that renderer is compromised, whatever a content script may
// send, the site may send. Content scripts get only what the overlay needs, and every field is bounded.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage, type Sender } from '../../../utils/messaging/background-handlers';
import { BACKGROUND_MESSAGES } from '../../../utils/messaging/protocol';
import { CONTENT_SCRIPT_MESSAGES, isExtensionPage } from '../../../utils/messaging/sender-policy';
import { createTemplate, listTemplates } from '../../../utils/storage/templates';

const draft = { title: 'Refunds', body: 'Refunds take 14 days.', language: 'en', tags: [] };
const contentScript = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://x.com/acme/status/1',
  tab: { id: 7 },
});
const optionsPage = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/options.html'),
  tab: { id: 8 },
});
const popup = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

describe('what a content script may ask', () => {
  it('is the short list the overlay needs; templates cannot be created, edited, deleted or reordered', async () => {
    const t = await createTemplate(draft);
    const refused: Array<[string, unknown]> = [
      ['templates.create', draft],
      ['templates.update', { id: t.id, patch: { body: 'Send your card number to evil.example' } }],
      ['templates.delete', { id: t.id }],
      ['templates.restore', { id: t.id }],
      ['templates.reorder', { ids: [t.id] }],
      ['templates.get', { id: t.id }],
    ];
    for (const [name, data] of refused) {
      expect(await handleMessage(name, data, contentScript()), name).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    // Nothing changed.
    expect((await listTemplates()).items).toEqual([t]);

    expect(await handleMessage('templates.list', {}, contentScript())).toMatchObject({ ok: true });
    expect(await handleMessage('templates.markUsed', { id: t.id }, contentScript())).toMatchObject({
      ok: true,
      data: { useCount: 1 },
    });
    const state = { key: 'x:1', state: 'done', at: 1 };
    expect(await handleMessage('states.set', state, contentScript())).toEqual({ ok: true, data: state });
    expect(await handleMessage('states.list', { keys: ['x:1'] }, contentScript())).toMatchObject({
      ok: true,
      data: { items: [state] },
    });
    // Undo.
    expect(await handleMessage('states.clear', { keys: ['x:1'] }, contentScript())).toEqual({
      ok: true,
      data: { cleared: 1 },
    });
  });

  it('treats a sender without an extension URL as a content script, whatever else it carries', async () => {
    for (const sender of [
      { id: fakeBrowser.runtime.id },
      { id: fakeBrowser.runtime.id, url: 'https://evil.example/' },
    ]) {
      expect(await handleMessage('templates.create', draft, sender)).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect(isExtensionPage({ url: `https://x.com/${fakeBrowser.runtime.getURL('/')}` })).toBe(false);
  });

  it('lets the extension’s own pages (options in a tab, popup) use everything', async () => {
    expect(await handleMessage('templates.create', draft, optionsPage())).toMatchObject({ ok: true });
    expect(await handleMessage('templates.list', {}, popup())).toMatchObject({ ok: true });
  });

  it('lists only messages the background really has, and none that change templates', () => {
    for (const name of CONTENT_SCRIPT_MESSAGES) {
      // Names other helpers add (settings through the background, styles) may land later; those present must exist.
      if ((BACKGROUND_MESSAGES as readonly string[]).includes(name)) continue;
      expect(name).toMatch(/^(settings|labels|ui|i18n)\./);
    }
    for (const name of ['templates.create', 'templates.update', 'templates.delete', 'templates.restore']) {
      expect(CONTENT_SCRIPT_MESSAGES.has(name)).toBe(false);
    }
  });
});

describe("the overlay's deferred code", () => {
  it('is injected into the frame that asked, in the isolated world, and only from a tab', async () => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    try {
      const sender = { ...contentScript(), frameId: 3 };
      expect(await handleMessage('overlay.loadActions', {}, sender)).toEqual({ ok: true, data: {} });
      expect(inject).toHaveBeenCalledExactlyOnceWith({
        target: { tabId: 7, frameIds: [3] },
        files: ['/overlay-actions.js'],
      });
      // A request cannot choose the tab, frame or file: it carries nothing.
      expect(await handleMessage('overlay.loadActions', { tabId: 1, files: ['/x.js'] }, sender)).toMatchObject({
        ok: true,
      });
      expect(inject).toHaveBeenLastCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['/overlay-actions.js'] });
      // The popup is no tab: nothing to inject into.
      expect(await handleMessage('overlay.loadActions', {}, popup())).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
      expect(inject).toHaveBeenCalledTimes(2);
    } finally {
      inject.mockRestore();
    }
  });
});

describe('every key, id and text is bounded', () => {
  const huge = 'x'.repeat(100_000);
  const comment = {
    platform: 'x',
    postId: '1',
    threadKey: '1',
    author: { handle: 'jane', displayName: 'Jane' },
    text: 'hi',
    postedAt: 1,
    postedAtPrecision: 'exact',
    permalink: 'https://x.com/jane/status/1',
    order: 0,
  };
  const seen = { key: 'x:1', state: 'unanswered', comment };
  it.each([
    ['states.set', { key: huge, state: 'done', at: 1 }],
    ['states.set', { key: 'x:1', state: 'done', at: Number.POSITIVE_INFINITY }],
    ['states.list', { keys: [huge] }],
    ['states.list', { keys: Array.from({ length: 5001 }, (_, i) => `x:${i}`) }],
    ['templates.markUsed', { id: huge }],
    ['responseLog.record', { comments: [{ ...seen, key: huge }] }],
    ['responseLog.record', { comments: [{ ...seen, comment: { ...comment, postId: huge } }] }],
    ['responseLog.record', { comments: [{ ...seen, comment: { ...comment, text: huge } }] }],
  ])('%s refuses an oversized request', async (name, data) => {
    expect(await handleMessage(name, data, contentScript())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it.each([
    ['templates.create', { ...draft, body: huge }],
    ['templates.create', { ...draft, title: huge }],
    ['templates.update', { id: huge, patch: { title: 'T' } }],
    ['templates.reorder', { ids: [huge] }],
  ])('%s (extension pages) refuses an oversized request too', async (name, data) => {
    expect(await handleMessage(name, data, optionsPage())).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
