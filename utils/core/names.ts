// The given name to greet a commenter with ("Hi {first_name}"). Greeting someone by their family name is a
// worse mistake than greeting them by their full name, so whenever the order is unclear the whole (cleaned)
// display name comes back.
//
// Choices:
// - Western order by default: "Anna Smith" → "Anna".
// - Hungarian, Khmer and Vietnamese put the family name first. Hungarian order applies when the comment or
//   UI language is Hungarian, unless common-name lists say the name is written the Western way ("Anna
//   Kovács"); a name the lists recognise as family-first ("Kovács Anna") is read that way in any language.
// - Vietnamese greets by the LAST part ("Nguyễn Văn An" → "An"), recognised by its common family names.
// - Chinese, Japanese and Korean names (in their scripts, or Latin with a zh/ja/ko language) stay whole:
//   greeting by the given name alone is over-familiar there (Japanese would use family name + san), and
//   names written without spaces cannot be split safely.
// - Handles, names with digits, company-like names, very long names (over 5 parts not counting "da", "van"…
//   or over 40 characters), bare initials and a title before a single name ("Mr Smith") stay whole.
import {
  HONORIFICS,
  HU_FAMILY_NAMES,
  HU_GIVEN_NAMES,
  KM_FAMILY_NAMES,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  ORGANIZATION_WORDS,
  VI_FAMILY_NAMES,
  VI_SHORT_FAMILY_NAMES,
} from './name-lists';

export type NameOptions = { lang?: string; uiLang?: string };

const MAX_TOKENS = 5;
const MAX_LENGTH = 40;

/** Emoji, pictographs and decorative symbols people put in display names ("✨Anna✨", "Anna 🇭🇺"). */
const DECORATION =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{So}\p{Co}\u{E0020}-\u{E007F}\u2600-\u27BF]|\uFE0E|\uFE0F|\u20E3/gu;
const INVISIBLE = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const EDGE_JUNK_START = /^[^\p{L}\p{M}\p{N}]+/u;
const EDGE_JUNK_END = /[^\p{L}\p{M}\p{N}.]+$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const KHMER = /\p{Script=Khmer}/u;
/** Letters only Hungarian uses among Latin-script languages. */
const HU_LETTERS = /[őűŐŰ]/;

export function firstNameOf(displayName: string, opts: NameOptions = {}): string {
  if (typeof displayName !== 'string') return '';
  const trimmed = displayName.trim();
  const cleaned = cleanDisplayName(displayName);
  if (!cleaned) return trimmed; // emoji-only: nothing better to say
  if (looksUnclear(cleaned)) return cleaned;

  const words = cleaned.split(' ');
  const tokens = stripTitles(words);
  if (tokens.length === 0) return cleaned;
  // "Mr Smith", "Dr. Kovács": a title before a single name usually means a family name; keep the whole.
  if (tokens.length === 1) return words.length === 1 ? (tokens[0] ?? cleaned) : cleaned;

  const langs = [opts.lang, opts.uiLang].map(primaryLanguage);
  const given = givenName(tokens, langs, cleaned);
  if (!given || isInitial(given)) return cleaned;
  return given;
}

