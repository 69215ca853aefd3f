// `node tests/bench/heap-summary.mjs <label> <site> <size> [rows]`: what the extension adds to a page's heap, from the
// two snapshots `npm run bench -- --heap-snapshot` wrote (tests/bench/results/<label>-<site>-<size>-with|without
// .heapsnapshot): counts and sizes by kind of node (JS objects by constructor, arrays, strings, numbers, and the
// browser's own nodes), with minus without, and the JS objects added by their shape (constructor and property names),
// which tells whose they are. Snapshots of a 10,000-comment page are a few hundred MB: run node with
// --max-old-space-size=8000.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [label, site, size, rows = '30'] = process.argv.slice(2);
if (!label || !site || !size) {
  console.error('usage: node tests/bench/heap-summary.mjs <label> <site> <size> [rows]');
  process.exit(1);
}
const file = (side) => path.join(here, 'results', `${label}-${site}-${size}-${side}.heapsnapshot`);

/** Nodes grouped by kind and by shape: name → [count, bytes]. */
function summarize(snapshotPath) {
  const s = JSON.parse(readFileSync(snapshotPath, 'utf8'));
  const meta = s.snapshot.meta;
  const fields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const [type, name, selfSize, edgeCount] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    meta.node_fields.indexOf(f),
  );
  const [edgeType, edgeName] = ['type', 'name_or_index'].map((f) => meta.edge_fields.indexOf(f));
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const kinds = new Map();
  const shapes = new Map();
  const add = (map, key, bytes) => {
    const entry = map.get(key) ?? [0, 0];
    entry[0]++;
    entry[1] += bytes;
    map.set(key, entry);
  };
  let edge = 0;
  for (let i = 0; i < s.nodes.length; i += fields) {
    const kind = nodeTypes[s.nodes[i + type]];
    const nodeName = String(s.strings[s.nodes[i + name]]);
    const bytes = s.nodes[i + selfSize];
    const edges = s.nodes[i + edgeCount];
    const key = /string/.test(kind)
      ? '(strings)'
      : kind === 'object' || kind === 'native'
        ? `${kind} ${nodeName.slice(0, 60)}`
        : `(${kind})`;
    add(kinds, key, bytes);
    if (kind === 'object') {
      const props = [];
      for (let e = edge; e < edge + edges * edgeFields; e += edgeFields) {
        if (edgeTypes[s.edges[e + edgeType]] === 'property') props.push(s.strings[s.edges[e + edgeName]]);
      }
      add(shapes, `${nodeName.slice(0, 30)} {${props.slice(0, 12).join(', ')}}`, bytes);
    }
    edge += edges * edgeFields;
  }
  return { kinds, shapes };
}

function difference(withExt, without) {
  return [...new Set([...withExt.keys(), ...without.keys()])]
    .map((key) => {
      const [c1, b1] = withExt.get(key) ?? [0, 0];
      const [c0, b0] = without.get(key) ?? [0, 0];
      return { key, count: c1 - c0, bytes: b1 - b0 };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

const withExt = summarize(file('with'));
const without = summarize(file('without'));
const mb = (bytes) => (bytes / 1048576).toFixed(2).padStart(7);
for (const [title, diff] of [
  ['by kind', difference(withExt.kinds, without.kinds)],
  ['JS objects by shape', difference(withExt.shapes, without.shapes)],
]) {
  console.log(`\nadded ${title} (MB, count): total ${mb(diff.reduce((sum, d) => sum + d.bytes, 0)).trim()} MB`);
  for (const d of diff.slice(0, Number(rows))) console.log(`${mb(d.bytes)} ${String(d.count).padStart(8)}  ${d.key}`);
}
