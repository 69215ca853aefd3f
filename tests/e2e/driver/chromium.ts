// The shared driver over the Playwright harness (Debian Chromium, .output/chrome-mv3).
import type { ElementHandle, JSHandle, Page, Worker } from 'playwright-core';
import { launch } from '../harness';
import type { Driver, DriverPage, Finder, PageFunction } from './types';

const TIMEOUT = 15_000;

async function elementOf<A>(page: Page, find: Finder<A>, arg: A | undefined): Promise<ElementHandle<Element>> {
  const handle = (await page.waitForFunction(find as never, arg, { timeout: TIMEOUT })) as JSHandle<Element>;
  const element = handle.asElement();
  if (!element) throw new Error('driver: the finder did not return an element');
  return element;
}

function wrapPage(page: Page): DriverPage {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    browser: 'chromium',
    pageErrors,
    url: () => page.url(),
    async goto(url) {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    async waitFor(fn, arg, timeoutMs = TIMEOUT) {
      const handle = await page.waitForFunction(fn, arg as never, { timeout: timeoutMs });
      return (await handle.jsonValue()) as never;
    },
    async click(find, arg) {
      await (await elementOf(page, find, arg)).click();
    },
    async fill(find, value, arg) {
      await (await elementOf(page, find, arg)).fill(value);
    },
    async select(find, value, arg) {
      await (await elementOf(page, find, arg)).selectOption(value);
    },
    press: (chord) => page.keyboard.press(chord),
    type: (text) => page.keyboard.type(text),
    async bringToFront() {
      await page.bringToFront();
    },
    async screenshot(path, selector) {
      if (selector) await page.locator(selector).first().screenshot({ path });
      else await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

export async function launchChromium(): Promise<Driver> {
  const harness = await launch();
  const { context, extensionId } = harness;
  // The worker of the moment: MV3 workers stop when idle, and a reload starts a new one.
  const worker = async () =>
    context.serviceWorkers().find((w: Worker) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ??
    (await context.waitForEvent('serviceworker', { timeout: TIMEOUT }));
  return {
    name: 'chromium',
    errors: harness.errors,
    blocked: harness.blocked,
    async newPage(url) {
      return wrapPage(await harness.newPage(url));
    },
    async openExtensionPage(file) {
      return wrapPage(await harness.newPage(`chrome-extension://${extensionId}/${file}`));
    },
    evaluateInExtension<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
      return worker().then((w) => w.evaluate(fn as never, arg as never) as Promise<R>);
    },
    allowClipboard: (origin) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }),
    async reloadExtension() {
      await (await worker())
        .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
        .catch(() => undefined); // the worker goes away while answering
    },
    close: () => harness.close(),
  };
}
