// End-to-end harness: Debian's Chromium with the built extension (.output/chrome-mv3) loaded, and the three sites
// served from local fixtures. Nothing reaches the network: x.com, facebook.com and instagram.com get the fixture
// shells (single-page apps that read location), https://rr.test/ is a neutral site with no content script, and
// every other request is aborted.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Route, type Worker } from 'playwright-core';

/** The repository root: the nearest folder above this file holding package.json (also when bundled elsewhere). */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('harness: cannot find the repository root');
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot();
/** The built extension; RR_EXTENSION_DIR points elsewhere (e.g. a build made in a separate checkout). */
export const EXTENSION_DIR = path.resolve(process.env.RR_EXTENSION_DIR ?? path.join(ROOT, '.output/chrome-mv3'));
export const FIXTURES_DIR = path.join(ROOT, 'tests/e2e/fixtures');
export const FIXTURES_DIST = path.join(FIXTURES_DIR, 'dist');
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Each routed site host and the shell page it serves for every path outside /__rr__/. */
export const SITE_SHELLS: Readonly<Record<string, string>> = {
  'x.com': 'x.html',
  'twitter.com': 'x.html',
  'www.facebook.com': 'facebook.html',
  'web.facebook.com': 'facebook.html',
  'www.instagram.com': 'instagram.html',
};
export const NEUTRAL_HOST = 'rr.test';
/** Fixture bundles (tests/e2e/fixtures/dist/) are served under this path on every routed host. */
export const BUNDLE_PREFIX = '/__rr__/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

export interface LaunchOptions {
  /** Default true (Chromium's new headless mode runs extensions). */
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /** Default /usr/bin/chromium; never a downloaded browser. */
  executablePath?: string;
  /** Default 1280×800; null lets the window decide (npm start). */
  viewport?: { width: number; height: number } | null;
  /** Default false: this machine runs as root, where Chromium's sandbox cannot start. */
  sandbox?: boolean;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  /** The extension's MV3 service worker. */
  backgroundWorker: Worker;
  /** Opens a tab and waits for `url` to load. */
  newPage(url: string): Promise<Page>;
  /** Page errors and console errors from pages, extension pages and the service worker, in arrival order. */
  errors: string[];
  /** URLs of requests that were aborted because nothing serves them (the harness never uses the network). */
  blocked: string[];
  close(): Promise<void>;
}

/** A file under `dir` for a URL path, or null when the path leaves `dir` or names no file. */
function fileUnder(dir: string, urlPath: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null;
  }
  const file = path.resolve(dir, relative);
  if (file !== dir && !file.startsWith(dir + path.sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

async function serveFile(route: Route, file: string | null): Promise<void> {
  if (!file) {
    await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found (fixture)' });
    return;
  }
  const contentType = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  await route.fulfill({ status: 200, contentType, body: readFileSync(file) });
}

/** Answers one request from the fixtures, or aborts it. */
export async function routeToFixtures(route: Route, blocked: string[]): Promise<void> {
  const url = new URL(route.request().url());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    await route.fallback();
    return;
  }
  const shell = SITE_SHELLS[url.hostname];
  const routed = url.protocol === 'https:' && (shell !== undefined || url.hostname === NEUTRAL_HOST);
  if (!routed) {
    blocked.push(url.href);
    await route.abort('blockedbyclient');
    return;
  }
  if (url.pathname === '/favicon.ico') {
    await route.fulfill({ status: 204, body: '' });
  } else if (url.pathname.startsWith(BUNDLE_PREFIX)) {
    await serveFile(route, fileUnder(FIXTURES_DIST, url.pathname.slice(BUNDLE_PREFIX.length)));
  } else if (shell) {
    // Single-page app: every path gets the site's shell; its app reads location.
    await serveFile(route, path.join(FIXTURES_DIR, shell));
  } else {
    await serveFile(route, fileUnder(FIXTURES_DIR, url.pathname));
  }
}

export function chromiumArgs(extensionDir: string, sandbox: boolean): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(sandbox ? [] : ['--no-sandbox']),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Playwright reports the service worker's console but not its uncaught exceptions: listen to them over CDP, for the
 * worker running now and any later one (MV3 workers stop when idle and start again).
 */
async function watchWorkerExceptions(context: BrowserContext, errors: string[]): Promise<void> {
  const browser = context.browser();
  if (!browser) return;
  const cdp = await browser.newBrowserCDPSession();
  const attached = new Set<string>();
  const attach = async (targetId: string, type: string, url: string) => {
    if (type !== 'service_worker' || !url.startsWith('chrome-extension://') || attached.has(targetId)) return;
    attached.add(targetId);
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    const message = JSON.stringify({ id: 1, method: 'Runtime.enable' });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message });
  };
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as {
      method?: string;
      params?: { exceptionDetails?: { text?: string; url?: string; exception?: { description?: string } } };
    };
    if (message.method !== 'Runtime.exceptionThrown') return;
    const details = message.params?.exceptionDetails;
    errors.push(
      `service worker error at ${describeLocation(details?.url)}: ${details?.exception?.description ?? details?.text}`,
    );
  });
  cdp.on('Target.targetCreated', ({ targetInfo }) => {
    attach(targetInfo.targetId, targetInfo.type, targetInfo.url).catch(() => {});
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const target of targetInfos) await attach(target.targetId, target.type, target.url);
}

function describeLocation(url: string | undefined): string {
  return url && url.length > 0 ? url : 'unknown location';
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`harness: ${EXTENSION_DIR} has no manifest.json; run \`npm run build\` first`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'reply-radar-e2e-'));
  const errors: string[] = [];
  const blocked: string[] = [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: opts.executablePath ?? CHROMIUM_PATH,
      headless: opts.headless ?? true,
      colorScheme: opts.colorScheme ?? 'light',
      viewport: opts.viewport === undefined ? { width: 1280, height: 800 } : opts.viewport,
      // Playwright disables extensions by default.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: chromiumArgs(EXTENSION_DIR, opts.sandbox ?? false),
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  // A locator that never matches must fail the test with a clear message, not hang until the test's own timeout.
  context.setDefaultTimeout(15_000);
  context.on('weberror', (webError) => {
    const error = webError.error();
    errors.push(`page error at ${describeLocation(webError.page()?.url())}: ${error.stack ?? error.message}`);
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url || message.page()?.url() || message.worker()?.url();
    errors.push(`console error at ${describeLocation(where)}: ${message.text()}`);
  });
  await context.route('**/*', (route) => routeToFixtures(route, blocked));

  const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const backgroundWorker =
    context.serviceWorkers().find(isExtensionWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }));
  const extensionId = new URL(backgroundWorker.url()).host;
  await watchWorkerExceptions(context, errors);

  let closed = false;
  return {
    context,
    extensionId,
    backgroundWorker,
    errors,
    blocked,
    async newPage(url: string) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
