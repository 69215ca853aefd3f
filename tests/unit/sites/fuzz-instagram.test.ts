// The Instagram adapter fuzzed (#15): random mutations of the real captures (a French thread of 15 comments, a row
// with collapsed replies, an image comment, the "comments on Facebook" row) and of the pages saved from our fixture
// (a post page, a post dialog over the profile, a reel) never make it throw, and never make it claim a whole read
// while an intact customer comment has gone missing or answered. RR_FUZZ_RUNS sets the number of trees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInstagramAdapter } from '../../../utils/sites/instagram';
import {
  baselineOf,
  FULL_RUN_TIMEOUT,
  newStats,
  type Op,
  parse,
  realHtml,
  runMutatedTrees,
  runsOr,
  runTree,
  type Seed,
  wholeVariant,
} from './fuzz/harness';

const own = (name: string) => readFileSync(path.join(import.meta.dirname, 'instagram-fixtures', name), 'utf8');

/** A capture is a fragment of the comments column: put it in a page under a post header, as Instagram does. */
function pageAround(fragment: string): Document {
  return parse(
    `<html><body><div role="navigation"><a href="/cm.account/"><img alt=""><span>Profile</span></a></div>` +
      `<main role="main"><header><a href="/brand.account/"><img alt=""></a><a href="/brand.account/">brand.account</a>` +
      `<div role="button">Follow</div></header><div class="comments">${fragment}</div>` +
      `<section><form><textarea aria-label="Ajouter un commentaire…"></textarea>` +
      `<div role="button" aria-disabled="true">Publier</div></form></section></main></body></html>`,
  );
}

const makeSeeds = (): Seed[] => [
  {
    name: 'instagram thread capture',
    doc: pageAround(realHtml('instagram-comment-thread-2026-03.html')),
    url: new URL('https://www.instagram.com/p/DWD5jrEoGa8/'),
    brand: ['brand.account'],
  },
  {
    name: 'instagram row, image and placeholder captures',
    doc: pageAround(
      realHtml('instagram-facebook-comments-placeholder-fr-2026.html') +
        realHtml('instagram-comment-row-2025-10.html') +
        realHtml('instagram-comment-image-fr-2026.html'),
    ),
    url: new URL('https://www.instagram.com/p/DPPr8SID-Dd/'),
    brand: ['brand.account'],
  },
  {
    name: 'instagram post page fixture',
    doc: parse(own('instagram-post-page.html')),
    url: new URL('https://www.instagram.com/p/DEMOpost1/'),
    brand: ['acme.coffee'],
  },
  {
    name: 'instagram dialog over profile fixture',
    doc: parse(own('instagram-dialog-over-profile.html')),
    url: new URL('https://www.instagram.com/p/DEMOpost2/'),
    brand: ['acme.coffee'],
  },
  {
    name: 'instagram reel fixture',
    doc: parse(own('instagram-reel.html')),
    url: new URL('https://www.instagram.com/reel/DEMOreel1/'),
    brand: ['acme.coffee'],
  },
];
/** Each page as captured, and again with its hidden parts' controls taken out where that makes it whole. */
const seeds: Seed[] = [
  ...makeSeeds(),
  ...makeSeeds().flatMap((seed) => wholeVariant(seed, createInstagramAdapter, 'instagram') ?? []),
];
const weightOf = (s: Seed) => (s.name.includes('thread capture') ? 2 : 1);

const RUNS = runsOr(150);

/** What the clean read of each seed says: the oracle's starting point. */
const EXPECTED_SEEDS = [
  'instagram thread capture: 15 read, 15 unanswered, incomplete',
  'instagram row, image and placeholder captures: 1 read, 1 unanswered, incomplete',
  'instagram post page fixture: 22 read, 19 unanswered, incomplete',
  'instagram dialog over profile fixture: 4 read, 4 unanswered, incomplete',
  'instagram reel fixture: 4 read, 2 unanswered, ok',
  'instagram thread capture, hidden parts removed: 15 read, 15 unanswered, ok',
  'instagram post page fixture, hidden parts removed: 22 read, 19 unanswered, ok',
  'instagram dialog over profile fixture, hidden parts removed: 4 read, 4 unanswered, ok',
];

describe('the Instagram adapter under fuzzing', () => {
  const clean = seeds.map((seed) => baselineOf(seed, createInstagramAdapter, 'instagram'));
  const elements = seeds.map((seed) => [...seed.doc.querySelectorAll('*')]);

  it('reads every seed cleanly first (the oracle’s starting point)', () => {
    const table = seeds.map((seed, i) => {
      const { read, baseline, view } = clean[i]!;
      return `${seed.name}: ${read.comments.length} read, ${baseline.unanswered.length} unanswered, ${view.health}`;
    });
    expect(table).toEqual(EXPECTED_SEEDS);
  });

  // Trees that once failed, replayed every run. The first was the oracle's: a commenter's link given the acting
  // account's address makes that row a reply by the brand, which answers its thread (the full run of 2026-12-01
  // stopped on it at tree 3,780).
  const REGRESSIONS: Array<{ seed: number; ops: Op[] }> = [
    { seed: 5, ops: [{ kind: 'dup-id', at: 221928, other: 0 }] },
  ];

  it.each(REGRESSIONS)('replays a tree that once failed: %j', (tree) => {
    const baselines = clean.map((c) => c.baseline);
    const stats = newStats();
    expect(runTree(seeds, baselines, elements, createInstagramAdapter, 'instagram', tree, stats)).toBeNull();
    expect(stats.trees).toBe(1);
  });

  it(
    `${RUNS} mutated trees: never throws, never a false whole read`,
    () => {
      const after = runMutatedTrees(seeds, clean, elements, createInstagramAdapter, 'instagram', RUNS, weightOf);
      for (const [i, again] of after.entries()) {
        expect(again.read.comments.map((c) => c.comment.id)).toEqual(clean[i]!.read.comments.map((c) => c.comment.id));
      }
    },
    FULL_RUN_TIMEOUT,
  );
});
