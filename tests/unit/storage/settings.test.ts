import { describe, expect, it } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { RadarError } from '../../../utils/storage/errors';
import {
  defineSettingsItem,
  readSettings,
  SETTINGS_KEY,
  watchSettings,
  writeSettings,
} from '../../../utils/storage/settings';

describe('settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field and falls back to the default for each invalid one', async () => {
    await storage.setItem(SETTINGS_KEY, {
      ...DEFAULT_SETTINGS,
      agentName: 'Ann',
      brand: { x: ['acme'], facebook: 5, instagram: ['acme.ig'] },
      targets: { warnMinutes: 90, breachMinutes: 60 },
      shortcuts: {
        ...DEFAULT_SETTINGS.shortcuts,
        next: { code: 'KeyN', alt: true, ctrl: false, shift: false, meta: false },
        done: 'D',
      },
      labelWords: { question: { en: ['how come'], hu: 5 }, complaint: {}, order: {} },
      sites: 'all',
      unknownField: true,
    });
    const s = await readSettings();
    expect(s.agentName).toBe('Ann');
    expect(s.brand).toEqual({ x: ['acme'], facebook: [], instagram: ['acme.ig'] });
    expect(s.targets).toEqual(DEFAULT_SETTINGS.targets);
    expect(s.shortcuts.next.code).toBe('KeyN');
    expect(s.shortcuts.done).toEqual(DEFAULT_SETTINGS.shortcuts.done);
    expect(s.labelWords.question).toEqual({ en: ['how come'] });
    expect(s.sites).toEqual(DEFAULT_SETTINGS.sites);
    expect(s).not.toHaveProperty('unknownField');
  });

  it('reads defaults when the stored value is not an object at all', async () => {
    await storage.setItem(SETTINGS_KEY, 'garbage');
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('writes a valid change and refuses an invalid one without writing anything', async () => {
    await writeSettings({ agentName: 'Bea', targets: { warnMinutes: 10, breachMinutes: 20 } });
    expect(await readSettings()).toMatchObject({ agentName: 'Bea', targets: { warnMinutes: 10, breachMinutes: 20 } });

    const stored = await storage.getItem(SETTINGS_KEY);
    const err = await writeSettings({ targets: { warnMinutes: 90, breachMinutes: 60 } }).catch((e) => e);
    expect(err).toBeInstanceOf(RadarError);
    expect(err).toMatchObject({ code: 'bad-request', path: 'targets' });
    expect(err.message).toContain('warn must come before breach');
    await expect(writeSettings({ agentName: 7 } as never)).rejects.toMatchObject({ path: 'agentName' });
    expect(await storage.getItem(SETTINGS_KEY)).toEqual(stored);
  });

  it('tells watchers about changes, repaired', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((s) => seen.push(s.agentName));
    await writeSettings({ agentName: 'Cy' });
    await storage.setItem(SETTINGS_KEY, { agentName: 12 });
    unwatch();
    expect(seen).toEqual(['Cy', '']);
  });

  it('runs a migration step for a value stored at an older version', async () => {
    await storage.setItem(SETTINGS_KEY, { ...DEFAULT_SETTINGS, agentName: 'old' });
    await storage.setMeta(SETTINGS_KEY, { v: 1 });
    const item = defineSettingsItem(2, { 2: (old) => ({ ...(old as object), agentName: 'migrated' }) });
    expect(await item.getValue()).toMatchObject({ agentName: 'migrated' });
    expect(await storage.getMeta(SETTINGS_KEY)).toEqual({ v: 2 });
  });
});
