// The overlay's reader over a site adapter: the page's first read is a full one, later batches may be deltas that
// name only what changed, and health never reads as whole from a partial read.
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../utils/core/model';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { LOADING_GRACE_MS, PageReader } from '../../../utils/overlay/page-reader';
import type { PageRead, SiteAdapter } from '../../../utils/sites/types';
import { buildPageView } from './page-view';

const URL_A = new URL('https://www.facebook.com/acme/posts/1');
const POST = {
  platform: 'facebook' as const,
  id: '1',
  url: URL_A.href,
  author: { handle: 'acme', displayName: 'Acme', profileUrl: '' },
};

function comment(id: string): Comment {
  return {
    platform: 'facebook',
    id,
    postId: '1',
    threadKey: id,
    author: { handle: `u${id}`, displayName: `U${id}`, profileUrl: '' },
    text: `t${id}`,
    postedAt: 1_700_000_000_000,
    postedAtPrecision: 'approx',
    permalink: '',
    order: 0,
  };
}

/** An adapter that answers with the reads it is given and notes the change sets it was asked with. */
function scripted(reads: PageRead[]) {
  const asked: Array<ReadonlySet<Node> | undefined> = [];
  const adapter = {
    platform: 'facebook',
    read: (_doc: Document, _url: URL, changed?: ReadonlySet<Node>) => {
      asked.push(changed);
      return reads.shift()!;
    },
  } as unknown as SiteAdapter;
  return { adapter, asked };
}

const base = (extra: Partial<PageRead>): PageRead => ({
  post: POST,
  actingHandle: null,
  comments: [],
  collapsed: [],
  candidates: 0,
  problems: [],
  ...extra,
});

describe('PageReader', () => {
  it('asks for a full read first, then passes the change sets on, and merges deltas', () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    const c = document.createElement('div');
    document.body.append(a, b, c);
    const collapsed: PageRead['collapsed'] = [];
    const { adapter, asked } = scripted([
      base({
        comments: [
          { comment: comment('1'), element: a },
          { comment: comment('2'), element: b },
        ],
        candidates: 2,
        collapsed,
      }),
      base({
        comments: [{ comment: comment('3'), element: c }],
        candidates: 2,
        collapsed,
        delta: { released: [a], readable: 2 },
      }),
      base({ comments: [], candidates: 2, collapsed, delta: { released: [], readable: 2 } }),
    ]);
    const reader = new PageReader(adapter, URL_A, 0);
    const changed = new Set<Node>([c]);
    const first = reader.read(document, 1, changed);
    expect(asked[0]).toBeUndefined();
    expect(first.added).toEqual(['facebook:1', 'facebook:2']);
    const second = reader.read(document, 2, changed);
    expect(asked[1]).toBe(changed);
    expect(second.released).toEqual([a]);
    expect(second.added).toEqual(['facebook:3']);
    expect(second.facts.readable).toBe(2);
    expect(reader.known.get('facebook:1')?.element).toBeNull();
    expect(reader.known.get('facebook:3')?.element).toBe(c);
    // Every comment seen stays known (the view shows what the page showed).
    expect([...second.facts.comments].map((x) => x.id)).toEqual(['1', '2', '3']);
    // Nothing changed: the same lists, the same figures.
    expect(reader.read(document, 3, new Set()).changed).toBe(false);
  });

  it('a health figure changing is a change, even when no comment did', () => {
    const { adapter } = scripted([
      base({ candidates: 0 }),
      base({ candidates: 0, collapsed: [], delta: { released: [], readable: 0 } }),
      base({
        candidates: 0,
        collapsed: [{ kind: 'more-comments', label: '3 comments', element: document.body }],
        delta: { released: [], readable: 0 },
      }),
    ]);
    const reader = new PageReader(adapter, URL_A, 0);
    reader.read(document, 1);
    expect(reader.read(document, 2, new Set()).changed).toBe(false);
    const third = reader.read(document, 3, new Set());
    expect(third.changed).toBe(true);
    expect(third.facts.collapsed).toHaveLength(1);
  });

  it('after an adapter error the next read is a full one again', () => {
    let calls = 0;
    const asked: Array<ReadonlySet<Node> | undefined> = [];
    const adapter = {
      platform: 'facebook',
      read: (_d: Document, _u: URL, changed?: ReadonlySet<Node>) => {
        asked.push(changed);
        if (++calls === 2) throw new Error('bad page');
        return base({});
      },
    } as unknown as SiteAdapter;
    const reader = new PageReader(adapter, URL_A, 0);
    reader.read(document, 1, new Set());
    expect(() => reader.read(document, 2, new Set())).toThrow('bad page');
    reader.read(document, 3, new Set());
    expect(asked.map((x) => x === undefined)).toEqual([true, false, true]);
  });

  it('a post that counts comments while none is found loads during the grace and is broken after it', () => {
    const unfound = () => base({ problems: ['The post has 820 comments, but none…'], unfound: true });
    const { adapter } = scripted([unfound(), unfound(), base({ candidates: 1, comments: [] })]);
    const reader = new PageReader(adapter, URL_A, 0);
    const settings = { ...DEFAULT_SETTINGS, brand: { x: [], facebook: ['acme'], instagram: [] } };
    const health = (now: number) => {
      const { facts } = reader.read(document, now, new Set());
      return buildPageView(facts, settings, new Map(), now, 'en').health;
    };
    expect(health(LOADING_GRACE_MS - 1)).toBe('incomplete');
    expect(health(LOADING_GRACE_MS)).toBe('broken');
  });
});