/** The display name without emoji, decorations, invisible marks and doubled spaces. */
export function cleanDisplayName(displayName: string): string {
  return displayName
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(DECORATION, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(EDGE_JUNK_START, '')
    .replace(EDGE_JUNK_END, '')
    .trim();
}

function givenName(tokens: string[], langs: Array<string | undefined>, whole: string): string | undefined {
  const first = tokens[0] ?? '';
  const last = tokens.at(-1) ?? '';
  if (CJK.test(whole)) return undefined;
  if (KHMER.test(whole)) return tokens.length === 2 ? last : undefined;
  if (langs.some((l) => l === 'zh' || l === 'ja' || l === 'ko')) return undefined;

  const vietnamese = vietnameseOrder(tokens, langs.includes('vi'));
  if (vietnamese === 'family-first') return last;
  if (vietnamese === 'given-first') return first;

  // A Khmer interface alone does not make "María López" family-first: the comment must be Khmer, or the name
  // carry a Khmer family name.
  const khmerName = KM_FAMILY_NAMES.has(fold(first)) || KM_FAMILY_NAMES.has(fold(last));
  if (langs[0] === 'km' || (langs.includes('km') && khmerName)) {
    if (KM_FAMILY_NAMES.has(fold(last)) && !KM_FAMILY_NAMES.has(fold(first))) return first;
    return tokens.length === 2 ? last : undefined;
  }

  return hungarianGivenName(tokens, langs[0] === 'hu', langs[1] === 'hu');
}

function vietnameseOrder(tokens: string[], isVietnamese: boolean): 'family-first' | 'given-first' | undefined {
  const isFamily = (t: string) => VI_FAMILY_NAMES.has(fold(t)) || (isVietnamese && VI_SHORT_FAMILY_NAMES.has(fold(t)));
  const middle = tokens.length >= 3 && /^(?:văn|thị|van|thi)$/.test(fold(tokens[1] ?? ''));
  if (isFamily(tokens[0] ?? '') || middle) return 'family-first';
  if (isFamily(tokens.at(-1) ?? '')) return 'given-first';
  return isVietnamese ? 'family-first' : undefined;
}

/** Western order unless the name or the language says family name first. */
function hungarianGivenName(tokens: string[], commentIsHu: boolean, uiIsHu: boolean): string | undefined {
  const first = tokens[0] ?? '';
  const last = tokens.at(-1) ?? '';
  const given = (t: string) => HU_GIVEN_NAMES.has(fold(t));
  const family = (t: string) => HU_FAMILY_NAMES.has(fold(t)) || isMarriedName(t);
  const westernScore = Number(given(first)) + Number(family(last));
  const familyFirstScore = Number(family(first)) + Number(given(tokens[1] ?? ''));
  // A Hungarian UI alone says little about a customer's name ("John Smith" answered from Budapest): unless the name
  // itself looks Hungarian, the order is unclear and the whole name is safer than a wrong half.
  const nameLooksHungarian = familyFirstScore > 0 || westernScore > 0 || HU_LETTERS.test(tokens.join(' '));
  if (familyFirstScore === westernScore && uiIsHu && !commentIsHu && !nameLooksHungarian) return undefined;
  const familyFirst = familyFirstScore > westernScore || (familyFirstScore === westernScore && (commentIsHu || uiIsHu));
  if (!familyFirst) return first;
  // "Kovács Jánosné" (Mrs János Kovács) carries no given name of her own.
  if (isMarriedName(last)) return undefined;
  // "Kovácsné Szabó Anna": the given name follows the family names.
  const rest = tokens.slice(1);
  return rest.find(given) ?? (isMarriedName(first) ? last : tokens[1]);
}

function isMarriedName(token: string): boolean {
  return token.length > 3 && fold(token).endsWith('né');
}

function looksUnclear(name: string): boolean {
  if (name.length > MAX_LENGTH) return true;
  if (/\p{N}/u.test(name)) return true;
  if (/[_@#/\\:|+&=<>]/.test(name)) return true;
  if (/\.\p{L}/u.test(name)) return true; // "john.doe", "J.K."
  const tokens = name.split(' ');
  if (tokens.filter((t) => !NAME_PARTICLES.has(fold(t))).length > MAX_TOKENS) return true;
  if (tokens.every(isInitial)) return true;
  return tokens.some((t) => ORGANIZATION_WORDS.has(fold(t).replace(/\.$/, '')));
}

/** Drops leading titles ("Dr.", "Mr", "ifj.", "Md.") and trailing ones ("Jr.", "PhD"). */
function stripTitles(tokens: string[]): string[] {
  const out = tokens.map((t) => t.replace(/^[^\p{L}\p{M}]+|[^\p{L}\p{M}.]+$/gu, '')).filter(Boolean);
  while (out.length > 1 && HONORIFICS.has(fold(out[0] ?? '').replace(/[.:]$/, ''))) out.shift();
  while (out.length > 1 && NAME_SUFFIXES.has(fold(out.at(-1) ?? '').replace(/\.$/, ''))) out.pop();
  return out;
}

function isInitial(token: string): boolean {
  return /^\p{L}\p{M}*\.?$/u.test(token);
}

function fold(s: string): string {
  return s.toLowerCase();
}

function primaryLanguage(lang: string | undefined): string | undefined {
  if (typeof lang !== 'string') return undefined;
  return lang.trim().toLowerCase().split(/[-_]/)[0] || undefined;
}
