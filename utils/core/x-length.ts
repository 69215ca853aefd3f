// How long a reply is by each site's own measure, so the composer can warn before the site refuses it.
// X counts a "weighted length" (twitter-text v3 rules): most Latin-script text weighs 1 per character, CJK,
// Bengali, Khmer and other scripts weigh 2, an emoji sequence weighs 2, and every link weighs 23.
import type { Platform } from './model';
import { findXLinks } from './x-links';

export const X_MAX_LENGTH = 280;
export const FACEBOOK_MAX_LENGTH = 8000;
export const INSTAGRAM_MAX_LENGTH = 2200;

const LINK_WEIGHT = 23;
const EMOJI_WEIGHT = 2;
const DEFAULT_WEIGHT = 2;
/** Code point ranges that weigh 1 (twitter-text v3 config); everything else weighs 2. */
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

// One emoji "as a person sees it", as twemoji-parser (twitter-text's emoji finder) reads it: a keycap even
// without U+FE0F, the 42 emoji-presentation characters that have a text variant together with a trailing
// U+FE0F (emoji-variation-sequences.txt), and any RGI emoji sequence. Known difference: twitter-text 3.1.0
// ships twemoji-parser 11 (Emoji 11, 2018), so it counts sequences added later (e.g. 🧑‍🤝‍🧑, ❤️‍🔥, 🧔‍♂️, ♾️)
// part by part, and also sequences missing a U+FE0F inside; we count every RGI sequence of the running
// Unicode version as one emoji (2), as X's current emoji data does.
const EMOJI =
  /\p{RGI_Emoji_ZWJ_Sequence}|[#*0-9]\uFE0F?\u20E3|[\u231A\u231B\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2757\u2B1B\u2B1C\u2B50\u2B55\u{1F004}\u{1F21A}\u{1F22F}]\uFE0F|\p{RGI_Emoji}/gv;

/** X's weighted length of `text`, as twitter-text's parseTweet(text).weightedLength computes it. */
export function xWeightedLength(text: string): number {
  const s = text.normalize('NFC');
  const links = new Map<number, number>();
  for (const link of findXLinks(s)) links.set(link.start, link.length);
  const emoji = new Map<number, number>();
  for (const m of s.matchAll(EMOJI)) emoji.set(m.index ?? 0, m[0].length);

  let weight = 0;
  for (let i = 0; i < s.length; i++) {
    const linkLength = links.get(i);
    if (linkLength !== undefined) {
      weight += LINK_WEIGHT;
      i += linkLength - 1;
      continue;
    }
    const emojiLength = emoji.get(i);
    if (emojiLength !== undefined) {
      weight += EMOJI_WEIGHT;
      i += emojiLength - 1;
      continue;
    }
    const code = s.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(s.charCodeAt(i + 1))) {
      // Characters outside the Basic Multilingual Plane are never in a light range.
      weight += DEFAULT_WEIGHT;
      i += 1;
      continue;
    }
    weight += charWeight(code);
  }
  return weight;
}

function charWeight(code: number): number {
  for (const [start, end] of LIGHT_RANGES) if (code >= start && code <= end) return 1;
  return DEFAULT_WEIGHT;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export type LengthCheck = { length: number; max: number; over: boolean };

/**
 * The reply's length against the platform's limit. Facebook and Instagram count UTF-16 code units, as
 * their web composers' length limits do (an emoji counts 2); X counts the weighted length.
 */
export function lengthCheck(platform: Platform, text: string): LengthCheck {
  const length = platform === 'x' ? xWeightedLength(text) : text.length;
  const max = platform === 'x' ? X_MAX_LENGTH : platform === 'facebook' ? FACEBOOK_MAX_LENGTH : INSTAGRAM_MAX_LENGTH;
  return { length, max, over: length > max };
}
