// `npm run bench -- --import [--runs N] [--profile] [--browser firefox]`: the import of the largest accepted file
// through the options page with the built extension, in Debian's Chromium as a person does it, timed from choosing
// the file to the success message (wall clock, so the machine's load is printed beside it), or in Firefox ESR from
// the click on Import to that message (mainFirefox). Each run is three imports in a fresh profile: into a database
// holding only the starter templates (merge), the same file again (merge: all unchanged) and the same file again in
// replace mode (its confirmation pressed at once). --profile writes a CPU profile of each Chromium import to
// tests/bench/results/import-<n>.cpuprofile. Never asserted: figures for README "Storage".
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, ElementHandle, Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../utils/core/settings';
import { MAX_IMPORT_BYTES } from '../../utils/storage/import-export';
import { launchFirefox } from '../e2e/driver/firefox';
import { launch, ROOT } from '../e2e/harness';
import { largestImportFile, largestImportText } from './largest-import';

const RESULTS = path.join(ROOT, 'tests/bench/results');

type Metrics = Record<string, number>;

/**
 * CPU time (ms) used so far by every process this one started (Chromium's browser, renderers, utility and GPU
 * processes), from /proc: unlike the wall clock it does not grow when the shared machine is busy, so it bounds what
 * the import would take on an idle one (the renderer's and the IndexedDB backend's work, summed).
 */
function descendantsCpuMs(): Map<string, number> {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses): state, ppid, … utime (14), stime (15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!ours.has(pid) && ours.has(ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  ours.delete(process.pid);
  const byKind = new Map<string, number>();
  for (const pid of ours) {
    let kind = 'browser';
    try {
      const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
      if (type) kind = type;
    } catch {}
    byKind.set(kind, (byKind.get(kind) ?? 0) + ((ticks.get(pid) ?? 0) * 1000) / CLOCK_TICKS);
  }
  return byKind;
}

function cpuSpent(before: Map<string, number>, after: Map<string, number>): string {
  const parts = [...after].map(([kind, ms]) => [kind, Math.round(ms - (before.get(kind) ?? 0))] as const);
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  return `Chromium CPU ${total} (${parts
    .filter(([, ms]) => ms > 0)
    .map(([kind, ms]) => `${kind} ${ms}`)
    .join(', ')})`;
}
const CLOCK_TICKS = 100;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Main-thread time of the options page by kind (CDP Performance metrics, seconds → ms) between two readings. */
function spent(before: Metrics, after: Metrics): string {
  const ms = (name: string) => Math.round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000);
  return `task ${ms('TaskDuration')}, script ${ms('ScriptDuration')}, layout ${ms('LayoutDuration')}, style ${ms('RecalcStyleDuration')}`;
}

