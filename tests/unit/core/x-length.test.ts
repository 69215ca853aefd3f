import fc from 'fast-check';
import twitterText from 'twitter-text';
import { describe, expect, it } from 'vitest';
import {
  FACEBOOK_MAX_LENGTH,
  INSTAGRAM_MAX_LENGTH,
  lengthCheck,
  X_MAX_LENGTH,
  xWeightedLength,
} from '../../../utils/core/x-length';

// twitter-text is CommonJS; its default export is the module object with parseTweet on it.
const oracle = (text: string): number => twitterText.parseTweet(text).weightedLength;

describe('xWeightedLength', () => {
  it.each([
    ['plain ASCII', 'Thanks for reaching out!', 24],
    ['Hungarian accents weigh 1', 'Árvíztűrő tükörfúrógép', 22],
    ['Bengali is in the light range (below U+1100)', 'ধন্যবাদ', 7],
    ['Khmer weighs 2 per code point', 'សូមអរគុណ', 16],
    ['Chinese weighs 2', '谢谢你的留言', 12],
    ['Japanese weighs 2', 'ありがとう', 10],
    ['Korean weighs 2', '감사합니다', 10],
    ['curly quotes and en dash are in the light ranges', '‘a’ “b” – c', 11],
    ['ellipsis is not', 'wait…', 6],
    ['one emoji', '🙂', 2],
    ['ZWJ family is one emoji', '👨‍👩‍👧‍👦', 2],
    ['skin tone is part of the emoji', '👍🏽', 2],
    ['flag is one emoji', '🇭🇺', 2],
    ['two flags', '🇭🇺🇧🇩', 4],
    ['keycap', '1️⃣', 2],
    ['keycap without VS16', '1\u20E3', 2],
    ['rainbow flag', '🏳️‍🌈', 2],
    ['subdivision flag', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 2],
    ['watch with VS16 stays one emoji', '⌚️', 2],
    ['copyright sign without VS16 is text', '©', 1],
    ['copyright sign with VS16 is emoji', '©️', 2],
    ['https link is 23', 'https://example.com/a/very/long/path?with=query&and=more', 23],
    ['link without scheme is 23', 'see example.com now', 31],
    ['www link with trailing period', 'www.example.com/path.', 24],
    ['t.co link', 'https://t.co/abc123', 23],
    ['t.co slug stops at the query', 'https://t.co/abc?x=1', 23],
    ['link in parentheses', '(example.com)', 25],
    ['unknown TLD is not a link', 'foo.notatld', 11],
    ['an e-mail address is not a link', 'mail@example.com', 16],
    ['IDN with scheme', 'http://bücher.de', 23],
    ['decomposed accent is normalized first', 'e\u0301', 1],
    ['mixed reply', 'Szia Anna! 🙂 Nézd meg: https://acme.hu/akcio – köszi!', 56],
    ['empty', '', 0],
  ])('%s', (_label, text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
    expect(oracle(text)).toBe(expected);
  });

  it('counts sequences newer than the oracle’s emoji data as one emoji (documented difference)', () => {
    // twemoji-parser 11 inside twitter-text 3.1.0 does not know these Emoji 12+ sequences.
    for (const text of ['🧑‍🤝‍🧑', '❤️‍🔥', '🧔‍♂️']) {
      expect(xWeightedLength(text)).toBe(2);
      expect(oracle(text)).toBeGreaterThan(2);
    }
  });

  const pieces = [
    ...['a', 'Z', 'é', 'ő', 'ű', 'Ä', 'ß', 'ю', 'Ω', '1', '9', ' ', '\u00A0', '\n', '\u200E', '\u2013', '\u2014', '…'],
    ...['.', ',', '/', '?', '=', '&', '#', '@', '(', ')', '-', '_', ':', '!', '~', '%', "'", '[', ']', '|', '$', '+'],
    ...['https://', 'http://', 'www.', 't.co/', '.com', '.hu', '.co', '.uk', '.shop', 'example', 'bit.ly', 'x.com'],
    ...['xn--', '＠', '\u3002', 'bücher', '例え', '日本', '৫', 'ঘণ্টা', '২', 'ម៉ោង', '២', '中', 'あ', '한', 'e\u0301'],
    ...['😀', '👍', '🏽', '🏻', '👩', '💻', '👨‍👩‍👧', '🇭🇺', '🇺', '🇸', '❤️', '1️⃣', '#️⃣', '©', '™', '⌚', '☕', '⭐'],
    ...['✅', '☺', '♂', '\u200D', '\uFE0F', '\u20E3', '🏳️‍🌈', '🏴'],
  ];

  it('agrees with twitter-text on random mixes of scripts, emoji and link fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(xWeightedLength(text)).toBe(oracle(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('lengthCheck', () => {
  it.each([
    ['x', 'a'.repeat(280), 280, false],
    ['x', 'a'.repeat(281), 281, true],
    ['x', '谢'.repeat(140), 280, false],
    ['x', '谢'.repeat(141), 282, true],
    ['x', `${'a'.repeat(257)} https://example.com/${'p'.repeat(200)}`, 281, true],
    ['facebook', 'a'.repeat(FACEBOOK_MAX_LENGTH), FACEBOOK_MAX_LENGTH, false],
    ['facebook', 'a'.repeat(FACEBOOK_MAX_LENGTH + 1), FACEBOOK_MAX_LENGTH + 1, true],
    ['instagram', 'a'.repeat(INSTAGRAM_MAX_LENGTH), INSTAGRAM_MAX_LENGTH, false],
    ['instagram', `${'a'.repeat(INSTAGRAM_MAX_LENGTH - 1)}🙂`, INSTAGRAM_MAX_LENGTH + 1, true],
  ] as const)('%s: %#', (platform, text, length, over) => {
    const max = { x: X_MAX_LENGTH, facebook: FACEBOOK_MAX_LENGTH, instagram: INSTAGRAM_MAX_LENGTH }[platform];
    expect(lengthCheck(platform, text)).toEqual({ length, max, over });
  });

  it('uses the documented limits', () => {
    expect([X_MAX_LENGTH, FACEBOOK_MAX_LENGTH, INSTAGRAM_MAX_LENGTH]).toEqual([280, 8000, 2200]);
  });
});
