// Ages and small counts in the interface's languages come from the locale files' words and the language's digits,
// not Intl: Chrome's ICU has no Khmer (Intl answered "24 hours" beside Khmer words), and Intl.NumberFormat's first
// use in a page costs tens of milliseconds before the first badge (issue #10). Where Intl speaks the language, the
// text is the same as Intl's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatAge } from '../../../utils/core/age';
import { setCatalog } from '../../../utils/i18n';
import { formatNumber } from '../../../utils/i18n/translate';
import { packagedMessages } from '../setup';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** What Intl says for the age formatAge writes: the same unit and number, English short, the others long. */
function intlAge(ms: number, locale: string): string {
  const [unit, n] =
    ms < HOUR
      ? (['minute', Math.max(1, Math.floor(ms / MINUTE))] as const)
      : ms < 48 * HOUR
        ? (['hour', Math.floor(ms / HOUR)] as const)
        : ms < 14 * DAY
          ? (['day', Math.floor(ms / DAY)] as const)
          : (['week', Math.floor(ms / WEEK)] as const);
  const text = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: locale === 'en' ? 'short' : 'long',
  }).format(n);
  return ms < MINUTE ? `<${text}` : text;
}

const AGES = [0, 30_000, MINUTE, 2 * MINUTE, 59 * MINUTE, HOUR, 2 * HOUR, 47 * HOUR, 2 * DAY, 13 * DAY, WEEK * 2];

describe('ages in the locale files’ words', () => {
  beforeEach(() => {
    for (const locale of ['hu', 'bn', 'km', 'en'] as const) setCatalog(locale, packagedMessages(locale));
  });
  const RealNumberFormat = Intl.NumberFormat;
  afterEach(() => {
    Object.defineProperty(Intl, 'NumberFormat', { value: RealNumberFormat, configurable: true, writable: true });
  });

  it('say what Intl says in English, Hungarian and Bengali, plural forms and Bengali digits included', () => {
    for (const locale of ['en', 'hu', 'bn']) {
      for (const age of AGES) expect(formatAge(age, locale), `${locale} ${age}`).toBe(intlAge(age, locale));
    }
    expect(formatAge(DAY * 2, 'en')).toBe('2 days');
    expect(formatAge(WEEK * 3, 'en')).toBe('3 wks');
    expect(formatAge(HOUR * 24, 'bn')).toBe('২৪ ঘণ্টা');
  });

  it('write Khmer words where Chromium’s Intl would answer in English', () => {
    expect(formatAge(24 * HOUR, 'km')).toBe('24 ម៉ោង');
    expect(formatAge(25 * MINUTE, 'km')).toBe('25 នាទី');
    expect(formatAge(3 * DAY, 'km-KH')).toBe('3 ថ្ងៃ');
  });

  it('leave a language without words of ours to Intl', () => {
    expect(formatAge(2 * HOUR, 'de')).toBe(
      new Intl.NumberFormat('de', { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(2),
    );
  });

  it('make no Intl.NumberFormat for ages and counts below 1,000; larger counts still group as Intl does', () => {
    let made = 0;
    const Real = Intl.NumberFormat;
    class Counted extends Real {
      constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        super(...args);
        made++;
      }
    }
    Object.defineProperty(Intl, 'NumberFormat', { value: Counted, configurable: true, writable: true });
    for (const locale of ['en', 'hu', 'bn', 'km'] as const) {
      for (const age of AGES) formatAge(age + 17 * MINUTE, locale);
      formatNumber(locale, 999);
    }
    expect(made).toBe(0);
    expect(formatNumber('bn', 120)).toBe('১২০');
    expect(formatNumber('en', 2000)).toBe('2,000');
    expect(formatNumber('bn', 1234)).toBe(new Real('bn').format(1234));
    expect(made).toBe(2);
  });
});
