// The Facebook adapter fuzzed (#15): random mutations of the real captures (the 44-comment post dialog over an
// aria-hidden feed, the logged-out permalink, the Arabic fragments) and of a small whole conversation with the
// Page's replies never make it throw, and never make it claim a whole read while an intact customer comment has gone
// missing or answered. RR_FUZZ_RUNS sets the number of trees (see tests/unit/sites/fuzz/harness.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFacebookAdapter } from '../../../utils/sites/facebook';
import { happyDomCompare } from './fuzz/document-order';
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

const POST = 'https://www.facebook.com/acme/posts/pfbid0abc';

/** One comment as Facebook draws it: avatar and name links carrying the comment_id, text, the time link. */
function comment(c: { id: string; name: string; profile: string; text: string; ago: string; root?: string }) {
  const ids = c.root ? `comment_id=${c.root}&amp;reply_comment_id=${c.id}` : `comment_id=${c.id}`;
  const profile = `https://www.facebook.com${c.profile}?${ids}&amp;__tn__=R]-R`;
  const label = c.root ? `Reply by ${c.name} to a comment ${c.ago} ago` : `Comment by ${c.name} ${c.ago} ago`;
  return `<div role="article" aria-label="${label}" tabindex="-1">
    <a aria-hidden="true" href="${profile}" tabindex="-1"><svg></svg></a>
    <div><span><a href="${profile}"><span dir="auto">${c.name}</span></a></span>
      <div><span dir="auto" lang="en"><div dir="auto">${c.text}</div></span></div></div>
    <ul><li><a href="${POST}?${ids}&amp;__cft__[0]=AZ1">${c.ago}</a></li>
      <li><div aria-label="Like" role="button">Like</div></li><li><div role="button">Reply</div></li></ul></div>`;
}

/** A whole conversation in a post dialog: three threads, the Page answering one of them. */
function conversation(): Document {
  const ann = { name: 'Anna Kovács', profile: '/anna.kovacs.123' };
  const acme = { name: 'Acme Coffee', profile: '/acme' };
  const tom = { name: 'Tom Baker', profile: '/tom.baker.77' };
  const body = `<li>${comment({ id: '101', ...ann, text: 'Mikor lesz kapható?', ago: '5 hours' })}
      <div><ul><li>${comment({ id: '102', ...acme, text: 'Jövő héten!', ago: '4 hours', root: '101' })}</li>
        <li>${comment({ id: '103', ...ann, text: 'És zabtejes?', ago: '3 hours', root: '101' })}</li></ul></div></li>
    <li>${comment({ id: '201', ...tom, text: 'Bring back the old blend', ago: '2 hours' })}</li>
    <li>${comment({ id: '301', name: 'Sofía García', profile: '/sofia.g', text: '¿Sin lactosa?', ago: '1 hour' })}</li>`;
  return parse(`<html lang="en"><body><div role="dialog" aria-modal="true"><div>
      <div data-ad-rendering-role="profile_name"><h2><a href="https://www.facebook.com/acme?__tn__=-UC"><strong><span>Acme Coffee</span></strong></a></h2></div>
      <a href="" aria-label="Monday">2d</a><ul>${body}</ul>
      <div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Write a comment…"></div>
    </div></div></body></html>`);
}

/**
 * The captures without their style sheets and scripts: the fuzzing is about the DOM's shape, and every comment's
 * visibility check would otherwise resolve hundreds of style sheets (about a second per read of the dialog; the full
 * capture with its styles is read in facebook-real.test.ts).
 */
function unstyled(html: string): Document {
  const doc = parse(html);
  for (const el of doc.querySelectorAll('style, script, link[rel="stylesheet"]')) el.remove();
  return doc;
}

const makeSeeds = (): Seed[] => [
  {
    name: 'facebook post dialog capture',
    doc: unstyled(realHtml('facebook-post-dialog-44-comments-2024-11.html')),
    url: new URL(
      'https://www.facebook.com/animeworldgobal/posts/pfbid02vnj2KuSa7yrG6weZr5TKyT7h2VrK6HnZT7jCchjHs7MQGGaNyQjnq9DF8WhkWf8Kl',
    ),
    brand: ['animeworldgobal'],
  },
  {
    name: 'facebook logged-out permalink capture',
    doc: unstyled(realHtml('facebook-permalink-logged-out-2025.html')),
    url: new URL(
      'https://www.facebook.com/salmanmd.sultan.1/posts/pfbid02pwk1KyH6jtefw3dYQuPQPEESmxCrBGaigyWUdu5JRSbZzAQBAnRDfZsPP7av5ikql',
    ),
    brand: ['salmanmd.sultan.1'],
  },
  {
    name: 'facebook Arabic fragments capture',
    doc: unstyled(realHtml('facebook-comment-and-reply-fragments-ar-2024-06.html')),
    url: new URL(
      'https://www.facebook.com/aljabel.matein3/posts/pfbid0wgxG1KM5ogtmcrm4BiVx9JGyYXqTuKRqwzgWfTZDBN9BamidEM4e4uzN8FLzvXxjl',
    ),
    brand: ['aljabel.matein3'],
  },
  { name: 'facebook whole conversation', doc: conversation(), url: new URL(POST), brand: ['acme'] },
];
/** Each page as captured, and again with its hidden parts' controls taken out where that makes it whole. */
const seeds: Seed[] = [
  ...makeSeeds(),
  ...makeSeeds().flatMap((seed) => wholeVariant(seed, createFacebookAdapter, 'facebook') ?? []),
];
const weightOf = (s: Seed) => (s.name.includes('post dialog') ? 1 : s.name.includes('permalink') ? 4 : 8);

