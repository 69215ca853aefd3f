// How long the import takes on the largest file Reply Radar accepts (checks, then the all-or-nothing write into
// IndexedDB, fake-indexeddb here), and the checks on crafted files that used to freeze the options page.
// Run: npx vitest bench --run tests/bench/import.bench.ts (figures in README, "Storage"; never asserted).
import { bench, describe } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/core/settings';
import { importJson, MAX_IMPORT_BYTES, parseExportFile } from '../../utils/storage/import-export';

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

/** As many comment states as fit under the 10 MB limit, plus 2,000 templates: the largest file accepted. */
function largestFile(): string {
  const templates = Array.from({ length: 2000 }, (_, i) => ({
    id: `t${i}`,
    title: `Template ${i}`,
    body: `Thank you {first_name}, template ${i}. `.repeat(8),
    language: 'en',
    tags: ['a'],
    shortcut: `s${i}`,
    order: i,
    createdAt: 1,
    updatedAt: 1,
    useCount: 0,
  }));
  const states: unknown[] = [];
  let text = '';
  for (let n = 200_000; ; n -= 10_000) {
    states.length = 0;
    for (let i = 0; i < n; i++)
      states.push({ key: `x:18${String(i).padStart(17, '0')}`, state: 'done', at: 1_700_000_000_000 });
    text = JSON.stringify(file({ templates, commentStates: states }));
    if (text.length < MAX_IMPORT_BYTES) return text;
  }
}

const largest = largestFile();
const deepArrays = `${JSON.stringify(file({})).slice(0, -1)},"extra":${'['.repeat(80_000)}${']'.repeat(80_000)}}`;
const dupStates = JSON.stringify(
  file({
    commentStates: [
      ...Array.from({ length: 200_000 }, (_, i) => ({ key: `x:${i}`, state: 'done', at: 1 })),
      { key: 'x:199999', state: 'done', at: 1 },
    ],
  }),
);

describe(`import checks (largest accepted file: ${(largest.length / 1e6).toFixed(1)} MB)`, () => {
  bench(
    'parse and check the largest accepted file',
    () => {
      parseExportFile(largest);
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    'import (replace) the largest accepted file into IndexedDB',
    async () => {
      await importJson(largest, { mode: 'replace' });
    },
    { iterations: 2, warmupIterations: 0 },
  );
  bench(
    'refuse 160 KB of nested arrays',
    () => {
      try {
        parseExportFile(deepArrays);
      } catch {}
    },
    { iterations: 5 },
  );
  bench(
    'refuse 200,000 states with one duplicate',
    () => {
      try {
        parseExportFile(dupStates);
      } catch {}
    },
    { iterations: 3 },
  );
});
