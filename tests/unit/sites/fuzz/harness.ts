// Property-based fuzzing of the site adapters (#15): random and mutated DOM trees built from the real captures and
// our fixture pages. Each seed page is parsed once; every generated tree is that page with a few mutations applied
// in place, read by a fresh adapter, and then undone exactly (cloning a 3 MB capture per tree would cost a second).
//
// The oracle: a read never throws and either is right or says it is not (health incomplete/broken). "Right" is
// checked where the truth is known without the adapter: a customer comment the clean page shows as unanswered, whose
// own element no mutation touched, stays unanswered — unless a brand comment was touched (it may have moved or
// changed its time), a touched comment now reads as the brand's and is later than it (a link that now names the
// acting account makes that row a reply by the brand), or the tree's structure changed and some brand comment on
// the page is later than it (rows moved between threads may now put that answer under it).

import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { commentKey } from '../../../../utils/core/model';
import { DEFAULT_SETTINGS } from '../../../../utils/core/settings';
import type { PageView } from '../../../../utils/overlay/view-model';
import type { PageRead, SiteAdapter } from '../../../../utils/sites/types';
import { buildPageView } from '../../overlay/page-view';
import { REAL_CAPTURES } from '../real-captures';
import './document-order';

export const REAL = REAL_CAPTURES;
export const realHtml = (name: string) => readFileSync(path.join(REAL, name), 'utf8');
export const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * Trees per adapter: RR_FUZZ_RUNS=10000 for the full run (README, "How we test"); by default what reads in well under
 * a minute on a loaded two-core machine, for npm test.
 */
export const runsOr = (quick: number) => Number(process.env.RR_FUZZ_RUNS ?? quick);
/**
 * A full run's time limit. Facebook's and Instagram's 10,000 trees take about 4 minutes of CPU each (2026-12-01, after
 * the label and document-order speed-ups; 13.5 and 8.5 min niced at load 12-15), but a niced run on a shared, loaded
 * two-core machine once got 5 minutes of CPU in 90: the limit leaves room for that.
 */
export const FULL_RUN_TIMEOUT = 6 * 3_600_000;
/**
 * The quick share in `npm test` always reads the same trees (a fixed seed), so a red run is a change in the code,
 * never the luck of the draw; RR_FUZZ_SEED replays or explores other trees, and a full run (RR_FUZZ_RUNS) draws new
 * ones each time unless it is given a seed.
 */
export function fuzzSeed(): number | undefined {
  const given = process.env.RR_FUZZ_SEED;
  if (given) return Number(given);
  return process.env.RR_FUZZ_RUNS ? undefined : 20_261_201;
}

export interface Seed {
  name: string;
  doc: Document;
  url: URL;
  /** The brand's handles or Page names on this site. */
  brand: string[];
  /** Elements a row move takes and puts elsewhere (the site's rows); by default the comments the clean read found. */
  rows?: string;
  /**
   * Elements whose place decides what is a reply (X: rows above the focused post are the posts it answers, rows
   * below the Discover more heading are other conversations): a comment moved to the other side of one of them is no
   * longer known to be a reply.
   */
  anchors?: (doc: Document) => Element[];
}

export function viewOf(read: PageRead, platform: 'x' | 'facebook' | 'instagram', brand: string[]): PageView {
  const settings = { ...DEFAULT_SETTINGS, brand: { x: [], facebook: [], instagram: [], [platform]: brand } };
  return buildPageView(
    {
      isPostPage: true,
      post: read.post,
      actingHandle: read.actingHandle,
      comments: read.comments.map((c) => c.comment),
      collapsed: read.collapsed,
      candidates: read.candidates,
      readable: read.comments.length,
      problems: read.problems,
      loading: false,
      ...(read.moreBelow !== undefined && { moreBelow: read.moreBelow }),
    },
    settings,
    new Map(),
    Date.parse('2026-12-01T00:00:00Z'),
    'en',
  );
}

interface Known {
  key: string;
  element: Element;
  postedAt: number;
  /** For each of the seed's anchors, whether the comment comes after it. */
  sides: string;
}
interface Baseline {
  /** The account the clean page says the user acts as (it speaks for the brand). */
  acting: string | null;
  /** Every comment element of the clean read. */
  rows: Element[];
  unanswered: Known[];
  brand: Known[];
  health: PageView['health'];
}

