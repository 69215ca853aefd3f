// Buffer-style labels (Question / Complaint / Order) so the queue can show what a comment is about at a glance: the
// matching. The built-in word lists (labels.ts) are handed in by `setBuiltinLabelWords`: pages and the background
// import them, content scripts get them from the background once (they stay out of each content script's bundle).
// The user's extra words (Settings.labelWords) add to them.
//
// How words match (built-in and extra alike), case-insensitively, after Unicode NFC:
// - whole words: a word must not touch other letters, marks or digits (\p{L}\p{M}\p{N}), so "late" misses "chocolate";
// - a trailing "*" matches any ending: "refund*" finds "refunded", "rendelés*" finds Hungarian "rendelésemet";
// - a phrase ("never again") matches across any run of spaces;
// - words in scripts written without spaces (Khmer, Thai, Lao, Myanmar, Chinese, Japanese) match as substrings,
//   since there is no word boundary to look for;
// - built-in question words of QUESTION_WORDS_AT_START languages only count at the start of a sentence ("How do I…",
//   "Hi, can you…", "@acme where is…"); elsewhere they are ordinary words ("I know how" is no question).
//   In Hindi, Bengali, Vietnamese and Khmer question words sit mid-sentence, so they count anywhere.
import { LABEL_KINDS } from './setting-names';
import type { LabelKind, Settings } from './settings';

export { LABEL_KINDS };

/** Key of word lists that apply whatever the comment's language (emoji, for instance). */
export const ANY_LANGUAGE = '*';

/** Languages whose built-in question words count only at the start of a sentence. */
export const QUESTION_WORDS_AT_START: ReadonlySet<string> = new Set(['en', 'hu', 'es', 'pt', 'fr', 'de', 'id', 'ar']);

/** Question marks of many scripts: Latin, Spanish opening, Arabic, full-width, Greek (U+037E), Armenian. */
const QUESTION_MARKS = /[?¿؟？\u037e՞]/u;

/** Built-in words by label kind and language. */
export type BuiltinLabelWords = Record<LabelKind, Record<string, string[]>>;

let BUILTIN: BuiltinLabelWords = { question: {}, complaint: {}, order: {} };

/** The built-in word lists every later `labelsFor` uses (until then only question marks and the user's words count). */
export function setBuiltinLabelWords(words: BuiltinLabelWords): void {
  BUILTIN = words;
  matcherCache.clear();
}

/** Extra words the user added, by label kind and language (Settings.labelWords). */
export type LabelWords = Settings['labelWords'];

/**
 * The labels that fit a comment, in LABEL_KINDS order.
 * `lang` is the site's language tag ("en", "pt-BR"; X's legacy "in" for Indonesian). Words of that language count,
 * plus ANY_LANGUAGE lists, plus English complaint and order words (commerce words like "refund" or "size" turn up in
 * every language); when the language has no word lists, every language's words are tried.
 */
export function labelsFor(text: string, lang: string | undefined, extraWords?: LabelWords): LabelKind[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  // Links are not the customer's words: "?utm=…" is no question, "/order/12" no order.
  const raw = text.replace(/\bhttps?:\/\/\S+/giu, ' ');
  const prepared = prepare(raw);
  const langs = languagesFor(lang, extraWords);
  const labels: LabelKind[] = [];
  for (const kind of LABEL_KINDS) {
    if (kind === 'question' && hasQuestionMark(raw, lang)) {
      labels.push(kind);
      continue;
    }
    const matcher = matcherFor(kind, langs, extraWords);
    if (matcher.test(prepared)) labels.push(kind);
  }
  return labels;
}

function hasQuestionMark(text: string, lang: string | undefined): boolean {
  if (QUESTION_MARKS.test(text)) return true;
  // Greek keyboards type the question mark as a plain ";" (U+037E normalizes to it anyway).
  const greek = baseLanguage(lang) === 'el' || /\p{Script=Greek}/u.test(text);
  return greek && /;/u.test(text);
}

