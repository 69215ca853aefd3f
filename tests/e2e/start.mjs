// `npm start`: builds the extension and the fixture pages, then opens Chromium (CHROME_PATH, else Debian's
// /usr/bin/chromium) in a window with Reply Radar loaded and the demo posts of the three sites open in tabs, served
// from local fixtures (no network). Runs until the browser is closed. Without a display it explains how to load the
// built extension into your own browser instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_PAGES = [
  'https://x.com/acme/status/1790000000000000001',
  'https://www.facebook.com/acme/posts/pfbid0demo',
  'https://www.instagram.com/p/DEMOpost1/',
];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed; see above.`);
    process.exit(result.status ?? 1);
  }
}

function firefoxBuild() {
  return path.join(root, '.output', 'firefox-mv3');
}

function explainManualLoad(reason) {
  const chrome = path.join(root, '.output', 'chrome-mv3');
  const firefox = path.join(firefoxBuild(), 'manifest.json');
  console.log(`
${reason}

Reply Radar is built. To use it in your own browser:

  Chrome, Chromium, Edge or Brave
    1. Open chrome://extensions
    2. Turn on "Developer mode" (top right)
    3. Click "Load unpacked" and choose the folder
       ${chrome}

  Firefox (128 or newer)
    1. Open about:debugging
    2. Click "This Firefox"
    3. Click "Load Temporary Add-on…" and choose
       ${firefox}

Then open a post on x.com, facebook.com or instagram.com.
To see the offline demo pages here instead, run it with a display, e.g. \`xvfb-run npm start\` or from a desktop session.
`);
}

run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
run(process.execPath, [path.join('tests', 'e2e', 'build-fixtures.mjs')]);

const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (headless) {
  explainManualLoad('No display: $DISPLAY and $WAYLAND_DISPLAY are not set, so no browser window can open here.');
  process.exit(0);
}

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  explainManualLoad(
    `No browser at ${executablePath}. Set CHROME_PATH to a Chromium or Chrome for Testing binary ` +
      '(branded Google Chrome ignores --load-extension).',
  );
  process.exit(0);
}

// The harness is TypeScript: bundle it for Node next to the fixture bundles (its dependencies stay external).
const harnessFile = path.join(root, 'tests', 'e2e', 'fixtures', 'dist', 'harness.mjs');
await esbuild.build({
  entryPoints: [path.join(root, 'tests', 'e2e', 'harness.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: harnessFile,
  logLevel: 'warning',
});
const { launch } = await import(pathToFileURL(harnessFile).href);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const harness = await launch({ headless: false, executablePath, viewport: null, sandbox: !isRoot });
const closed = new Promise((resolve) => harness.context.on('close', resolve));

// The demo Facebook Page is Acme Coffee (facebook.com/acme): make it the brand there, as a user would in the options
// (or with the panel's "… is my brand" button), so its demo post is tracked at once.
await harness.backgroundWorker.evaluate(async () => {
  const local = globalThis.chrome.storage.local;
  const { settings } = await local.get('settings');
  const brand = settings?.brand ?? { x: [], facebook: [], instagram: [] };
  if (brand.facebook?.length) return;
  await local.set({ settings: { ...settings, brand: { ...brand, facebook: ['acme'] } } });
});

const [first, ...others] = DEMO_PAGES;
const blank = harness.context.pages()[0] ?? (await harness.context.newPage());
await blank.goto(first);
for (const url of others) await harness.newPage(url);
await blank.bringToFront();

console.log(`
Reply Radar is running in ${executablePath} (extension id ${harness.extensionId}).
Demo posts are open in tabs, served from tests/e2e/fixtures (nothing goes to the network):
${DEMO_PAGES.map((url) => `  ${url}`).join('\n')}
Close the browser window (or press Ctrl+C) to stop.
`);

const stop = async () => {
  await harness.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await closed;
await stop();
