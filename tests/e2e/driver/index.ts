// Runs a shared e2e test file in each browser: `forEachBrowser((use) => { test(…, async () => use().newPage(…)) })`.
// RR_BROWSERS=chromium or RR_BROWSERS=firefox narrows the run (default: both).
import { afterAll, beforeAll, describe } from 'vitest';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, Driver } from './types';

export type { BrowserName, Driver, DriverPage, Finder, PageFunction } from './types';

const ALL: readonly BrowserName[] = ['chromium', 'firefox'];

export function selectedBrowsers(env = process.env.RR_BROWSERS): BrowserName[] {
  if (!env) return [...ALL];
  const names = env.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !ALL.includes(name as BrowserName));
  if (unknown.length > 0) throw new Error(`RR_BROWSERS: unknown browser ${unknown.join(', ')} (use chromium, firefox)`);
  return names as BrowserName[];
}

export function launchDriver(name: BrowserName): Promise<Driver> {
  return name === 'firefox' ? launchFirefox() : launchChromium();
}

/** One describe block per selected browser, each with its own browser launched once for the block. */
export function forEachBrowser(body: (driver: () => Driver, name: BrowserName) => void): void {
  describe.each(selectedBrowsers())('in %s', (name) => {
    let driver: Driver | undefined;
    beforeAll(async () => {
      driver = await launchDriver(name);
    });
    afterAll(async () => {
      await driver?.close();
    });
    body(() => {
      if (!driver) throw new Error(`${name} did not start`);
      return driver;
    }, name);
  });
}