/** Lower-case NFC with one kind of apostrophe, so "Don’t" and "don't" match alike. */
function prepare(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’ʼ‘`´]/gu, "'");
}

function baseLanguage(lang: string | undefined): string {
  if (typeof lang !== 'string') return '';
  const base = lang.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  // Legacy codes some sites still send (X: "in" for Indonesian).
  return ({ in: 'id', iw: 'he', ji: 'yi' } as Record<string, string>)[base] ?? base;
}

function languagesFor(
  lang: string | undefined,
  extraWords: LabelWords | undefined,
): { list: string[]; known: boolean } {
  const all = new Set<string>();
  for (const kind of LABEL_KINDS) {
    for (const l of Object.keys(BUILTIN[kind])) all.add(l);
    for (const l of Object.keys(extraWords?.[kind] ?? {})) all.add(l);
  }
  all.delete(ANY_LANGUAGE);
  const base = baseLanguage(lang);
  if (base && all.has(base)) return { list: [base], known: true };
  return { list: [...all].sort(), known: false };
}

// --- matching ---

interface Matcher {
  test(text: string): boolean;
}

// Emoji too: a variation selector after one is a mark, which would fail the whole-word test.
const NO_SPACE_SCRIPT =
  /[\p{Extended_Pictographic}\p{Script=Khmer}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Tibetan}]/u;
const NOT_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
/**
 * A sentence starts at the beginning, after sentence punctuation or a comma, after quotes and leading @mentions.
 * Checked by a backward scan from each word found (`startsSentence`), not by a regex lookbehind: a lookbehind over
 * "any run of @mentions" rescans the whole text before every position, which froze the page for seconds on a long
 * comment of letters or mentions (32,000 characters: 5 s; 120,000: 48 s).
 */
const SENTENCE_END = /[.!?¿¡…:;,\n؟،。！？]$/u;
/** Opening quotes and spaces that are no sentence end themselves (a line break is one). */
const OPENING = /(?!\n)[\s"'“”«»([]$/u;
const AFTER_MENTION = /[\s,:]$/u;
const HANDLE = /[\p{L}\p{N}_.]$/u;

const matcherCache = new Map<string, Matcher>();

function matcherFor(
  kind: LabelKind,
  langs: { list: string[]; known: boolean },
  extra: LabelWords | undefined,
): Matcher {
  const anywhere: string[] = [];
  const atStart: string[] = [];
  const builtin = BUILTIN[kind];
  const chosen = new Set([...langs.list, ANY_LANGUAGE]);
  if (langs.known && kind !== 'question') chosen.add('en');
  for (const l of chosen) {
    const words = builtin[l] ?? [];
    if (kind === 'question' && QUESTION_WORDS_AT_START.has(l)) atStart.push(...words);
    else anywhere.push(...words);
    // The user's own words always count anywhere: that is the simplest rule to explain on the options page.
    const own = extra?.[kind]?.[l];
    if (Array.isArray(own)) anywhere.push(...own.filter((w): w is string => typeof w === 'string'));
  }
  const key = `${kind}\u0000${atStart.join('\u0001')}\u0000${anywhere.join('\u0001')}`;
  let m = matcherCache.get(key);
  if (!m) {
    if (matcherCache.size > 100) matcherCache.clear(); // extra words change rarely; keep the cache bounded anyway
    m = compile(atStart, anywhere);
    matcherCache.set(key, m);
  }
  return m;
}

function compile(atStart: string[], anywhere: string[]): Matcher {
  const substrings: string[] = [];
  const startAlt = alternation(atStart, substrings);
  const anyAlt = alternation(anywhere, substrings);
  const any = anyAlt ? new RegExp(anyAlt, 'u') : null;
  const start = startAlt ? new RegExp(startAlt, 'gu') : null;
  return {
    test: (text) =>
      (any?.test(text) ?? false) ||
      (start !== null && wordStartsSentence(start, text)) ||
      substrings.some((s) => text.includes(s)),
  };
}

/** Whether `words` (a global regex) matches somewhere a sentence starts; every position is tried, as a regex would. */
function wordStartsSentence(words: RegExp, text: string): boolean {
  // Each position's answer, once known (-1: no mention before, so no sentence start).
  const known = new Map([[-1, false]]);
  words.lastIndex = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    if (startsSentence(text, m.index, known)) return true;
    words.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return false;
}

/**
 * Whether a sentence starts at `at`: sentence punctuation (or the beginning) before it, then only opening quotes and
 * spaces, then any run of @mentions. Walks back one mention at a time; `known` keeps every answer, so each character
 * is looked at a bounded number of times however many words follow the same run of mentions.
 */
function startsSentence(text: string, at: number, known: Map<number, boolean>): boolean {
  const visited: number[] = [];
  let i = at;
  let answer = known.get(i);
  while (answer === undefined) {
    visited.push(i);
    const open = skip(text, i, OPENING);
    if (open === 0 || before(text, open, SENTENCE_END)) answer = true;
    else {
      // The @mention that ends before `i` (spaces, commas or colons after it), if any.
      const end = skip(text, i, AFTER_MENTION);
      const start = skip(text, end, HANDLE);
      i = start < end && text[start - 1] === '@' ? start - 1 : -1;
      answer = known.get(i);
    }
  }
  for (const v of visited) known.set(v, answer);
  return answer;
}

/** `i` moved back over every character `kind` takes. */
function skip(text: string, i: number, kind: RegExp): number {
  let at = i;
  for (let n = before(text, at, kind); n; n = before(text, at, kind)) at -= n;
  return at;
}

/** The length of the character (code point) that ends at `i` when `kind` (a class ending in $) takes it, else 0. */
function before(text: string, i: number, kind: RegExp): number {
  return kind.exec(text.slice(Math.max(0, i - 2), i))?.[0].length ?? 0;
}

/** A regex group matching any of `words` whole (or as a stem with "*"); no-space-script words go to `substrings`. */
function alternation(words: string[], substrings: string[]): string {
  const whole: string[] = [];
  const stems: string[] = [];
  for (const w of words) {
    const word = prepare(w).trim();
    const stem = word.endsWith('*');
    const body = stem ? word.slice(0, -1).trim() : word;
    if (!body) continue;
    if (NO_SPACE_SCRIPT.test(body)) {
      substrings.push(body.replace(/\s+/gu, ''));
      continue;
    }
    const pattern = body.split(/\s+/u).map(escapeRegExp).join('\\s+');
    (stem ? stems : whole).push(pattern);
  }
  const alts: string[] = [];
  if (whole.length) alts.push(`(?:${whole.join('|')})${NOT_AFTER}`);
  if (stems.length) alts.push(`(?:${stems.join('|')})`);
  return alts.length ? `${NOT_BEFORE}(?:${alts.join('|')})` : '';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