async function importOnce(page: Page, file: string, mode: 'merge' | 'replace', cdp: CDPSession, profile: boolean) {
  await page.locator(`input[name="importMode"][value="${mode}"]`).check();
  // Handles taken before the clock starts, and the page watched by one MutationObserver on the Data section instead
  // of polled: Playwright's selector engine walks every element (thousands of template rows) in script, and so does a
  // querySelector per frame; that would be the harness's time, not the import's.
  const input = (await page.$('input[name="importFile"]'))!;
  const start = (await page.$('[data-testid="import-start"]'))!;
  const outcome = page.evaluateHandle(() => {
    const section = document.querySelector('[data-testid="import-result"]')!.closest('section')!;
    const watch = (selector: string) =>
      new Promise<Element>((resolve) => {
        const found = () => section.querySelector(selector);
        // The previous import's result is still shown until the file is chosen.
        const old = found();
        const observer = new MutationObserver(() => {
          const element = found();
          if (!element || element === old) return;
          observer.disconnect();
          // Resolved at the next frame: the message is on screen, not only in the DOM.
          requestAnimationFrame(() => resolve(element));
        });
        observer.observe(section, { childList: true, subtree: true });
      });
    return { confirm: watch('.rr-confirm .rr-button--danger'), result: watch('.rr-result') };
  });
  const watched = await outcome;
  if (profile) await cdp.send('Profiler.start');
  const before = await metrics(cdp);
  const cpuBefore = descendantsCpuMs();
  const started = Date.now();
  await input.setInputFiles(file);
  await start.click();
  if (mode === 'replace') {
    const confirm = await watched.evaluateHandle((w) => w.confirm);
    await (confirm.asElement() as ElementHandle<HTMLElement>).click();
  }
  await watched.evaluate((w) => w.result);
  const ms = Date.now() - started;
  const main = `${spent(before, await metrics(cdp))}; ${cpuSpent(cpuBefore, descendantsCpuMs())}`;
  const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : null;
  const failed = await page.locator('[data-testid="import-result"] .rr-result--error').count();
  if (failed > 0)
    throw new Error(`import failed: ${await page.locator('[data-testid="import-result"]').textContent()}`);
  const lines = (await page.locator('[data-testid="import-result"] li').allTextContents()).join(' | ');
  const marks = await page.evaluate(() => {
    const all = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('rr:'));
    const t0 = all.findLast((m) => m.name === 'rr:start')?.startTime ?? 0;
    const out = all.filter((m) => m.startTime >= t0).map((m) => `${m.name.slice(3)} ${Math.round(m.startTime - t0)}`);
    return `${out.join(', ')}, end ${Math.round(performance.now() - t0)}`;
  });
  console.log('   ', marks);
  // What follows the message (the template list and the damaged-records report read again) must not run into the
  // next import: wait until the page has been idle for a moment.
  await page.evaluate(waitUntilIdle);
  // The next import starts from an idle page: the result is taken away by choosing the next file.
  return { ms, profile: cpuProfile, lines, main };
}

/**
 * Firefox (Debian's ESR over WebDriver BiDi, through the e2e driver): the same three imports, timed in the page from
 * the click on Import (a real click) to the result in the page (not the next frame: see waitUntilQuiet). The file is
 * given to the input as a picked file is (a File in its FileList: BiDi cannot answer a file chooser), before the
 * clock starts.
 */
async function mainFirefox(runs: number): Promise<void> {
  for (let run = 1; run <= runs; run++) {
    const driver = await launchFirefox();
    try {
      const page = await driver.openExtensionPage('options.html#data');
      await page.waitFor(() => document.querySelector('[data-testid="template-row"]') !== null, undefined, 30_000);
      for (const [label, mode] of MODES) {
        const load = (os.loadavg()[0] ?? 0).toFixed(1);
        // The file is made in the page (10 MB sent over BiDi is slow and sometimes never arrives).
        await page.evaluate(`window.__rrLargest = ${largestImportText.toString()}; 0` as never);
        await page.evaluate(
          ({ mode, spec }) => {
            const make = (window as unknown as { __rrLargest: typeof largestImportText }).__rrLargest;
            const text = make(spec);
            const w = window as unknown as { __rrImport: { clicked: number; shown: number } };
            w.__rrImport = { clicked: 0, shown: 0 };
            (document.querySelector(`input[name="importMode"][value="${mode}"]`) as HTMLInputElement).click();
            const input = document.querySelector('input[name="importFile"]') as HTMLInputElement;
            const files = new DataTransfer();
            files.items.add(new File([text], 'reply-radar-largest.json', { type: 'application/json' }));
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
            const start = document.querySelector('[data-testid="import-start"]') as HTMLElement;
            const clicked = () => {
              w.__rrImport.clicked = performance.now();
            };
            start.addEventListener('click', clicked, { capture: true, once: true });
            const section = start.closest('section') as HTMLElement;
            const old = section.querySelector('.rr-result');
            const observer = new MutationObserver(() => {
              const result = section.querySelector('.rr-result');
              if (!result || result === old) return;
              observer.disconnect();
              w.__rrImport.shown = performance.now();
            });
            observer.observe(section, { childList: true, subtree: true });
          },
          { mode, spec: { settings: DEFAULT_SETTINGS, maxBytes: MAX_IMPORT_BYTES } },
        );
        await page.click(() => document.querySelector('[data-testid="import-start"]'));
        if (mode === 'replace') await page.click(() => document.querySelector('.rr-confirm .rr-button--danger'));
        const ms = await page.waitFor(
          () => {
            const t = (window as unknown as { __rrImport: { clicked: number; shown: number } }).__rrImport;
            return t.shown ? t.shown - t.clicked : 0;
          },
          undefined,
          120_000,
        );
        const lines = await page.evaluate(() =>
          [...document.querySelectorAll('[data-testid="import-result"] li')].map((li) => li.textContent).join(' | '),
        );
        const failed = await page.evaluate(() => document.querySelector('.rr-result--error')?.textContent ?? '');
        if (failed) throw new Error(`import failed: ${failed}`);
        console.log(
          `run ${run}  ${label.padEnd(30)} ${String(Math.round(ms)).padStart(6)} ms  (load ${load})  ${lines}`,
        );
        await page.evaluate(waitUntilQuiet);
      }
      if (driver.errors.length > 0) console.log('errors:', driver.errors);
    } finally {
      await driver.close();
    }
  }
}

