// What the browser's rendering cost per batch, from the traces `npm run bench -- --profile` writes (the batches of
// the stream only): layout objects (laid out in all, dirty), elements restyled, and Layout / UpdateLayoutTree /
// Paint time, with the extension, without it, and added (with − without). Wall-clock figures hide these; the
// rendering work a badge causes is here (issue #10).
// `node tests/bench/trace-layout.mjs <label> [site-size ...] [--batches 5]`, e.g. `node tests/bench/trace-layout.mjs
// after x-2000 facebook-2000`; the traces are tests/bench/results/<label>-<site>-<size>-{with,without}.trace.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const results = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const args = process.argv.slice(2);
const at = args.indexOf('--batches');
const batches = at >= 0 ? Number(args.splice(at, 2)[1]) : 5;
const [label, ...pages] = args;
if (!label) {
  console.error('usage: node tests/bench/trace-layout.mjs <label> [site-size ...] [--batches 5]');
  process.exit(1);
}

/** Per batch sums over the page's renderer main thread (the one that lays out). */
function figures(file) {
  const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
  const layouts = new Map();
  for (const e of events) if (e.name === 'Layout') layouts.set(e.tid, (layouts.get(e.tid) ?? 0) + 1);
  const main = [...layouts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const f = { layouts: 0, objects: 0, dirty: 0, layoutMs: 0, restyled: 0, styleMs: 0, paints: 0, paintMs: 0 };
  for (const e of events) {
    if (e.tid !== main || e.ph !== 'X') continue;
    const ms = (e.dur ?? 0) / 1000;
    if (e.name === 'Layout') {
      f.layouts++;
      f.objects += e.args?.beginData?.totalObjects ?? 0;
      f.dirty += e.args?.beginData?.dirtyObjects ?? 0;
      f.layoutMs += ms;
    } else if (e.name === 'UpdateLayoutTree') {
      f.restyled += e.args?.elementCount ?? 0;
      f.styleMs += ms;
    } else if (e.name === 'Paint') {
      f.paints++;
      f.paintMs += ms;
    }
  }
  for (const k of Object.keys(f)) f[k] /= batches;
  return f;
}

const fmt = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));
const cols = ['layouts', 'objects', 'dirty', 'layoutMs', 'restyled', 'styleMs', 'paints', 'paintMs'];
console.log(`${label}, per batch | ${cols.join(' | ')}`);
for (const page of pages.length ? pages : ['x-2000', 'facebook-2000']) {
  const w = figures(path.join(results, `${label}-${page}-with.trace.json`));
  const wo = figures(path.join(results, `${label}-${page}-without.trace.json`));
  console.log(`${page} with | ${cols.map((c) => fmt(w[c])).join(' | ')}`);
  console.log(`${page} without | ${cols.map((c) => fmt(wo[c])).join(' | ')}`);
  console.log(`${page} added | ${cols.map((c) => fmt(w[c] - wo[c])).join(' | ')}`);
}
