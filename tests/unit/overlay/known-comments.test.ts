import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../utils/core/model';
import { KnownComments } from '../../../utils/overlay/known-comments';

function comment(id: string, extra: Partial<Comment> = {}): Comment {
  return {
    platform: 'x',
    id,
    postId: 'p',
    threadKey: id,
    author: { handle: `u${id}`, displayName: `U${id}`, profileUrl: '' },
    text: `t${id}`,
    postedAt: 1_700_000_000_000,
    postedAtPrecision: 'exact',
    permalink: '',
    order: 0,
    ...extra,
  };
}
function row(): HTMLElement {
  const el = document.createElement('article');
  document.body.append(el);
  return el;
}

describe('KnownComments', () => {
  it('keeps a comment known after its row is recycled for another one', () => {
    const known = new KnownComments();
    const el = row();
    known.merge([{ comment: comment('1'), element: el }], 0);
    known.merge([{ comment: comment('2'), element: el }], 0);
    expect(known.all().map((k) => k.key)).toEqual(['x:1', 'x:2']);
    expect(known.get('x:1')?.element).toBeNull();
    expect(known.get('x:2')?.element).toBe(el);
  });

  it('gives each comment the order it was first seen in, whatever the later reads say', () => {
    const known = new KnownComments();
    known.merge(
      [
        { comment: comment('1'), element: row() },
        { comment: comment('2'), element: row() },
      ],
      0,
    );
    known.merge([{ comment: comment('3', { order: 0 }), element: row() }], 0);
    expect(known.comments().map((c) => [c.id, c.order])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 2],
    ]);
  });

  it('keeps a thread link that a later read cannot see (the chain start scrolled away)', () => {
    const known = new KnownComments();
    const el = row();
    known.merge([{ comment: comment('2', { parentId: '1', threadKey: '1' }), element: el }], 0);
    const changed = known.merge([{ comment: comment('2'), element: el }], 0);
    expect(changed).toBe(false);
    expect(known.get('x:2')?.comment).toMatchObject({ parentId: '1', threadKey: '1' });
  });

  it('reports a change when the text of a comment changes (an edit)', () => {
    const known = new KnownComments();
    const el = row();
    known.merge([{ comment: comment('1'), element: el }], 0);
    expect(known.merge([{ comment: comment('1', { text: 'edited' }), element: el }], 0)).toBe(true);
  });

  it('releases an element that now shows something that is not a reply, so its stamps can go', () => {
    const known = new KnownComments();
    const kept = row();
    const recycled = row();
    known.merge(
      [
        { comment: comment('1'), element: kept },
        { comment: comment('2'), element: recycled },
      ],
      0,
    );
    const released: HTMLElement[] = [];
    known.merge([{ comment: comment('1'), element: kept }], 0, released);
    expect(released).toEqual([recycled]);
    expect(known.get('x:2')?.element).toBeNull();
    expect(known.get('x:1')?.element).toBe(kept);
  });

  it('forgets elements that left the document without releasing them', () => {
    const known = new KnownComments();
    const el = row();
    known.merge([{ comment: comment('1'), element: el }], 0);
    el.remove();
    const released: HTMLElement[] = [];
    known.merge([], 0, released);
    expect(released).toEqual([]);
    expect(known.get('x:1')?.element).toBeNull();
  });
});
