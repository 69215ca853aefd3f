// Crafted import files must be refused quickly and change nothing. Time is measured in the bench note
// (tests/unit/storage/import-bench.md), never asserted here; these tests prove the refusals and the linear walk's
// answers, at sizes that took seconds to minutes with the old quadratic checks.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { importJson, MAX_IMPORT_DEPTH, parseExportFile } from '../../../utils/storage/import-export';
import { seedStarterTemplates } from '../../../utils/storage/templates';
import { dumpEverything } from './helpers';

function file(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    format: 'reply-radar',
    formatVersion: 2,
    exportedAt: '2024-05-01T10:00:00.000Z',
    templates: [],
    settings: DEFAULT_SETTINGS,
    commentStates: [],
    ...extra,
  };
}

/** `{"format":…,"extra":[[[[…]]]]}` nested `depth` arrays deep, as text (JSON.stringify would recurse). */
function nestedArrays(depth: number): string {
  const head = JSON.stringify(file({})).slice(0, -1);
  return `${head},"extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

beforeEach(async () => {
  await seedStarterTemplates({ starters: [] });
});

describe('nesting', () => {
  it('refuses a file nested far deeper than a backup ever is (80 KB of arrays), naming where, changing nothing', async () => {
    const before = await dumpEverything();
    const text = nestedArrays(40_000);
    const error = await importJson(text, { mode: 'replace' }).catch((e) => e);
    expect(error.message).toMatch(
      new RegExp(`^extra(\\[0\\]){${MAX_IMPORT_DEPTH - 1}}: nested deeper than ${MAX_IMPORT_DEPTH} levels`),
    );
    expect(await dumpEverything()).toEqual(before);
  });

  it('refuses objects nested as deep as arrays', () => {
    let text = '1';
    for (let i = 0; i < 5000; i++) text = `{"a":${text}}`;
    const body = JSON.stringify(file({})).slice(0, -1);
    expect(() => parseExportFile(`${body},"extra":${text}}`)).toThrow(/nested deeper than/);
  });

  it('accepts nesting up to the limit (the check is not off by one toward refusing backups)', () => {
    // The file itself is level 1 and "extra" level 2: arrays fill the rest up to the limit.
    const text = nestedArrays(MAX_IMPORT_DEPTH - 1);
    expect(parseExportFile(text).format).toBe('reply-radar');
    expect(() => parseExportFile(nestedArrays(MAX_IMPORT_DEPTH))).toThrow(/nested deeper than/);
  });

  it('still names a forbidden key deep inside, with its full path', () => {
    const text = JSON.stringify(file({ extra: [{ a: [{ b: { c: 1 } }] }] })).replace('"c":1', '"constructor":1');
    expect(() => parseExportFile(text)).toThrow(
      /^extra\[0\]\.a\[0\]\.b\.constructor: the key "constructor" is not allowed$/,
    );
  });
});

describe('duplicates among many entries', () => {
  it('finds the one repeated key among 50,000 comment states and names both places', () => {
    const states = Array.from({ length: 50_000 }, (_, i) => ({ key: `x:${i}`, state: 'done', at: 1 }));
    states.push({ key: 'x:123', state: 'done', at: 2 });
    expect(() => parseExportFile(JSON.stringify(file({ commentStates: states })))).toThrow(
      /^commentStates\[50000\]\.key: "x:123" is also used by commentStates\[123\]$/,
    );
  });

  it('counts shortcut positions in the whole list, skipping trashed templates', () => {
    const t = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      title: id,
      body: 'B',
      language: 'en',
      tags: [],
      order: 0,
      createdAt: 1,
      updatedAt: 1,
      useCount: 0,
      ...extra,
    });
    const templates = [
      t('a', { shortcut: 'ty' }),
      t('b', { shortcut: 'ty', deletedAt: 5 }),
      t('c', { shortcut: 'TY' }),
    ];
    expect(() => parseExportFile(JSON.stringify(file({ templates })))).toThrow(
      /^templates\[2\]\.shortcut: "ty" is also used by templates\[0\]$/,
    );
  });
});
