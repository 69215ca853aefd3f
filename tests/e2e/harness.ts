// End-to-end harness: Debian's Chromium with the built extension (.output/chrome-mv3) loaded, and the three sites
// served from local fixtures (see fixture-server.ts). Tests written once for Chromium and Firefox use the thin
// driver in tests/e2e/driver/ instead; this Playwright API stays for the Chromium-only tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Route, type Worker } from 'playwright-core';
import { answerFromFixtures, ROOT } from './fixture-server';

export { BUNDLE_PREFIX, FIXTURES_DIR, FIXTURES_DIST, NEUTRAL_HOST, ROOT, SITE_SHELLS } from './fixture-server';

/** The built extension; RR_EXTENSION_DIR points elsewhere (e.g. a build made in a separate checkout). */
export const EXTENSION_DIR = path.resolve(process.env.RR_EXTENSION_DIR ?? path.join(ROOT, '.output/chrome-mv3'));
export const CHROMIUM_PATH = '/usr/bin/chromium';

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

/** Answers one request from the fixtures, or aborts it. */
export async function routeToFixtures(route: Route, blocked: string[]): Promise<void> {
  const answer = answerFromFixtures(route.request().url());
  if (answer.kind === 'pass') {
    await route.fallback();
  } else if (answer.kind === 'abort') {
    blocked.push(route.request().url());
    await route.abort('blockedbyclient');
  } else {
    await route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
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
  // On install the extension opens its first-run setup in a new tab. Let it open before any test opens its page, or
  // it comes to the front later and leaves the test's page in the background, where timers and frames are throttled.
  const setupOpen = () => context.pages().some((p) => p.url().startsWith(`chrome-extension://${extensionId}/options`));
  for (let waited = 0; !setupOpen() && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));

  let closed = false;
  return {
    context,
    extensionId,
    backgroundWorker,
    errors,
    blocked,
    async newPage(url: string) {
      const page = await context.newPage();
      // The setup tab the extension opens on install must not leave this page in the background, where the
      // browser throttles its timers and frames (X's rows would not be measured).
      await page.bringToFront();
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
