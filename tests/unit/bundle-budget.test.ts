// The content-script size check that `npm test` runs after the build (tests/bundle-budget.mjs): it must fail when a
// script passes its budget, whatever the ratchet says for the others.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { CEILING_KB, DEFERRED, judge, main, measure, TARGET_KB } from '../bundle-budget.mjs';

/** Bytes that gzip to about `kb` KB: random base64 compresses to about three quarters of its length. */
function incompressible(kb: number): string {
  let out = '';
  while (out.length < kb * 1024 * 1.34) out += Math.random().toString(36).slice(2);
  return out;
}

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
  vi.restoreAllMocks();
});

function build(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'rr-budget-'));
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    const dir = path.join(root, '.output', target, 'content-scripts');
    mkdirSync(dir, { recursive: true });
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  }
  return root;
}

describe('bundle budget', () => {
  it('aims at 30 KB gzip, and its ratchet never sits below the target', () => {
    expect(TARGET_KB).toBe(30);
    for (const kb of Object.values(CEILING_KB) as number[]) expect(kb).toBeGreaterThanOrEqual(TARGET_KB);
  });

  it('fails a content script above 30 KB gzip that has no ratchet, and passes one below', () => {
    expect(judge([{ name: 'new-site.js', kb: 30.5 }])).toEqual([
      { name: 'new-site.js', kb: 30.5, limit: 30, ok: false },
    ]);
    expect(judge([{ name: 'new-site.js', kb: 29 }])[0].ok).toBe(true);
    expect(judge([{ name: 'x.js', kb: 31 }], {})[0].ok).toBe(false);
  });

  it('fails a script that grows past its ratchet', () => {
    expect(judge([{ name: 'x.js', kb: 44 }], { 'x.js': 45 })[0].ok).toBe(true);
    expect(judge([{ name: 'x.js', kb: 45.2 }], { 'x.js': 45 })[0].ok).toBe(false);
  });

  it('measures the built files gzipped and fails the run when one is over', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    build({ 'tiny.js': 'console.log(1)', 'page-bridge.js': incompressible(40) });
    const sizes = measure(path.join(root, '.output/chrome-mv3/content-scripts'));
    expect(sizes.map((s: { name: string }) => s.name)).toEqual(['page-bridge.js', 'tiny.js']);
    expect(sizes[0].kb).toBeGreaterThan(30);
    expect(sizes[1].kb).toBeLessThan(1);
    expect(main(root)).toBe(1);
    build({ 'tiny.js': 'console.log(1)' });
    expect(main(root)).toBe(0);
  });

  it('fails when the deferred overlay code passes its ceiling (say, with its own Preact)', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    build({ 'tiny.js': 'console.log(1)' });
    const deferred = path.join(root, '.output/firefox-mv3', DEFERRED.name);
    writeFileSync(deferred, incompressible(DEFERRED.ceilingKb + 4));
    expect(main(root)).toBe(1);
    writeFileSync(deferred, incompressible(DEFERRED.ceilingKb - 3));
    expect(main(root)).toBe(0);
  });

  it('fails when there is no build to measure', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    root = mkdtempSync(path.join(tmpdir(), 'rr-budget-'));
    expect(main(root)).toBe(1);
  });
});
