// The X adapter fuzzed (#15): random mutations of the real captures and of our conversation fixture never make it
// throw, and never make it claim a whole read while an intact customer comment has gone missing or answered.
// RR_FUZZ_RUNS sets the number of trees (10,000 for the full run; see tests/unit/sites/fuzz/harness.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createXAdapter } from '../../../utils/sites/x';
import {
  baselineOf,
  FULL_RUN_TIMEOUT,
  parse,
  realHtml,
  runMutatedTrees,
  runsOr,
  type Seed,
  wholeVariant,
} from './fuzz/harness';

/** A capture of the conversation timeline, mounted where X puts it; `cell` wraps a single cell's content. */
function mounted(html: string, cell = false): Document {
  const doc = parse(html);
  const column = doc.createElement('div');
  column.setAttribute('data-testid', 'primaryColumn');
  let holder: Element = column;
  if (cell) {
    holder = doc.createElement('div');
    holder.setAttribute('data-testid', 'cellInnerDiv');
    column.append(holder);
  }
  holder.append(...doc.body.childNodes);
  doc.body.append(column);
  return doc;
}

const ROWS = '[data-testid="cellInnerDiv"]';
/**
 * The focused post (the article holding a time linked to the address's status, not a quoted post's) and the
 * headings that end the conversation: what is a reply depends on a row's place around them.
 */
const anchorsOf = (url: URL) => (doc: Document) => [
  ...[doc.querySelector(`a[href$="/status/${url.pathname.split('/').pop()}"] time`)?.closest('article') ?? doc.body],
  ...doc.querySelectorAll(`${ROWS} h2, ${ROWS} [role="heading"]`),
];
const makeSeeds = (): Seed[] => [
  {
    name: 'x thread capture',
    doc: mounted(realHtml('x-conversation-thread-inline-composer-2025-01.html')),
    url: new URL('https://x.com/ApostleJohnW/status/1881841967291928947'),
    brand: ['ApostleJohnW'],
    rows: ROWS,
    anchors: anchorsOf(new URL('https://x.com/ApostleJohnW/status/1881841967291928947')),
  },
  {
    name: 'x deleted-posts capture',
    doc: mounted(realHtml('x-conversation-deleted-posts-2025-02.html')),
    url: new URL('https://x.com/Geiger_Capital/status/1885443814124384411'),
    brand: ['Geiger_Capital'],
    rows: ROWS,
    anchors: anchorsOf(new URL('https://x.com/Geiger_Capital/status/1885443814124384411')),
  },
  {
    name: 'x main-post capture',
    doc: mounted(realHtml('x-status-main-post-2025-10.html'), true),
    url: new URL('https://x.com/TestUser123/status/1981398750557065646'),
    brand: ['TestUser123'],
    rows: ROWS,
    anchors: anchorsOf(new URL('https://x.com/TestUser123/status/1981398750557065646')),
  },
  {
    name: 'x conversation fixture',
    doc: parse(readFileSync(path.join(import.meta.dirname, 'x-fixtures', 'x-conversation.html'), 'utf8')),
    url: new URL('https://x.com/acme/status/1981646846161846274'),
    brand: ['acme'],
    rows: ROWS,
    anchors: anchorsOf(new URL('https://x.com/acme/status/1981646846161846274')),
  },
];
/** Each page as captured, and again with its hidden parts' controls taken out where that makes it whole. */
const seeds: Seed[] = [...makeSeeds(), ...makeSeeds().flatMap((seed) => wholeVariant(seed, createXAdapter, 'x') ?? [])];
const weightOf = () => 1;

const RUNS = runsOr(400);

/** What the clean read of each seed says: the oracle's starting point. */
const EXPECTED_SEEDS = [
  'x thread capture: 1 read, 1 unanswered, incomplete',
  'x deleted-posts capture: 3 read, 3 unanswered, ok',
  'x main-post capture: 0 read, 0 unanswered, ok',
  'x conversation fixture: 13 read, 9 unanswered, incomplete',
  'x thread capture, hidden parts removed: 1 read, 1 unanswered, ok',
  'x conversation fixture, hidden parts removed: 13 read, 6 unanswered, ok',
];

describe('the X adapter under fuzzing', () => {
  const clean = seeds.map((seed) => baselineOf(seed, createXAdapter, 'x'));
  const elements = seeds.map((seed) => [...seed.doc.querySelectorAll('*')]);

  it('reads every seed cleanly first (the oracle’s starting point)', () => {
    const table = seeds.map((seed, i) => {
      const { read, baseline, view } = clean[i]!;
      return `${seed.name}: ${read.comments.length} read, ${baseline.unanswered.length} unanswered, ${view.health}`;
    });
    expect(table).toEqual(EXPECTED_SEEDS);
  });

  it(
    `${RUNS} mutated trees: never throws, never a false whole read`,
    () => {
      const after = runMutatedTrees(seeds, clean, elements, createXAdapter, 'x', RUNS, weightOf);
      // Every mutation was undone: the seeds read as before.
      for (const [i, again] of after.entries()) {
        expect(again.read.comments.map((c) => c.comment)).toEqual(clean[i]!.read.comments.map((c) => c.comment));
      }
    },
    FULL_RUN_TIMEOUT,
  );
});
