// The thin driver the shared e2e tests are written against: the same test runs in Chromium (playwright-core) and
// Firefox (puppeteer-core over WebDriver BiDi). Only what both drive the same way is here: page functions run in the
// page's own world, and every click and key is real input (the overlay acts on trusted events only).

export type BrowserName = 'chromium' | 'firefox';

/** A function run in the page: self-contained (it is serialised), its argument JSON-like. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;
/** Finds one element in the page (open shadow roots included), or nothing yet. */
export type Finder<A> = (arg: A) => Element | null | undefined;

export interface DriverPage {
  readonly browser: BrowserName;
  url(): string;
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns something truthy (default 15 s) and returns it. */
  waitFor<R, A = undefined>(fn: PageFunction<A, R>, arg?: A, timeoutMs?: number): Promise<R>;
  /** Waits for the element `find` returns, scrolls it into view and clicks it with the mouse. */
  click<A = undefined>(find: Finder<A>, arg?: A): Promise<void>;
  /** Replaces an input's or textarea's value by typing `value` into it. */
  fill<A = undefined>(find: Finder<A>, value: string, arg?: A): Promise<void>;
  /** Picks the option with this value in a <select>. */
  select<A = undefined>(find: Finder<A>, value: string, arg?: A): Promise<void>;
  /** Presses a chord of key codes (physical keys), e.g. "Alt+KeyR", "Alt+Digit1", "Escape". */
  press(chord: string): Promise<void>;
  /** Types text into the focused element. */
  type(text: string): Promise<void>;
  bringToFront(): Promise<void>;
  /** Saves a PNG of the first element matching `selector` (the whole viewport without one). */
  screenshot(path: string, selector?: string): Promise<void>;
  close(): Promise<void>;
  /** Uncaught errors of this page's own scripts, in arrival order. */
  readonly pageErrors: string[];
}

export interface Driver {
  readonly name: BrowserName;
  /** Opens a tab and waits for `url` to load. */
  newPage(url: string): Promise<DriverPage>;
  /** Opens one of the extension's pages (e.g. "options.html") in a tab. */
  openExtensionPage(file: string): Promise<DriverPage>;
  /** Runs `fn` in an extension context (chrome.* / browser.* available), e.g. to read or reset storage. */
  evaluateInExtension<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /** Lets pages of `origin` read and write the clipboard without asking (Firefox: the profile already does). */
  allowClipboard(origin: string): Promise<void>;
  /** Reloads the extension as an update would; content scripts already on open pages are orphaned. */
  reloadExtension(): Promise<void>;
  /** Page errors and console errors from pages (and, in Chromium, extension contexts), in arrival order. */
  readonly errors: string[];
  /** URLs of requests aborted because nothing serves them. */
  readonly blocked: string[];
  close(): Promise<void>;
}
