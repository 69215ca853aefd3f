// The language of a short social comment, for ranking templates when the site does not say (no `lang`). Only the
// interface's four languages are told apart: Bengali and Khmer by their scripts alone; Hungarian and English by a
// tiny hand-made model of what short comments in each use (letters only Hungarian has, letter pairs English lacks,
// the most frequent short words). Anything else, or too little to tell, is null: better no guess than a wrong one.
// Why not a detector from npm: see README ("Suggestions"). Pure, no DOM. The background runs it for content scripts
// (`comments.judge`), which do not bundle it.
import { primaryLanguage } from './suggest';

const BENGALI = /[\u0980-\u09ff]/gu;
const KHMER = /[\u1780-\u17ff\u19e0-\u19ff]/gu;
const LETTER = /\p{L}/gu;

/** Letters Hungarian has and English, Spanish, German… do not: a single one settles it. */
const HU_ONLY = /[őűŐŰ]/gu;
/** Accented vowels Hungarian uses all the time (but so do other languages: weak evidence on their own). */
const HU_ACCENTS = /[áéíóöúüÁÉÍÓÖÚÜ]/gu;
/** Hungarian digraphs rare in English words. */
const HU_PAIRS = /(?:sz|gy|zs|cs)(?=\p{L})|(?:sz|gy|zs|cs)\b/giu;
/** English letter pairs rare in Hungarian. */
const EN_PAIRS = /th|wh|ck|ou|ee|oo|w/giu;
/** English word endings Hungarian words do not have. */
const EN_ENDINGS = /(?:ing|tion|ed|ly|ould|ight|ever|ice)$/u;

const HU_WORDS = new Set(
  'a az és is nem hogy van egy meg de már csak még mikor lesz mi mit miért hol hogyan ez ezt azt lehet kell nincs volt vagy ha mert köszi köszönöm köszönjük kérem kérek szia sziasztok helló jó nagyon rendelés rendelésem rendeltem csomag csomagom mennyi mennyibe kerül kapható itt ott nekem nektek tőletek már még sem se ki be le fel el amikor akkor igen nagy kicsit szuper'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the and you your is are was were my me i it its this that what when where why how will would can could do does did not no yes to of for in on at with have has had be been just please thanks thank love great order my our we they there here any still when about from but so get got when'.split(
    ' ',
  ),
);

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export type DetectedLanguage = 'en' | 'hu' | 'bn' | 'km';

/** 'en', 'hu', 'bn' or 'km' when the text clearly is, else null. */
export function detectLanguage(text: string): DetectedLanguage | null {
  const letters = count(text, LETTER);
  if (letters === 0) return null;
  const bengali = count(text, BENGALI);
  const khmer = count(text, KHMER);
  // Script: most of the letters (marks are not letters, so a Bengali or Khmer word counts its letters only).
  if (bengali * 2 >= letters) return 'bn';
  if (khmer * 2 >= letters) return 'km';
  const words = text
    .toLowerCase()
    .replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_.]+/gu, ' ')
    .match(/\p{L}+/gu);
  if (!words) return null;
  let hu = 3 * count(text, HU_ONLY) + count(text, HU_PAIRS);
  let en = count(text, EN_PAIRS);
  for (const word of words) {
    if (HU_WORDS.has(word)) hu += 2;
    if (EN_WORDS.has(word)) en += 2;
    else if (word.length > 3 && EN_ENDINGS.test(word)) en += 1;
  }
  // Accents back Hungarian up only when something Hungarian is already there (Spanish "opción" is not Hungarian).
  if (hu > 0) hu += count(text, HU_ACCENTS);
  if (hu >= 2 && hu > en * 1.5) return 'hu';
  if (en >= 2 && en > hu * 1.5 && count(text, HU_ACCENTS) === 0) return 'en';
  return null;
}

// Comments are short and a page asks for the same comment again (a re-read, a redraw): detect each text once.
const detected = new Map<string, string | null>();
const DETECTED_MAX = 5_000;

/** The comment's language: the site's `lang` when it names one, else what its text reads as, else null. */
export function commentLanguage(lang: string | undefined, text: string | undefined): string | null {
  const given = primaryLanguage(lang);
  if (given || !text) return given;
  let found = detected.get(text);
  if (found === undefined) {
    found = detectLanguage(text);
    if (detected.size >= DETECTED_MAX) detected.clear();
    detected.set(text, found);
  }
  return found;
}
