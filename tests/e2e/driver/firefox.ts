// The shared driver in Debian's Firefox ESR through puppeteer-core over WebDriver BiDi, with .output/firefox-mv3
// installed as a temporary add-on and the three sites answered from the fixtures by request interception.
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type JSHandle, type KeyInput, type Page } from 'puppeteer-core';
import { answerFromFixtures, ROOT } from '../fixture-server';
import type { Driver, DriverPage, Finder, PageFunction } from './types';

export const FIREFOX_PATH = process.env.RR_FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.resolve(
  process.env.RR_FIREFOX_EXTENSION_DIR ?? path.join(ROOT, '.output/firefox-mv3'),
);
export const ADDON_ID = 'reply-radar@reply-radar.app';
/** Fixed, so moz-extension:// pages have a known address (Firefox otherwise picks a random one per profile). */
export const ADDON_UUID = '5e1f0c7a-8d2b-4c3e-9f4a-7b6d5c4e3a21';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

const TIMEOUT = 15_000;

/** The test profile's preferences: what a user's Firefox would have, made explicit, plus what tests need. */
export const FIREFOX_PREFS: Readonly<Record<string, unknown>> = {
  // Manifest V3 host permissions granted at install (the default since Firefox 127): the add-on runs on the sites.
  'extensions.originControls.grantByDefault': true,
  // permissions.request (the popup's "Allow access") grants without Firefox's prompt, which a test cannot click.
  'extensions.webextOptionalPermissionPrompts': false,
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  // Lets a test read the clipboard (the fallback when a box refuses the text) without Firefox's paste prompt.
  'dom.events.testing.asyncClipboard': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.aboutwelcome.enabled': false,
};

/** The error and what caused it: puppeteer's "Waiting failed" names the protocol error only as its cause. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e !== undefined && parts.length < 5; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  return parts.join('\nCaused by: ');
}

const POLL_MS = 100;

/**
 * Calls `fn` in the page until it returns something truthy, and hands that over. Not puppeteer's waitForFunction:
 * over BiDi its poller builds the function with Function(), which a page's CSP blocks in Firefox ESR 140 (the
 * moz-extension pages, the X fixture); an evaluation is not blocked. An evaluation that lands while the document
 * is being replaced fails: it is asked again until the time is up.
 */
async function poll(page: Page, fn: (arg: unknown) => unknown, arg: unknown, timeoutMs: number): Promise<JSHandle> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const handle = (await page.evaluateHandle(fn, arg)) as JSHandle;
      if (await handle.evaluate((value) => !!value)) return handle;
      await handle.dispose();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) {
      const why = lastError === undefined ? '' : `; last error: ${describeError(lastError)}`;
      throw new Error(`driver: waited ${timeoutMs} ms at ${page.url()} for ${String(fn).slice(0, 120)}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function elementOf<A>(page: Page, find: Finder<A>, arg: A | undefined): Promise<ElementHandle<Element>> {
  const handle = await poll(page, find as (arg: unknown) => unknown, arg, TIMEOUT);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error('driver: the finder did not return an element');
  return element;
}

/** "Alt+Digit1" → modifiers held while the last key is pressed. */
async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as KeyInput[];
  const key = keys.pop();
  if (!key) return;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

function wrapPage(page: Page, errors: string[]): DriverPage {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => {
    pageErrors.push(describeError(error));
    errors.push(`page error at ${page.url()}: ${describeError(error)}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error at ${page.url()}: ${message.text()}`);
  });
  return {
    browser: 'firefox',
    pageErrors,
    url: () => page.url(),
    async goto(url) {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = TIMEOUT) {
      const handle = await poll(page, fn as (arg: unknown) => unknown, arg, timeoutMs);
      return (await handle.jsonValue()) as never;
    },
    async click(find, arg) {
      await (await elementOf(page, find, arg)).click();
    },
    async fill(find, value, arg) {
      const element = await elementOf(page, find, arg);
      await element.evaluate((el) => {
        const field = el as HTMLInputElement;
        field.focus();
        field.select();
      });
      if (value === '') await page.keyboard.press('Backspace');
      else await element.type(value);
    },
    async select(find, value, arg) {
      await (await elementOf(page, find, arg)).select(value);
    },
    press: (chord) => pressChord(page, chord),
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
    async screenshot(path, selector) {
      const element = selector ? await page.$(selector) : null;
      if (selector && !element) throw new Error(`screenshot: nothing matches ${selector}`);
      await (element ?? page).screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  };
}

async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    // Lets WebDriver BiDi reach moz-extension:// pages (the options page).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...FIREFOX_PREFS },
  });
}

export async function launchFirefox(): Promise<Driver> {
  const browser = await launchBrowser();
  const errors: string[] = [];
  const blocked: string[] = [];
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw new Error(`harness: cannot install ${FIREFOX_EXTENSION_DIR} in Firefox: ${describeError(error)}`);
  }

  const openTab = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const answer = answerFromFixtures(request.url());
      if (answer.kind === 'pass') {
        request.continue().catch(() => {});
      } else if (answer.kind === 'abort') {
        blocked.push(request.url());
        request.abort('blockedbyclient').catch(() => {});
      } else {
        const body = typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body);
        request.respond({ status: answer.status, contentType: answer.contentType, body }).catch(() => {});
      }
    });
    return page;
  };

  // BiDi reports no navigation events for moz-extension:// documents: start the load, then wait for the document.
  // A tab whose evaluations keep failing (seen in CI: every one failed until the timeout) is given up for a new one.
  const openExtensionTab = async (file: string): Promise<Page> => {
    const url = `${EXTENSION_ORIGIN}/${file}`;
    const loaded = (u: unknown) => location.href === u && document.readyState === 'complete';
    for (let attempt = 1; ; attempt++) {
      const page = await openTab();
      page.goto(url, { timeout: TIMEOUT }).catch(() => {});
      try {
        await poll(page, loaded, url, 5_000);
        return page;
      } catch (error) {
        await page.close().catch(() => {});
        if (attempt >= 3) throw new Error(`driver: ${url} did not load in ${attempt} tabs: ${describeError(error)}`);
      }
    }
  };

  let extensionTab: Page | null = null;
  const extensionContext = async (): Promise<Page> => {
    if (!extensionTab || extensionTab.isClosed()) extensionTab = await openExtensionTab('options.html');
    return extensionTab;
  };

  return {
    name: 'firefox',
    errors,
    blocked,
    async newPage(url) {
      const page = await openTab();
      const wrapped = wrapPage(page, errors);
      // The setup page the add-on opens on install must not leave this tab in the background (throttled).
      await page.bringToFront();
      await page.goto(url);
      return wrapped;
    },
    async openExtensionPage(file) {
      return wrapPage(await openExtensionTab(file), errors);
    },
    async evaluateInExtension<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
      return (await extensionContext()).evaluate(fn as never, arg) as Promise<R>;
    },
    async allowClipboard() {},
    async reloadExtension() {
      const page = await extensionContext();
      extensionTab = null;
      // The extension's own pages close while answering.
      await page
        .evaluate(() =>
          (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(),
        )
        .catch(() => undefined);
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}
