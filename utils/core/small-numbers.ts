// Whole numbers below 1,000 in the interface's languages, written without Intl.NumberFormat: its first use in a page
// builds ICU's number data, tens of milliseconds of the page's main thread before the first badge can show its age
// (issue #10). Below 1,000 none of these languages groups digits, so only the digits differ: Bengali writes its own
// (as Intl does), English, Hungarian and Khmer write ASCII digits (as Intl does for them in Chrome and Firefox).

/** The code point of zero in each interface language's digits. */
const ZERO: Readonly<Record<string, number>> = { en: 0x30, hu: 0x30, bn: 0x09e6, km: 0x30 };

/** The language part of a tag: "km-KH" → "km". */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** `n` as Intl would write it in `locale`, or null when only Intl knows (a larger number, a fraction, another language). */
export function smallInteger(locale: string, n: number): string | null {
  const zero = ZERO[primaryLanguage(locale)];
  if (zero === undefined || !Number.isInteger(n) || n < 0 || n >= 1000) return null;
  const ascii = String(n);
  if (zero === 0x30) return ascii;
  let out = '';
  for (let i = 0; i < ascii.length; i++) out += String.fromCharCode(zero + ascii.charCodeAt(i) - 0x30);
  return out;
}
