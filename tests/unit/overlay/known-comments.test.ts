import { describe, expect, it, vi } from 'vitest';
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
    known.merge([{ comment: comment('1'), element: el }]);
    known.merge([{ comment: comment('2'), element: el }]);
    expect(known.all().map((k) => k.key)).toEqual(['x:1', 'x:2']);
    expect(known.get('x:1')?.element).toBeNull();
    expect(known.get('x:2')?.element).toBe(el);
  });

  it('gives each comment the order it was first seen in, whatever the later reads say', () => {
    const known = new KnownComments();
    known.merge([
      { comment: comment('1'), element: row() },
      { comment: comment('2'), element: row() },
    ]);
    known.merge([{ comment: comment('3', { order: 0 }), element: row() }]);
    expect(known.comments().map((c) => [c.id, c.order])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 2],
    ]);
  });

  it('keeps a thread link that a later read cannot see (the chain start scrolled away)', () => {
    const known = new KnownComments();
    const el = row();
    known.merge([{ comment: comment('2', { parentId: '1', threadKey: '1' }), element: el }]);
    const changed = known.merge([{ comment: comment('2'), element: el }]);
    expect(changed).toBe(false);
    expect(known.get('x:2')?.comment).toMatchObject({ parentId: '1', threadKey: '1' });
  });

  it('reports a change when the text of a comment changes (an edit)', () => {
    const known = new KnownComments();
    const el = row();
    known.merge([{ comment: comment('1'), element: el }]);
    expect(known.merge([{ comment: comment('1', { text: 'edited' }), element: el }])).toBe(true);
  });

  it('releases an element that now shows something that is not a reply, so its stamps can go', () => {
    const known = new KnownComments();
    const kept = row();
    const recycled = row();
    known.merge([
      { comment: comment('1'), element: kept },
      { comment: comment('2'), element: recycled },
    ]);
    const released: HTMLElement[] = [];
    known.merge([{ comment: comment('1'), element: kept }], released);
    expect(released).toEqual([recycled]);
    expect(known.get('x:2')?.element).toBeNull();
    expect(known.get('x:1')?.element).toBe(kept);
  });

  it('forgets elements that left the document without releasing them', () => {
    const known = new KnownComments();
    const el = row();
    known.merge([{ comment: comment('1'), element: el }]);
    el.remove();
    const released: HTMLElement[] = [];
    known.merge([], released);
    expect(released).toEqual([]);
    expect(known.get('x:1')?.element).toBeNull();
  });

  it('merges a delta without looking at the comments it does not name', () => {
    const known = new KnownComments();
    const rows = Array.from({ length: 50 }, () => row());
    known.merge(rows.map((el, i) => ({ comment: comment(String(i)), element: el })));
    known.takeDelta();
    expect(known.takeNewKeys()).toHaveLength(50);
    // The other 49 comments' elements are never asked about: the delta names only what changed.
    const values = vi.spyOn(Map.prototype, 'values');
    const released: HTMLElement[] = [];
    const fresh = row();
    const changed = known.mergeDelta(
      [
        { comment: comment('7', { text: 'edited' }), element: rows[7]! },
        { comment: comment('new'), element: fresh },
      ],
      [rows[3]!],
      released,
    );
    expect(values).not.toHaveBeenCalled();
    values.mockRestore();
    expect(changed).toBe(true);
    expect(released).toEqual([rows[3]]);
    expect(known.get('x:3')?.element).toBeNull();
    expect(known.get('x:7')?.comment.text).toBe('edited');
    expect(known.get('x:new')?.element).toBe(fresh);
    expect(known.takeNewKeys()).toEqual(['x:new']);
    const delta = known.takeDelta();
    expect([...delta.upserted.keys()].sort()).toEqual(['x:7', 'x:new']);
    expect([...delta.moved].sort()).toEqual(['x:3', 'x:new']);
  });

  it('a delta releasing an element that shows another comment by now leaves that comment alone', () => {
    const known = new KnownComments();
    const a = row();
    const b = row();
    known.merge([{ comment: comment('1'), element: a }]);
    // Comment 1 moved to b (a recycled for nothing), then a is named as released.
    known.mergeDelta([{ comment: comment('1'), element: b }], []);
    const released: HTMLElement[] = [];
    expect(known.mergeDelta([], [a], released)).toBe(false);
    expect(released).toEqual([]);
    expect(known.get('x:1')?.element).toBe(b);
  });

  it('reads no layout while merging (a batch must not force a layout); positions come later, per row shown', () => {
    const known = new KnownComments();
    const rows = Array.from({ length: 30 }, () => row());
    const rect = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
    known.merge(rows.map((el, i) => ({ comment: comment(String(i)), element: el })));
    const fresh = row();
    known.mergeDelta([{ comment: comment('3'), element: fresh }], [rows[3]!]);
    expect(rect).not.toHaveBeenCalled();
    rect.mockRestore();
    // Every row that started showing a comment is handed out once to be measured after the frame.
    const shown = known.takeShown();
    expect(shown).toHaveLength(31);
    expect(shown.at(-1)).toBe(fresh);
    expect(known.takeShown()).toEqual([]);
    known.notePosition(fresh, 1233.6); // kept in whole pixels
    known.notePosition(rows[3]!, 99); // no longer shows comment 3: ignored
    expect(known.get('x:3')?.lastY).toBe(1234);
  });
});
