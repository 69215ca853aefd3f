// Bundles the fixture apps (tests/e2e/fixtures/src/*-app.tsx) and the insertion strategies for the e2e pages into
// tests/e2e/fixtures/dist/. The fixture shells load them from /__rr__/<name>.js (see harness.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const srcDir = path.join(here, 'fixtures/src');
const outDir = path.join(here, 'fixtures/dist');

const apps = readdirSync(srcDir).filter((name) => name.endsWith('-app.tsx'));

const common = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'react',
  // React's production build, as the sites run it (and no development warnings in the console).
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
};

// One build per app: a broken app (they are written by different people) must not keep the others from building.
const results = await Promise.allSettled(
  apps.map((name) =>
    esbuild.build({
      ...common,
      entryPoints: [path.join(srcDir, name)],
      outfile: path.join(outDir, name.replace(/\.tsx$/, '.js')),
    }),
  ),
);
const failed = apps.filter((_, index) => results[index]?.status === 'rejected');

// rr.test runs no content script: the insertion tests add this bundle to the page instead. It installs the
// page-world bridge and exposes the content-script API, so a test drives the same code path as the extension.
await esbuild.build({
  ...common,
  stdin: {
    resolveDir: root,
    sourcefile: 'insert-strategies.ts',
    loader: 'ts',
    contents: `
      import { installInsertBridge } from './utils/insert/bridge';
      import { caretRange, placeCaret } from './utils/insert/caret';
      import { insertIntoEditor } from './utils/insert/index';
      installInsertBridge(window);
      const find = (selector) => {
        const element = document.querySelector(selector);
        if (!element) throw new Error('No element matches ' + selector);
        return element;
      };
      window.__rrInsert = {
        insert: (selector, kind, text, cursor, opts) => insertIntoEditor(find(selector), kind, text, cursor, opts),
        placeCaret: (selector, kind, offset) => placeCaret(find(selector), kind, offset),
        caret: (selector, kind) => caretRange(find(selector), kind),
      };
    `,
  },
  outfile: path.join(outDir, 'insert-strategies.js'),
});

const built = apps.length - failed.length;
console.log(`fixtures: built ${built} app(s) and insert-strategies.js into ${path.relative(root, outDir)}`);
if (failed.length > 0) {
  console.error(`fixtures: could not build ${failed.join(', ')} (errors above)`);
  process.exitCode = 1;
}
