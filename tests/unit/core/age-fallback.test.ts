// Chrome's ICU has no Khmer: Intl.NumberFormat('km', { style: 'unit' }) answers in English ("24 hours"). Ages must
// then use our own unit words, never mix languages on one badge.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fallbackUnitFormat, formatAge } from '../../../utils/core/age';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('ages where the browser has no unit data for the language', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes the units in Khmer when Intl would fall back to English', () => {
    const Real = Intl.NumberFormat;
    // As in Chromium: a unit format asked for "km" resolves to English.
    vi.spyOn(Intl, 'NumberFormat').mockImplementation(((locale?: string, options?: Intl.NumberFormatOptions) =>
      options?.style === 'unit' && locale === 'km' ? new Real('en', options) : new Real(locale, options)) as never);
    expect(formatAge(24 * HOUR + 5 * MINUTE, 'km')).toBe('24 ម៉ោង');
    expect(formatAge(25 * MINUTE, 'km')).toBe('25 នាទី');
    expect(formatAge(3 * 24 * HOUR, 'km')).toBe('3 ថ្ងៃ');
  });

  it('keeps Bengali digits and Hungarian words in its own fallback', () => {
    expect(fallbackUnitFormat('bn', 'hour')?.format(24)).toBe('২৪ ঘণ্টা');
    expect(fallbackUnitFormat('hu', 'week')?.format(3)).toBe('3 hét');
    expect(fallbackUnitFormat('de', 'hour')).toBeNull();
  });
});
