// One spelling for timestamp text before it is matched against word tables: whatever spaces, bidi marks,
// digit script or letter case the page used, "٢ س" and "2 س", "Vor 2 Std." and "vor 2 std." compare equal.

/** Bidi controls, zero-width space/joiners, BOM and the Arabic tatweel: invisible in a timestamp. */
const INVISIBLE = /[\u200B-\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u0640]/g;
/** Zero of each decimal digit script pages show timestamps in. */
const DIGIT_ZEROS = [
  0x30, // ASCII
  0x660, // Arabic-Indic
  0x6f0, // Extended Arabic-Indic (Persian, Urdu)
  0x966, // Devanagari
  0x9e6, // Bengali
  0xe50, // Thai
  0x17e0, // Khmer
  0xff10, // fullwidth
];

export function normalizeTimeText(text: string): string {
  return asciiDigits(text.normalize('NFC').replace(INVISIBLE, ''))
    .replace(/\s+/g, ' ')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك')
    .trim()
    .toLowerCase();
}

/** Rewrites each run of digits to ASCII when the whole run is in one known script; mixed runs stay as they are. */
function asciiDigits(s: string): string {
  return s.replace(/\p{Nd}+/gu, (run) => {
    const chars = [...run];
    const zero = DIGIT_ZEROS.find((z) => {
      const first = chars[0]?.codePointAt(0) ?? -1;
      return first >= z && first <= z + 9;
    });
    if (zero === undefined) return run;
    let out = '';
    for (const c of chars) {
      const code = c.codePointAt(0) ?? -1;
      if (code < zero || code > zero + 9) return run;
      out += String(code - zero);
    }
    return out;
  });
}
