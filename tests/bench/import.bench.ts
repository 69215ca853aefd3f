// How long the import takes on the largest file Reply Radar accepts (checks, then the all-or-nothing write into
// IndexedDB, fake-indexeddb here), and the checks on crafted files that used to freeze the options page.
// Run: npx vitest bench --run tests/bench/import.bench.ts (figures in README, "Storage"; never asserted).
import { bench, describe } from 'vitest';
import { importJson, parseExportFile } from '../../utils/storage/import-export';
import { exportFile as file, largestImportFile } from './largest-import';

const largest = largestImportFile();
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
