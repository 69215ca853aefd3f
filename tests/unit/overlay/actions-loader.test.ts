// The overlay's deferred code loads once, on first use: the content script shares what the build maps (i18n; the
// deferred code brings its own Preact, the content script has none) in its isolated-world global, asks the
// background to inject the file, and takes the actions the file left. A failed load is tried again at the next use.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as i18n from '../../../utils/i18n';
import { call, RadarError } from '../../../utils/messaging/content-client';
import { overlayActions } from '../../../utils/overlay/actions';
import { ACTIONS_GLOBAL, SHARED_GLOBAL, SHARED_MODULES } from '../../../utils/overlay/actions/shared';
import { loadActions, loadedActions } from '../../../utils/overlay/actions-loader';

vi.mock('../../../utils/messaging/content-client', async (original) => ({
  ...(await original<typeof import('../../../utils/messaging/content-client')>()),
  call: vi.fn(),
}));

const scope = globalThis as Record<string, unknown>;
afterEach(() => {
  delete scope[SHARED_GLOBAL];
  delete scope[ACTIONS_GLOBAL];
});

describe('loadActions', () => {
  it('shares every name the build maps, asks the background once, and retries after a failure', async () => {
    const asked = vi.mocked(call);
    asked.mockRejectedValueOnce(new RadarError('internal', 'no background'));
    await expect(loadActions()).rejects.toThrowError('no background');
    expect(loadedActions()).toBeNull();

    asked.mockImplementation((async (name: string) => {
      expect(name).toBe('overlay.loadActions');
      // What the injected file reads must be there before it runs.
      const shared = scope[SHARED_GLOBAL] as Record<string, Record<string, unknown>>;
      const real: Record<string, Record<string, unknown>> = { i18n };
      for (const [key, { names }] of Object.entries(SHARED_MODULES)) {
        for (const name of names) {
          expect(shared[key]?.[name], `${key}.${name}`).toBeDefined();
          expect(shared[key]?.[name], `${key}.${name}`).toBe(real[key]?.[name]);
        }
      }
      scope[ACTIONS_GLOBAL] = overlayActions;
      return {};
    }) as never);
    const [first, second] = await Promise.all([loadActions(), loadActions()]);
    expect(first).toBe(overlayActions);
    expect(second).toBe(overlayActions);
    expect(loadedActions()).toBe(overlayActions);
    await loadActions();
    expect(asked).toHaveBeenCalledTimes(2);
  });
});
