// Chrome's callback-style runtime.sendMessage / tabs.sendMessage, simulated over the fake browser so messages go
// through @webext-core/messaging exactly as in the extension, with a sender of our choosing.

import { vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';

type Callback = (response: unknown) => void;

/** Deliver like Chrome: listeners get (message, sender, sendResponse); `true` from one keeps the channel open. */
function deliver(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  return new Promise((resolve) => {
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    void trigger(message, sender, resolve).then((returns) => {
      if (!returns.includes(true)) resolve(undefined);
    });
  });
}

/** The fake browser's runtime.lastError is a stub object; Chrome leaves it undefined when all went well. */
function clearLastError(): void {
  vi.spyOn(fakeBrowser.runtime as unknown as { lastError: unknown }, 'lastError', 'get').mockReturnValue(undefined);
}

/** Messages sent with runtime.sendMessage arrive at onMessage listeners as coming from `sender`. */
export function wireRuntime(sender: () => Runtime.MessageSender): void {
  clearLastError();
  vi.spyOn(
    fakeBrowser.runtime as unknown as { sendMessage: (...args: unknown[]) => unknown },
    'sendMessage',
  ).mockImplementation(((message: unknown, callback: Callback) => {
    void deliver(message, sender()).then(callback);
  }) as never);
}

/** Messages sent to a tab arrive at onMessage listeners (the content script) as coming from this extension. */
export function wireTabs(): Array<{ tabId: number; message: unknown }> {
  const sent: Array<{ tabId: number; message: unknown }> = [];
  vi.spyOn(
    fakeBrowser.tabs as unknown as { sendMessage: (...args: unknown[]) => unknown },
    'sendMessage',
  ).mockImplementation(((tabId: number, message: unknown, _options: unknown, callback: Callback) => {
    sent.push({ tabId, message });
    void deliver(message, { id: fakeBrowser.runtime.id }).then(callback);
  }) as never);
  return sent;
}
