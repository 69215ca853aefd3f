// A merge import (no settings to write first) opens its transaction and asks for the stored records before it parses
// the file, so the browser reads them meanwhile; a refused file is still reported as itself and changes nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { RadarError } from '../../../utils/storage/errors';
import { importJson } from '../../../utils/storage/import-export';
import { seedStarterTemplates } from '../../../utils/storage/templates';
import { dumpEverything } from './helpers';

const text = JSON.stringify({
  format: 'reply-radar',
  formatVersion: 2,
  exportedAt: '2024-05-01T10:00:00.000Z',
  templates: [],
  settings: DEFAULT_SETTINGS,
  commentStates: [{ key: 'x:1', state: 'done', at: 5 }],
});

/** The order of the import's first read of the chunks and its parse of the file. */
function watchOrder(): string[] {
  const events: string[] = [];
  const getAllKeys = IDBObjectStore.prototype.getAllKeys;
  vi.spyOn(IDBObjectStore.prototype, 'getAllKeys').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === 'stateChunks') events.push('read');
    return getAllKeys.apply(this, args);
  });
  const parse = JSON.parse;
  vi.spyOn(JSON, 'parse').mockImplementation((source: string, reviver) => {
    if (source === text || source === '{"format": "reply-radar", oops') events.push('parse');
    return parse(source, reviver);
  });
  return events;
}

beforeEach(async () => {
  await seedStarterTemplates({ starters: [] });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the import reads while the file is parsed', () => {
  it('a merge asks for the stored chunks before parsing the file; a replace (settings first) after', async () => {
    const merge = watchOrder();
    await importJson(text, { mode: 'merge' });
    expect(merge).toEqual(['read', 'parse']);
    vi.restoreAllMocks();
    const replace = watchOrder();
    await importJson(text, { mode: 'replace' });
    expect(replace).toEqual(['parse', 'read']);
  });

  it('a refused file in a merge is reported as the file problem it is, and changes nothing', async () => {
    const before = await dumpEverything();
    const events = watchOrder();
    const error = await importJson('{"format": "reply-radar", oops', { mode: 'merge' }).catch((e: unknown) => e);
    expect(events).toEqual(['read', 'parse']);
    expect(error).toBeInstanceOf(RadarError);
    expect((error as RadarError).code).toBe('bad-request');
    expect((error as RadarError).message).toMatch(/^The file is not valid JSON/);
    expect(await dumpEverything()).toEqual(before);
  });
});