export function baselineOf(seed: Seed, makeAdapter: () => SiteAdapter, platform: 'x' | 'facebook' | 'instagram') {
  const read = makeAdapter().read(seed.doc, seed.url);
  const view = viewOf(read, platform, seed.brand);
  const anchors = seed.anchors?.(seed.doc) ?? [];
  const known = (state: string) =>
    read.comments
      .filter((c) => view.comments.get(commentKey(c.comment))?.state === state)
      .map((c) => ({
        key: commentKey(c.comment),
        element: c.element,
        postedAt: c.comment.postedAt,
        sides: sidesOf(anchors, c.element),
      }));
  const baseline: Baseline = {
    acting: read.actingHandle,
    rows: read.comments.map((c) => c.element),
    unanswered: known('unanswered'),
    brand: known('brand'),
    health: view.health,
  };
  return { read, view, baseline };
}

const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
const sidesOf = (anchors: Element[], el: Element) => anchors.map((a) => (follows(a, el) ? 'a' : 'b')).join('');

// --- mutations -------------------------------------------------------------------------------------------------

const HOSTILE_HREFS = [
  '',
  '#',
  'javascript:alert(document.cookie)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  `https://x.com/${'a'.repeat(200_000)}/status/1`,
  '//evil.example/acme/status/1981661945656246275',
  'http://[::1',
  `?comment_id=${'9'.repeat(5000)}&reply_comment_id=${'A'.repeat(5000)}`,
  '\u202e/acme/status/1981661945656246275',
  '/%E0%A4%A/status/%00',
  ' /acme/status/ 12 ',
  `/p/${'Z'.repeat(3000)}/c/${'1'.repeat(3000)}/`,
  'https://www.facebook.com/profile.php?id=&comment_id=',
  'https://l.facebook.com/l.php?u=javascript%3Aalert(1)',
];
const ODD = [
  '\u202e',
  '\u202b',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u200b',
  '\u200d',
  '\ufeff',
  '😀',
  '👩‍👩‍👧',
  '🇭🇺',
  'مرحبا',
  'שלום',
  'ক',
  'ខ្មែរ',
  '\u0000',
  '<b>x</b>',
  '{name}',
];
const HUGE_UNITS = [
  'a',
  'ab ',
  '😀',
  '\u202e',
  'مرحبا ',
  '\u200b',
  '1h ',
  '2 days ago ',
  'View all 5 replies ',
  '@acme ',
];
const ATTRS = [
  'data-testid',
  'role',
  'aria-label',
  'href',
  'datetime',
  'dir',
  'lang',
  'tabindex',
  'aria-hidden',
  'class',
];

export type Op =
  | { kind: 'remove-attr'; at: number; attr: number }
  | { kind: 'href'; at: number; value: number }
  | { kind: 'huge-text'; at: number; unit: number; length: number }
  | { kind: 'odd-chars'; at: number; chars: number[]; where: number }
  | { kind: 'nest'; at: number; other: number; wrap: boolean }
  | { kind: 'dup-id'; at: number; other: number }
  | { kind: 'move-row'; at: number; other: number }
  | { kind: 'remove-node'; at: number }
  | { kind: 'datetime'; at: number; value: number };

const nat = fc.nat({ max: 1_000_000 });
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('remove-attr' as const), at: nat, attr: nat }),
  fc.record({ kind: fc.constant('href' as const), at: nat, value: nat }),
  fc.record({
    kind: fc.constant('huge-text' as const),
    at: nat,
    unit: nat,
    length: fc.integer({ min: 1000, max: 120_000 }),
  }),
  fc.record({
    kind: fc.constant('odd-chars' as const),
    at: nat,
    chars: fc.array(nat, { minLength: 1, maxLength: 6 }),
    where: nat,
  }),
  fc.record({ kind: fc.constant('nest' as const), at: nat, other: nat, wrap: fc.boolean() }),
  fc.record({ kind: fc.constant('dup-id' as const), at: nat, other: nat }),
  fc.record({ kind: fc.constant('move-row' as const), at: nat, other: nat }),
  fc.record({ kind: fc.constant('remove-node' as const), at: nat }),
  fc.record({ kind: fc.constant('datetime' as const), at: nat, value: nat }),
);
/** A tree: a seed (by weight: big captures cost more per read) and one to four mutations of it. */
export const treeArb = (weights: number[]) =>
  fc.record({
    seed: fc.oneof(...weights.map((weight, i) => ({ arbitrary: fc.constant(i), weight }))),
    ops: fc.array(opArb, { minLength: 1, maxLength: 4 }),
  });

