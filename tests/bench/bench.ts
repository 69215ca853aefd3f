// The overlay benchmark (issue #10), run by `npm run bench` (see run.mjs and README "Performance"). For each site's
// generated page (X as a recycled virtual list, Facebook and Instagram as growing lists) and each size, it loads the
// page in Debian's Chromium twice — in a browser with the built extension and in one without — and measures, from
// the renderer's own counters (CDP Performance.getMetrics TaskDuration: all main-thread work, every world included):
// - first: main-thread time from navigation until every mounted comment is stamped, with minus without; next to a
//   bare baseline pass over the same DOM in the same run (one querySelectorAll reading the same attributes);
// - batch: main-thread time of each batch of 20 new comments (p95), with minus the without median;
// - scroll: the same per scroll step;
// - long tasks (> 50 ms) during the stream and the scroll, with and without;
// - badge latency: from a comment entering the DOM to its <rr-badge> host existing (p95);
// - heap: JS heap after the stream and scroll, after two GCs, with minus without;
// and the content scripts' gzip sizes. Several runs; the table shows min / median / max, the JSON keeps every figure.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs, EXTENSION_DIR, ROOT, routeToFixtures } from '../e2e/harness';

type Site = 'x' | 'facebook' | 'instagram';
const SITES: Site[] = ['x', 'facebook', 'instagram'];
const HOSTS: Record<Site, string> = { x: 'x.com', facebook: 'www.facebook.com', instagram: 'www.instagram.com' };
const LAYOUT: Record<Site, string> = { x: 'virtual list', facebook: 'growing list', instagram: 'growing list' };

interface Options {
  sites: Site[];
  sizes: number[];
  runs: number;
  /** Runs of the 10,000-comment pages (each takes a minute or more: kept apart to stay under 10 minutes). */
  largeRuns: number;
  batches: number;
  scrollSteps: number;
  label: string;
  /** Writes a CPU profile of each with-extension stream (batches only) to tests/bench/results/<label>-<page>.cpuprofile. */
  profile: boolean;
  /** Writes a CPU profile and trace of each with-extension first classification (navigation until all stamped). */
  profileFirst: boolean;
  /** Like profileFirst, but the timeline trace alone: no CPU sampling, whose overhead inflates every task. */
  traceFirst: boolean;
  /** Writes a heap snapshot of each page after its stream and scroll (after GC), with and without the extension. */
  heapSnapshot: boolean;
}

interface PageFigures {
  /** Wall-clock ms from navigation until every mounted comment was stamped (with the extension). */
  firstWallMs: number;
  firstMs: number;
  baselinePassMs: number;
  batchMs: number[];
  scrollMs: number[];
  longTasks: number;
  badgeLatencies: number[];
  stampLatencies: number[];
  /** Comments of the stream that never got a badge host. */
  missingBadges: number;
  unstampedAtStart: number;
  heapBytes: number;
}

const BATCH_SIZE = 20;
const LARGE = 10_000;
/** How long a page may take to classify its first comments, and each batch, before the figure is taken as is. */
const FIRST_TIMEOUT_MS = 90_000;
const BATCH_TIMEOUT_MS = 3_000;
const BENCH_DIST = path.join(ROOT, 'tests/bench/dist');

function shell(site: Site): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${site} bench</title></head><body><script src="/__bench__/${site}.js"></script></body></html>`;
}

/** A status id X could have given a post six hours ago (a snowflake: its time is in its high bits). */
function xPostId(): string {
  return ((BigInt(Date.now() - 6 * 3600_000) - 1288834974657n) * 4194304n).toString();
}

function pageUrl(site: Site, size: number): string {
  if (site === 'x') return `https://x.com/acmecoffee/status/${xPostId()}?n=${size}`;
  if (site === 'facebook') return `https://www.facebook.com/acmecoffee/posts/1000000000001?n=${size}`;
  return `https://www.instagram.com/p/BENCHpost1/?n=${size}`;
}

type Local = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };

