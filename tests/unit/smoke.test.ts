import { describe, expect, it } from 'vitest';
import { commentKey, normalizeHandle } from '../../utils/core/model';

describe('model helpers', () => {
  it('keys comments as platform:id', () => {
    expect(commentKey({ platform: 'x', id: '123' })).toBe('x:123');
  });
  it('normalizes handles', () => {
    expect(normalizeHandle(' @AcmeCo ')).toBe('acmeco');
  });
});