const MODES = [
  ['into a fresh database (merge)', 'merge'],
  ['same file again (merge)', 'merge'],
  ['same file again (replace)', 'replace'],
] as const;

/**
 * Firefox's wait for a calm page, from timers alone: a headless Firefox sometimes stops its refresh driver, and then
 * neither an animation frame nor an idle callback comes before its timeout (a profile showed every thread idle while
 * the harness waited for minutes). Calm: three 100 ms timers in a row, each late by less than 50 ms.
 */
async function waitUntilQuiet(): Promise<void> {
  for (let calm = 0; calm < 3; ) {
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    calm = performance.now() - started < 150 ? calm + 1 : 0;
  }
}

/** Resolves once the page has been idle for a moment (what follows a result must not run into the next import). */
async function waitUntilIdle(): Promise<void> {
  for (let calm = 0; calm < 3; ) {
    const started = performance.now();
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5_000 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    calm = performance.now() - started < 150 ? calm + 1 : 0;
  }
}

export async function main(argv: string[]): Promise<void> {
  const runs = Number(argv[argv.indexOf('--runs') + 1]) || 1;
  if (argv[argv.indexOf('--browser') + 1] === 'firefox') {
    console.log(`largest accepted file: ${(largestImportFile().length / 1024 / 1024).toFixed(2)} MB, Firefox`);
    return mainFirefox(runs);
  }
  const profile = argv.includes('--profile');
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-import-bench-'));
  const file = path.join(dir, 'reply-radar-largest.json');
  const text = largestImportFile();
  writeFileSync(file, text);
  console.log(`largest accepted file: ${(text.length / 1024 / 1024).toFixed(2)} MB`);
  if (profile) mkdirSync(RESULTS, { recursive: true });
  const rows: string[] = [];
  for (let run = 1; run <= runs; run++) {
    const harness = await launch();
    try {
      const page = await harness.newPage(`chrome-extension://${harness.extensionId}/options.html#data`);
      // The starter templates are written on install; wait for them so the first import does not race the seeding.
      await page.locator('[data-testid="template-row"]').first().waitFor();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      if (profile) await cdp.send('Profiler.enable');
      for (const [label, mode] of MODES) {
        const load = (os.loadavg()[0] ?? 0).toFixed(1);
        const r = await importOnce(page, file, mode, cdp, profile);
        rows.push(
          `run ${run}  ${label.padEnd(30)} ${String(r.ms).padStart(6)} ms  (load ${load}; ${r.main})  ${r.lines}`,
        );
        console.log(rows.at(-1));
        if (r.profile) {
          const out = path.join(RESULTS, `import-${run}-${mode}-${rows.length}.cpuprofile`);
          writeFileSync(out, JSON.stringify(r.profile));
          console.log(`  profile: ${path.relative(ROOT, out)}`);
        }
      }
      if (harness.errors.length > 0) console.log('errors:', harness.errors);
    } finally {
      await harness.close();
    }
  }
}