/**
 * What a mutation touched: `changed` nodes were changed in place (a comment holding one is touched), `carried`
 * subtrees were moved, wrapped or removed (a comment inside one, or holding one, is touched); `structure` is true
 * when rows may have changed threads.
 */
interface Touch {
  changed: Node[];
  carried?: Node[];
  structure: boolean;
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

function firstText(el: Element): Text | null {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.trim()) return node as Text;
  }
  return null;
}

/**
 * Applies one mutation to `doc` in place; pushes how to undo it onto `undo` and returns what it touched.
 * `all` is the seed's element list (taken once; elements a previous mutation detached are skipped), `rows` what a
 * row move may take.
 */
export function applyOp(doc: Document, all: Element[], rows: Element[], op: Op, undo: Array<() => void>): Touch | null {
  const live = (el: Element | undefined) => (el?.isConnected ? el : undefined);
  switch (op.kind) {
    case 'remove-attr': {
      const el = live(pick(all, op.at));
      if (!el || el.attributes.length === 0) return null;
      const wanted = ATTRS[op.attr % ATTRS.length]!;
      const name = el.hasAttribute(wanted) ? wanted : el.attributes[op.attr % el.attributes.length]!.name;
      const old = el.getAttribute(name)!;
      el.removeAttribute(name);
      undo.push(() => el.setAttribute(name, old));
      return { changed: [el], structure: false };
    }
    case 'href': {
      const links = all.filter((el) => el.localName === 'a' && el.hasAttribute('href'));
      const a = live(pick(links, op.at));
      if (!a) return null;
      const old = a.getAttribute('href')!;
      a.setAttribute('href', HOSTILE_HREFS[op.value % HOSTILE_HREFS.length]!);
      undo.push(() => a.setAttribute('href', old));
      return { changed: [a], structure: false };
    }
    case 'huge-text':
    case 'odd-chars': {
      const el = live(pick(all, op.at));
      const text = el && firstText(el);
      if (!text) return null;
      const old = text.data;
      if (op.kind === 'huge-text') {
        const unit = HUGE_UNITS[op.unit % HUGE_UNITS.length]!;
        text.data = unit.repeat(Math.ceil(op.length / unit.length));
      } else {
        const odd = op.chars.map((c) => ODD[c % ODD.length]).join('');
        const at = op.where % (old.length + 1);
        text.data = old.slice(0, at) + odd + old.slice(at);
        // Bidi controls and zero-width characters also land in attribute values the adapters parse.
        const host = text.parentElement?.closest('[aria-label], a[href]');
        if (host && op.where % 2 === 0) {
          const name = host.hasAttribute('aria-label') ? 'aria-label' : 'href';
          const oldAttr = host.getAttribute(name)!;
          host.setAttribute(name, oldAttr.slice(0, at) + odd + oldAttr.slice(at));
          undo.push(() => host.setAttribute(name, oldAttr));
        }
      }
      undo.push(() => {
        text.data = old;
      });
      return { changed: [text], structure: false };
    }
    case 'nest': {
      const articles = all.filter((el) => el.localName === 'article' || el.getAttribute('role') === 'article');
      const a = live(pick(articles, op.at));
      const b = live(pick(articles, op.other));
      if (!a || !b) return null;
      if (op.wrap) {
        // An article wrapped in another article of the same kind.
        const wrapper = doc.createElement(a.localName);
        for (const attr of a.attributes)
          if (attr.name !== 'aria-labelledby') wrapper.setAttribute(attr.name, attr.value);
        const parent = a.parentNode!;
        const next = a.nextSibling;
        wrapper.append(a);
        parent.insertBefore(wrapper, next);
        undo.push(() => {
          parent.insertBefore(a, next);
          wrapper.remove();
        });
        return { changed: [], carried: [a], structure: true };
      }
      // Another article's copy nested inside this one (a duplicate of its ids too).
      const copy = b.cloneNode(true) as Element;
      const slot = a.lastElementChild ?? a;
      slot.append(copy);
      undo.push(() => copy.remove());
      return { changed: [a, b], structure: true };
    }
    case 'dup-id': {
      const links = all.filter((el) => el.localName === 'a' && el.hasAttribute('href'));
      const from = live(pick(links, op.other));
      const to = live(pick(links, op.at));
      if (!from || !to || from === to) return null;
      const old = to.getAttribute('href')!;
      to.setAttribute('href', from.getAttribute('href')!);
      undo.push(() => to.setAttribute('href', old));
      return { changed: [to, from], structure: false };
    }
    case 'move-row': {
      // Both must still be in the page: a row an earlier mutation removed has no parent to return to on undo.
      const row = live(pick(rows, op.at));
      const before = live(pick(rows, op.other));
      if (!row || !before || row === before || row.contains(before) || before.contains(row)) return null;
      const parent = row.parentNode!;
      const next = row.nextSibling;
      before.parentNode!.insertBefore(row, before);
      undo.push(() => parent.insertBefore(row, next));
      return { changed: [], carried: [row], structure: true };
    }
    case 'remove-node': {
      const el = live(pick(all, op.at));
      if (!el || el === doc.documentElement || el === doc.body) return null;
      const parent = el.parentNode!;
      const next = el.nextSibling;
      el.remove();
      undo.push(() => parent.insertBefore(el, next));
      return { changed: [parent], carried: [el], structure: true };
    }
    case 'datetime': {
      const times = all.filter((el) => el.localName === 'time' || el.localName === 'abbr');
      const t = live(pick(times, op.at));
      if (!t) return null;
      const values = ['', 'garbage', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', 'NaN', `${'2'.repeat(5000)}`];
      const name = t.hasAttribute('datetime') ? 'datetime' : 'title';
      const old = t.getAttribute(name);
      t.setAttribute(name, values[op.value % values.length]!);
      undo.push(() => (old === null ? t.removeAttribute(name) : t.setAttribute(name, old)));
      return { changed: [t], structure: false };
    }
  }
}

export interface Stats {
  trees: number;
  perSeed: Record<string, number>;
  reads: number;
  ms: number[];
  healthy: number;
  incomplete: number;
  broken: number;
  checked: number;
  /** Trees whose post no longer read as the brand's (no count shown), or whose acting account changed. */
  untracked: number;
}
export const newStats = (): Stats => ({
  trees: 0,
  perSeed: {},
  reads: 0,
  ms: [],
  healthy: 0,
  incomplete: 0,
  broken: 0,
  checked: 0,
  untracked: 0,
});

export function summary(name: string, stats: Stats, wallMs: number): string {
  const sorted = [...stats.ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
  return (
    `${name}: ${stats.trees} trees in ${(wallMs / 1000).toFixed(1)} s; read ms median ${q(0.5)}, p99 ${q(0.99)}, ` +
    `max ${q(1)}; health ok ${stats.healthy} (of them not the brand's post or another acting account ${stats.untracked}), ` +
    `incomplete ${stats.incomplete}, broken ${stats.broken}; ` +
    `${stats.checked} protected comments checked; trees per seed ${JSON.stringify(stats.perSeed)}`
  );
}

/**
 * One generated tree: mutate the seed in place, read it with a fresh adapter, check the oracle, undo.
 * Returns a failure message, or null.
 */
export function runTree(
  seeds: Seed[],
  baselines: Baseline[],
  elements: Element[][],
  makeAdapter: () => SiteAdapter,
  platform: 'x' | 'facebook' | 'instagram',
  tree: { seed: number; ops: Op[] },
  stats: Stats,
): string | null {
  const seed = seeds[tree.seed]!;
  const baseline = baselines[tree.seed]!;
  const undo: Array<() => void> = [];
  const touches: Touch[] = [];
  try {
    for (const op of tree.ops) {
      const rows = seed.rows ? [...seed.doc.querySelectorAll(seed.rows)] : baseline.rows;
      const touch = applyOp(seed.doc, elements[tree.seed]!, rows, op, undo);
      if (touch) touches.push(touch);
    }
    const started = performance.now();
    let read: PageRead;
    try {
      read = makeAdapter().read(seed.doc, seed.url);
    } catch (error) {
      return `the adapter threw on ${seed.name}: ${String(error)}`;
    }
    stats.ms.push(performance.now() - started);
    stats.trees++;
    // A full run takes long on a shared machine: RR_FUZZ_PROGRESS names a file that learns how far it got (and where a
    // hang stopped it) as it goes; vitest shows a test's console output only when the test ends.
    const progress = process.env.RR_FUZZ_PROGRESS;
    if (progress && stats.trees % 500 === 0) {
      appendFileSync(progress, `${platform}: ${stats.trees} trees at ${new Date().toISOString()}\n`);
    }
    stats.perSeed[seed.name] = (stats.perSeed[seed.name] ?? 0) + 1;
    const view = viewOf(read, platform, seed.brand);
    if (view.health === 'ok') stats.healthy++;
    else if (view.health === 'incomplete') stats.incomplete++;
    else stats.broken++;
    for (const { element } of read.comments) {
      if (!seed.doc.contains(element)) return `a comment element is not in the page (${seed.name})`;
    }
    if (view.health !== 'ok') return null;
    // Not counted as the brand's post (a mutation changed who the page says wrote it): the panel offers to adopt
    // that author instead of counting, which is no claim that everything is answered. Or the page now says the user
    // acts as another account, which speaks for the brand: its comments answer.
    if (!view.tracked || read.actingHandle !== baseline.acting) {
      // …but never because of a handle no account can have (a bidi or zero-width mark inside it): that page is
      // unreadable and must say so, not go quiet as someone else's post.
      const author = read.post?.author.handle ?? '';
      if (!view.tracked && /[\p{Cc}\p{Cf}\p{Z}]/u.test(author)) {
        return `${seed.name}: the post's author reads as ${JSON.stringify(author)} and the page goes untracked`;
      }
      stats.untracked++;
      return null;
    }

    const touched = (el: Element) =>
      touches.some(
        (t) =>
          t.changed.some((n) => el === n || el.contains(n)) ||
          t.carried?.some((n) => n === el || n.contains(el) || el.contains(n)),
      );
    if (baseline.brand.some((b) => touched(b.element))) return null;
    // A comment the mutations made the brand's (its author link now names the acting account, say) is a reply the page
    // really shows: it answers the comments of its thread before it.
    const before = new Set(baseline.brand.map((b) => b.key));
    const madeBrand = read.comments.filter(
      (c) =>
        touched(c.element) &&
        !before.has(commentKey(c.comment)) &&
        view.comments.get(commentKey(c.comment))?.state === 'brand',
    );
    const structure = touches.some((t) => t.structure);
    const anchors = seed.anchors?.(seed.doc) ?? [];
    for (const u of baseline.unanswered) {
      if (touched(u.element)) continue;
      if (sidesOf(anchors, u.element) !== u.sides) continue;
      if (structure && baseline.brand.some((b) => b.postedAt >= u.postedAt)) continue;
      if (madeBrand.some((b) => b.comment.postedAt >= u.postedAt)) continue;
      stats.checked++;
      const state = view.comments.get(u.key)?.state;
      if (state !== 'unanswered') {
        return (
          `${seed.name}: ${u.key} is a customer comment the mutations left intact, yet it reads as ` +
          `${state ?? 'missing'} while health says ok (${view.queue.length} unanswered)`
        );
      }
    }
    return null;
  } finally {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
  }
}

/**
 * The seed with every hidden part's control taken out (Show replies, View all 5 replies, the comment count), when that
 * makes the clean read whole: the oracle only has teeth where the clean read claims to be whole.
 */
export function wholeVariant(
  seed: Seed,
  makeAdapter: () => SiteAdapter,
  platform: 'x' | 'facebook' | 'instagram',
): Seed | null {
  for (let round = 0; round < 4; round++) {
    const read = makeAdapter().read(seed.doc, seed.url);
    if (viewOf(read, platform, seed.brand).health === 'ok') {
      return round > 0 && read.comments.length ? { ...seed, name: `${seed.name}, hidden parts removed` } : null;
    }
    if (!read.collapsed.length) return null;
    for (const part of read.collapsed) ((seed.rows && part.element.closest(seed.rows)) || part.element).remove();
  }
  return null;
}

/**
 * The long run: `runs` mutated trees (seeds picked by `weightOf`), each read with a fresh adapter and checked by `runTree` (the first failure
 * throws), then a summary line. Returns every seed read again afterwards, for the caller to show that every mutation
 * was undone.
 */
export function runMutatedTrees(
  seeds: Seed[],
  clean: Array<ReturnType<typeof baselineOf>>,
  elements: Element[][],
  makeAdapter: () => SiteAdapter,
  platform: 'x' | 'facebook' | 'instagram',
  runs: number,
  weightOf: (seed: Seed) => number,
): Array<ReturnType<typeof baselineOf>> {
  const stats = newStats();
  const started = performance.now();
  const baselines = clean.map((c) => c.baseline);
  fc.assert(
    fc.property(treeArb(seeds.map(weightOf)), (tree) => {
      const failure = runTree(seeds, baselines, elements, makeAdapter, platform, tree, stats);
      if (failure) throw new Error(failure);
    }),
    { numRuns: runs, seed: fuzzSeed() },
  );
  console.info(summary(platform, stats, performance.now() - started));
  return seeds.map((seed) => baselineOf(seed, makeAdapter, platform));
}