async function openContext(withExtension: boolean): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'reply-radar-bench-'));
  const args = chromiumArgs(EXTENSION_DIR, false).filter((a) => withExtension || !a.includes('extension'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    args: [...args, '--enable-precise-memory-info'],
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => routeToFixtures(route, blocked));
  // Registered last, so they answer first: the generated pages on each site's host.
  for (const site of SITES) {
    await context.route(`https://${HOSTS[site]}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === `/__bench__/${site}.js`) {
        await route.fulfill({
          contentType: 'text/javascript',
          body: readFileSync(path.join(BENCH_DIST, `${site}.js`)),
        });
      } else if (url.pathname.startsWith('/__bench__/') || url.pathname === '/favicon.ico') {
        await route.fulfill({ status: 404, body: '' });
      } else {
        await route.fulfill({ contentType: 'text/html; charset=utf-8', body: shell(site) });
      }
    });
  }
  if (withExtension) {
    const isExt = (w: Worker) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isExt) ??
      (await context.waitForEvent('serviceworker', { predicate: isExt, timeout: 30_000 }));
    // Facebook names no acting account: the brand's Page comes from the settings, as a user would set it.
    await worker.evaluate(async () => {
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      const { settings } = (await local.get('settings')) as { settings?: Record<string, unknown> };
      const brand = (settings?.brand as Record<string, string[]> | undefined) ?? { x: [], facebook: [], instagram: [] };
      await local.set({ settings: { ...settings, brand: { ...brand, facebook: ['acmecoffee'] } } });
    });
    // The first-run setup tab opens on install: close it so it never pushes a bench page into the background.
    for (let waited = 0; waited < 5_000; waited += 100) {
      const setup = context.pages().find((p) => p.url().startsWith('chrome-extension://'));
      if (setup) {
        await setup.close();
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Two frames and a pause: the overlay batches per animation frame, the page paints after. */
async function settle(page: Page, ms = 60): Promise<void> {
  await page.evaluate(
    (wait) =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, wait))),
      ),
    ms,
  );
}

interface BenchHooks {
  addBatch(n: number): string[];
  baselinePass(): number;
  unstamped(): number;
  whenStamped(timeoutMs: number): Promise<number>;
  latencies(ids: string[]): Array<{ stamp: number | null; badge: number | null }>;
  forgetRecords(): void;
}
declare const window: Window & { __bench: BenchHooks; __lt: number[] };

/**
 * Long tasks of the page's main thread, whoever ran them (the content script shares the thread). Long animation
 * frames would name the scripts, but they leave out the extension's isolated world, so they cannot tell ours apart.
 */
function observeLongTasks(): void {
  window.__lt = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lt.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Waits until every mounted comment is stamped; returns how many were left when it gave up. Both sides make the same
 * one call, told by the page's own record of stamps (no polling, whose round trips would count as the extension's
 * work); without the extension nothing stamps, so it does not wait (timeout 0).
 */
async function whenStamped(page: Page, withExt: boolean, timeoutMs: number): Promise<number> {
  return page.evaluate((ms) => window.__bench.whenStamped(ms), withExt ? timeoutMs : 0);
}

async function measurePage(context: BrowserContext, site: Site, size: number, withExt: boolean, o: Options) {
  const page = await context.newPage();
  await page.bringToFront();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(observeLongTasks);
  try {
    const name = `${o.label}-${site}-${size}-${withExt ? 'with' : 'without'}`;
    const profile = o.profile || o.profileFirst || o.traceFirst || o.heapSnapshot ? name : null;
    return await measureLoaded(page, cdp, pageUrl(site, size), withExt, o, profile);
  } finally {
    await page.close();
  }
}

async function measureLoaded(
  page: Page,
  cdp: CDPSession,
  url: string,
  withExt: boolean,
  o: Options,
  profile: string | null = null,
): Promise<PageFigures> {
  const first = profile && (o.profileFirst || o.traceFirst) ? await startProfile(cdp, !o.traceFirst) : null;
  const before = await taskMs(cdp);
  const start = Date.now();
  await page.goto(url);
  trace(`loaded ${url}`);
  const left = await whenStamped(page, withExt, FIRST_TIMEOUT_MS);
  const unstampedAtStart = withExt ? left : 0;
  const firstWallMs = Date.now() - start;
  await settle(page, 200);
  const firstMs = (await taskMs(cdp)) - before;
  if (first && profile) await first.stop(`${profile}-first`);
  const passes: number[] = [];
  for (let i = 0; i < 5; i++) passes.push(await page.evaluate(() => window.__bench.baselinePass()));
  const baselinePassMs = median(passes);
  trace(`first classification done (${unstampedAtStart} left), baseline ${fmt(baselinePassMs)} ms`);

  await page.evaluate(() => {
    window.__lt.length = 0;
  });
  const batchMs: number[] = [];
  const ids: string[] = [];
  const stream = profile && o.profile ? await startProfile(cdp) : null;
  for (let i = 0; i < o.batches; i++) {
    const a = await taskMs(cdp);
    const batch = await page.evaluate((n) => window.__bench.addBatch(n), BATCH_SIZE);
    await settle(page);
    await whenStamped(page, withExt, BATCH_TIMEOUT_MS);
    batchMs.push((await taskMs(cdp)) - a);
    ids.push(...batch);
  }
  trace('stream done');
  if (stream && profile) await stream.stop(profile);
  const lat = withExt ? await page.evaluate((list) => window.__bench.latencies(list), ids) : [];
  const scrollMs: number[] = [];
  for (let i = 0; i < o.scrollSteps; i++) {
    const a = await taskMs(cdp);
    await page.evaluate(() => window.scrollBy(0, 700));
    await settle(page);
    scrollMs.push((await taskMs(cdp)) - a);
  }
  const lt = await page.evaluate(() => window.__lt);
  trace('scroll done');

  // The page's records of insertions, stamps and badges are the bench's own (read above): not counted as added.
  await page.evaluate(() => window.__bench.forgetRecords());
  await cdp.send('HeapProfiler.collectGarbage');
  const heapBytes = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  if (profile && o.heapSnapshot) await writeHeapSnapshot(cdp, profile);
  return {
    firstWallMs,
    firstMs,
    baselinePassMs,
    batchMs,
    scrollMs,
    longTasks: lt.filter((d) => d > 50).length,
    badgeLatencies: lat.map((l) => l.badge).filter((x): x is number => x !== null),
    stampLatencies: lat.map((l) => l.stamp).filter((x): x is number => x !== null),
    missingBadges: lat.filter((l) => l.badge === null).length,
    unstampedAtStart,
    heapBytes,
  };
}

/** The page's JS heap (every world) as a DevTools heap snapshot: results/<name>.heapsnapshot. */
async function writeHeapSnapshot(cdp: CDPSession, name: string): Promise<void> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const dir = path.join(ROOT, 'tests/bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.heapsnapshot`), chunks.join(''));
}