const RUNS = runsOr(150);

/** What the clean read of each seed says: the oracle's starting point. */
const EXPECTED_SEEDS = [
  'facebook post dialog capture: 44 read, 44 unanswered, incomplete',
  'facebook logged-out permalink capture: 10 read, 0 unanswered, incomplete',
  'facebook Arabic fragments capture: 1 read, 1 unanswered, incomplete',
  'facebook whole conversation: 5 read, 3 unanswered, ok',
  'facebook Arabic fragments capture, hidden parts removed: 1 read, 1 unanswered, ok',
];

describe('the Facebook adapter under fuzzing', () => {
  const clean = seeds.map((seed) => baselineOf(seed, createFacebookAdapter, 'facebook'));
  const elements = seeds.map((seed) => [...seed.doc.querySelectorAll('*')]);

  it('reads every seed cleanly first (the oracle’s starting point)', () => {
    const table = seeds.map((seed, i) => {
      const { read, baseline, view } = clean[i]!;
      return `${seed.name}: ${read.comments.length} read, ${baseline.unanswered.length} unanswered, ${view.health}`;
    });
    expect(table).toEqual(EXPECTED_SEEDS);
  });

  it('orders nodes as happy-dom does (the fuzz uses a faster compareDocumentPosition)', () => {
    expect(seeds[0]!.doc.body.compareDocumentPosition).not.toBe(happyDomCompare);
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.nat(), fc.nat(), fc.boolean(), (s, a, b, near) => {
        const all = elements[s]!;
        const one = all[a % all.length]!;
        // Near: a relative of the first (ancestor, descendant, sibling or cousin), where ordering takes more steps.
        const relatives = near ? [...(one.parentElement?.parentElement ?? one).querySelectorAll('*')] : all;
        const two = (relatives[b % relatives.length] ?? one) as Node;
        const pairs: Array<[Node, Node]> = [
          [one, two],
          [two, one],
          [one, one.firstChild ?? one],
          [one.parentNode ?? one, one],
        ];
        for (const [x, y] of pairs) expect(x.compareDocumentPosition(y)).toBe(happyDomCompare.call(x, y));
      }),
      { numRuns: 300, seed: 20_261_201 },
    );
  });

  // Trees that once failed, replayed every run. The first broke the harness, not the adapter: its row move took a
  // row an earlier removal had detached (the full run of 2026-12-01 stopped on it at tree 7,846).
  const REGRESSIONS: Array<{ seed: number; ops: Op[] }> = [
    {
      seed: 3,
      ops: [
        { kind: 'remove-node', at: 866073 },
        { kind: 'move-row', at: 241121, other: 0 },
        { kind: 'href', at: 0, value: 0 },
      ],
    },
  ];

  it.each(REGRESSIONS)('replays a tree that once failed: %j', (tree) => {
    const failure = runTree(
      seeds,
      clean.map((c) => c.baseline),
      elements,
      createFacebookAdapter,
      'facebook',
      tree,
      newStats(),
    );
    expect(failure).toBeNull();
    const again = baselineOf(seeds[tree.seed]!, createFacebookAdapter, 'facebook');
    expect(again.read.comments.map((c) => c.comment.id)).toEqual(
      clean[tree.seed]!.read.comments.map((c) => c.comment.id),
    );
  });

  it(
    `${RUNS} mutated trees: never throws, never a false whole read`,
    () => {
      const after = runMutatedTrees(seeds, clean, elements, createFacebookAdapter, 'facebook', RUNS, weightOf);
      for (const [i, again] of after.entries()) {
        expect(again.read.comments.map((c) => c.comment.id)).toEqual(clean[i]!.read.comments.map((c) => c.comment.id));
      }
    },
    FULL_RUN_TIMEOUT,
  );
});
