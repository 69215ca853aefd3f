// What the e2e browsers get for each request, whichever driver asks (Playwright routes in Chromium, request
// interception over WebDriver BiDi in Firefox). Nothing reaches the network: x.com, facebook.com and instagram.com get
// the fixture shells (single-page apps that read location), https://rr.test/ is a neutral site with no content
// script, and every other http(s) request is aborted.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
export const FIXTURES_DIR = path.join(ROOT, 'tests/e2e/fixtures');
export const FIXTURES_DIST = path.join(FIXTURES_DIR, 'dist');

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

export type FixtureAnswer =
  /** Not an http(s) request (data:, blob:, the extension's own pages): the browser handles it. */
  | { kind: 'pass' }
  /** Nothing serves it: the harness never uses the network. */
  | { kind: 'abort' }
  | { kind: 'fulfill'; status: number; contentType: string; body: Buffer | string };

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

function serveFile(file: string | null): FixtureAnswer {
  if (!file)
    return { kind: 'fulfill', status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found (fixture)' };
  const contentType = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  return { kind: 'fulfill', status: 200, contentType, body: readFileSync(file) };
}

/** What to answer a request for `href`. */
export function answerFromFixtures(href: string): FixtureAnswer {
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'pass' };
  const shell = SITE_SHELLS[url.hostname];
  const routed = url.protocol === 'https:' && (shell !== undefined || url.hostname === NEUTRAL_HOST);
  if (!routed) return { kind: 'abort' };
  if (url.pathname === '/favicon.ico') return { kind: 'fulfill', status: 204, contentType: 'text/plain', body: '' };
  if (url.pathname.startsWith(BUNDLE_PREFIX)) {
    return serveFile(fileUnder(FIXTURES_DIST, url.pathname.slice(BUNDLE_PREFIX.length)));
  }
  // Single-page app: every path gets the site's shell; its app reads location.
  if (shell) return serveFile(path.join(FIXTURES_DIR, shell));
  return serveFile(fileUnder(FIXTURES_DIR, url.pathname));
}
