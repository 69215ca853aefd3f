// `npm run bench [-- --sites x --sizes 2000 --runs 1]`: bundles the generated bench pages and the runner
// (TypeScript) with esbuild, then runs it. Needs a Chrome build first (`npx wxt build` or `npm run build`): the
// runner loads .output/chrome-mv3. `-- --help` lists the flags. `-- --import` times the largest import through the
// options page instead (tests/bench/import-page.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.join(here, 'dist');

if (!existsSync(path.join(root, '.output/chrome-mv3/manifest.json')) && !process.env.RR_EXTENSION_DIR) {
  console.error('bench: .output/chrome-mv3 is missing; build first (npx wxt build)');
  process.exit(1);
}
const args = process.argv.slice(2);
if (args.includes('--import')) {
  await esbuild.build({
    entryPoints: [path.join(here, 'import-page.ts')],
    outfile: path.join(dist, 'import-page.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const { main } = await import(pathToFileURL(path.join(dist, 'import-page.mjs')).href);
  await main(args);
  process.exit(0);
}
await esbuild.build({
  entryPoints: ['x', 'facebook', 'instagram'].map((site) => ({ in: path.join(here, `page/${site}.ts`), out: site })),
  outdir: dist,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'warning',
  absWorkingDir: root,
});
await esbuild.build({
  entryPoints: [path.join(here, 'bench.ts')],
  outfile: path.join(dist, 'bench.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
});
const { main } = await import(pathToFileURL(path.join(dist, 'bench.mjs')).href);
await main(args);
