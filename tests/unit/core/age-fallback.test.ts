// Chrome's ICU has no Khmer: Intl.NumberFormat('km', { style: 'unit' }) answers in English ("24 hours"). Ages must
// then use our own unit words, never mix languages on one badge.
import { beforeEach, describe, expect, it } from 'vitest';
import { fallbackUnitFormat, speakingUnitFormat } from '../../../utils/core/age';
import { setCatalog } from '../../../utils/i18n';
import { packagedMessages } from '../setup';

const unit = (locale: string, u: 'minute' | 'hour' | 'day') =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' });

describe('ages where the browser has no unit data for the language', () => {
  // The words come from the locale files, registered as each catalog is put in place.
  beforeEach(() => {
    for (const locale of ['hu', 'bn', 'km'] as const) setCatalog(locale, packagedMessages(locale));
  });

  it('writes the units in Khmer when Intl answers in English, as Chromium does', () => {
    // What Chromium gives for "km": an English format.
    expect(speakingUnitFormat(unit('en', 'hour'), 'km', 'hour').format(24)).toBe('24 ម៉ោង');
    expect(speakingUnitFormat(unit('en', 'minute'), 'km', 'minute').format(25)).toBe('25 នាទី');
    expect(speakingUnitFormat(unit('en', 'day'), 'km-KH', 'day').format(3)).toBe('3 ថ្ងៃ');
  });

  it('keeps Intl when it speaks the language', () => {
    expect(speakingUnitFormat(unit('hu', 'hour'), 'hu', 'hour').format(24)).toBe('24 óra');
    expect(speakingUnitFormat(unit('en', 'hour'), 'en-GB', 'hour').format(2)).toBe('2 hours');
  });

  it('keeps Bengali digits and Hungarian words in its own fallback; other languages have none', () => {
    expect(fallbackUnitFormat('bn', 'hour')?.format(24)).toBe('২৪ ঘণ্টা');
    expect(fallbackUnitFormat('hu', 'week')?.format(3)).toBe('3 hét');
    expect(fallbackUnitFormat('de', 'hour')).toBeNull();
  });
});
