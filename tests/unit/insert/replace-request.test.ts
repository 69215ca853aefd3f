import { describe, expect, test } from 'vitest';
import { parseInsertRequest } from '../../../utils/insert/bridge';

const base = { id: 'a1', kind: 'draft', text: 'Thank you!', cursor: 10 };

describe('a replace request (type-to-expand) across the page-world bridge', () => {
  test('carries the typed range', () => {
    const parsed = parseInsertRequest(JSON.stringify({ ...base, replace: { start: 6, end: 9 } }));
    expect(parsed).toEqual({ ...base, replace: { start: 6, end: 9 } });
  });

  test('a malformed range is refused whole, never read as a plain insertion', () => {
    for (const replace of [
      { start: 9, end: 6 },
      { start: -1, end: 2 },
      { start: 0.5, end: 2 },
      { start: 0 },
      'x',
      null,
    ]) {
      expect(parseInsertRequest(JSON.stringify({ ...base, replace }))).toBeNull();
    }
  });

  test('without a range it is the usual insertion', () => {
    expect(parseInsertRequest(JSON.stringify(base))).toEqual(base);
  });
});