/** Starts a CPU profile and a timeline trace; `stop` writes them to tests/bench/results/<name>.{cpuprofile,trace.json}. */
async function startProfile(cdp: CDPSession, sample = true): Promise<{ stop(name: string): Promise<void> }> {
  const traceEvents: unknown[] = [];
  const collect = (e: { value: unknown[] }) => traceEvents.push(...e.value);
  if (sample) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return {
    async stop(name) {
      const cpu = sample ? (await cdp.send('Profiler.stop')).profile : null;
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', collect);
      const dir = path.join(ROOT, 'tests/bench/results');
      mkdirSync(dir, { recursive: true });
      if (cpu) writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(cpu));
      writeFileSync(path.join(dir, `${name}.trace.json`), JSON.stringify({ traceEvents }));
    },
  };
}

/** Progress on stderr with BENCH_TRACE=1. */
function trace(what: string): void {
  if (process.env.BENCH_TRACE) process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${what}\n`);
}

function median(xs: number[]): number {
  return quantile(xs, 0.5);
}
function quantile(xs: number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface Row {
  scenario: string;
  metric: string;
  unit: string;
  values: number[];
  /** The same figure without the extension, when it has one. */
  without?: number[];
}

function summarize(scenario: string, w: PageFigures[], wo: PageFigures[]): Row[] {
  const base = (i: number) => wo[i] ?? wo[0]!;
  const row = (metric: string, unit: string, values: number[], without?: number[]): Row =>
    without ? { scenario, metric, unit, values, without } : { scenario, metric, unit, values };
  return [
    row(
      'first classification, added main-thread',
      'ms',
      w.map((p, i) => p.firstMs - base(i).firstMs),
    ),
    row(
      'first classification, wall clock',
      'ms',
      w.map((p) => p.firstWallMs),
    ),
    row(
      'bare baseline pass (same DOM)',
      'ms',
      w.map((p) => p.baselinePassMs),
    ),
    row(
      'first classification ÷ baseline pass',
      '×',
      w.map((p, i) => (p.firstMs - base(i).firstMs) / Math.max(p.baselinePassMs, 0.1)),
    ),
    row(
      `batch of ${BATCH_SIZE}, added main-thread p95`,
      'ms',
      w.map((p, i) => quantile(p.batchMs, 0.95) - median(base(i).batchMs)),
      wo.map((p) => quantile(p.batchMs, 0.95)),
    ),
    row(
      'scroll step, added main-thread p95',
      'ms',
      w.map((p, i) => quantile(p.scrollMs, 0.95) - median(base(i).scrollMs)),
      wo.map((p) => quantile(p.scrollMs, 0.95)),
    ),
    row(
      'long tasks > 50 ms (stream + scroll)',
      'n',
      w.map((p) => p.longTasks),
      wo.map((p) => p.longTasks),
    ),
    row(
      'badge latency p95',
      'ms',
      w.map((p) => quantile(p.badgeLatencies, 0.95)),
    ),
    row(
      'streamed comments without a badge',
      'n',
      w.map((p) => p.missingBadges),
    ),
    row(
      `comments unstamped after ${FIRST_TIMEOUT_MS / 1000} s`,
      'n',
      w.map((p) => p.unstampedAtStart),
    ),
    row(
      'added JS heap (after GC)',
      'MB',
      w.map((p, i) => (p.heapBytes - base(i).heapBytes) / 1048576),
      wo.map((p) => p.heapBytes / 1048576),
    ),
  ];
}

const fmt = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');

function table(rows: Row[]): string {
  const lines = [
    '| scenario | metric | min | median | max | without ext (median) |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const v = r.values.filter(Number.isFinite);
    const min = v.length ? Math.min(...v) : Number.NaN;
    const max = v.length ? Math.max(...v) : Number.NaN;
    const without = r.without ? fmt(median(r.without)) : '';
    lines.push(
      `| ${r.scenario} | ${r.metric} (${r.unit}) | ${fmt(min)} | ${fmt(median(v))} | ${fmt(max)} | ${without} |`,
    );
  }
  return lines.join('\n');
}

function bundleSizes(): Record<string, { bytes: number; gzip: number }> {
  const dir = path.join(EXTENSION_DIR, 'content-scripts');
  const out: Record<string, { bytes: number; gzip: number }> = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
    const body = readFileSync(path.join(dir, name));
    out[name] = { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  }
  return out;
}

export function parseArgs(argv: string[]): Options {
  const o: Options = {
    sites: SITES,
    sizes: [200, 2000, 10000],
    runs: 3,
    largeRuns: 1,
    batches: 15,
    scrollSteps: 10,
    label: 'latest',
    profile: false,
    profileFirst: false,
    traceFirst: false,
    heapSnapshot: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? '';
    const list = () => value.split(',').filter(Boolean);
    if (flag === '--sites')
      o.sites = list().map((s) => {
        if (!SITES.includes(s as Site)) throw new Error(`bench: unknown site ${s} (x, facebook, instagram)`);
        return s as Site;
      });
    else if (flag === '--sizes') o.sizes = list().map(Number);
    else if (flag === '--runs') o.runs = Number(value);
    else if (flag === '--large-runs') o.largeRuns = Number(value);
    else if (flag === '--batches') o.batches = Number(value);
    else if (flag === '--scroll-steps') o.scrollSteps = Number(value);
    else if (flag === '--label') o.label = value;
    else if (flag === '--profile') {
      o.profile = true;
      i--;
    } else if (flag === '--profile-first') {
      o.profileFirst = true;
      i--;
    } else if (flag === '--trace-first') {
      o.traceFirst = true;
      i--;
    } else if (flag === '--heap-snapshot') {
      o.heapSnapshot = true;
      i--;
    } else if (flag === '--help') {
      console.log(
        'npm run bench -- [--sites x,facebook,instagram] [--sizes 200,2000,10000] [--runs 3] [--large-runs 1] [--batches 15] [--scroll-steps 10] [--label name] [--profile] [--profile-first] [--trace-first] [--heap-snapshot]',
      );
      process.exit(0);
    } else throw new Error(`bench: unknown flag ${flag} (try --help)`);
    i++;
  }
  if (
    !o.sizes.every((n) => Number.isInteger(n) && n > 0) ||
    !(o.runs >= 1) ||
    !(o.largeRuns >= 1) ||
    !(o.batches >= 1)
  ) {
    throw new Error('bench: sizes, runs and batches must be positive whole numbers');
  }
  return o;
}

export async function main(argv: string[]): Promise<void> {
  const o = parseArgs(argv);
  const started = Date.now();
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const results = new Map<string, { with: PageFigures[]; without: PageFigures[] }>();
  const failures: string[] = [];
  for (const withExt of [false, true]) {
    const { context, close } = await openContext(withExt);
    try {
      for (let run = 0; run < o.runs; run++) {
        for (const site of o.sites) {
          for (const size of o.sizes) {
            if (size >= LARGE && run >= Math.min(o.runs, o.largeRuns)) continue;
            const name = `${site} (${LAYOUT[site]}) ${size}`;
            let figures: PageFigures;
            try {
              figures = await measurePage(context, site, size, withExt, o);
            } catch (error) {
              // A tab that crashed or hung is a result too.
              failures.push(
                `${withExt ? 'with' : 'without'} extension, run ${run + 1}, ${name}: ${String(error).split('\n')[0]}`,
              );
              process.stderr.write(`${failures.at(-1)}\n`);
              continue;
            }
            const entry = results.get(name) ?? { with: [], without: [] };
            (withExt ? entry.with : entry.without).push(figures);
            results.set(name, entry);
            process.stderr.write(
              `${withExt ? 'with   ' : 'without'} run ${run + 1}/${o.runs} ${name}: first ${fmt(figures.firstMs)} ms, batch p95 ${fmt(quantile(figures.batchMs, 0.95))} ms, badge p95 ${fmt(quantile(figures.badgeLatencies, 0.95))} ms\n`,
            );
          }
        }
      }
    } finally {
      await close();
    }
  }
  const rows: Row[] = [];
  for (const [name, r] of results)
    if (r.with.length && r.without.length) rows.push(...summarize(name, r.with, r.without));
  const bundles = bundleSizes();
  const bundleTable = [
    '| content script | minified | gzip |',
    '| --- | ---: | ---: |',
    ...Object.entries(bundles).map(
      ([n, s]) => `| ${n} | ${(s.bytes / 1024).toFixed(1)} KB | ${(s.gzip / 1024).toFixed(1)} KB |`,
    ),
  ].join('\n');
  const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()}`;
  const took = Math.round((Date.now() - started) / 1000);
  const header = `Reply Radar bench (${o.label}) — ${new Date().toISOString()} — ${machine} — load average at start ${load}, at end ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(
      ' ',
    )} — ${o.runs} run(s) (${Math.min(o.runs, o.largeRuns)} at ${LARGE}), ${o.batches} batches of ${BATCH_SIZE}, ${o.scrollSteps} scroll steps — took ${took} s`;
  const out = `${header}\n\n${table(rows)}\n\n${bundleTable}${failures.length ? `\n\nFailed:\n${failures.map((f) => `- ${f}`).join('\n')}` : ''}`;
  console.log(out);
  const dir = path.join(ROOT, 'tests/bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${o.label}.json`);
  const json = {
    label: o.label,
    date: new Date().toISOString(),
    machine,
    loadAverage: load,
    took,
    options: o,
    rows,
    bundles,
    failures,
    raw: Object.fromEntries(results),
  };
  writeFileSync(file, JSON.stringify(json, null, 1));
  console.log(`\nJSON: ${path.relative(ROOT, file)}`);
  if (failures.length) process.exitCode = 1;
}
