import { describe, expect, it } from 'vitest';
import { firstNameOf } from '../../../utils/core/names';

describe('first names under a Khmer interface', () => {
  it('a Western name in an English comment keeps its given name first', () => {
    expect(firstNameOf('María López', { lang: 'en', uiLang: 'km' })).toBe('María');
    expect(firstNameOf('Jen Kovac', { uiLang: 'km' })).toBe('Jen');
  });

  it('a romanized Khmer name is still read family-first', () => {
    expect(firstNameOf('Sok Dara', { uiLang: 'km' })).toBe('Dara');
    expect(firstNameOf('Sok Dara', { lang: 'km' })).toBe('Dara');
  });
});
