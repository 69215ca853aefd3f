import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanDisplayName, firstNameOf } from '../../../utils/core/names';

type Opts = { lang?: string; uiLang?: string };

describe('firstNameOf', () => {
  it.each<[string, Opts, string]>([
    // Western order
    ['Anna Smith', {}, 'Anna'],
    ['Anna Smith', { lang: 'en' }, 'Anna'],
    ['Anna Mária Kovács', { lang: 'hu' }, 'Anna'],
    ['Maria José da Silva Santos Pereira', { lang: 'pt' }, 'Maria'],
    ['Anna Smith Jr.', {}, 'Anna'],
    ['Dr. Anna Smith', {}, 'Anna'],
    ['Md. Rahim Uddin', {}, 'Rahim'],
    ['রহিম উদ্দিন', { lang: 'bn' }, 'রহিম'],
    ['محمد أحمد', { lang: 'ar' }, 'محمد'],
    // Hungarian: family name first when the comment or UI is Hungarian…
    ['Kovács Anna', { lang: 'hu' }, 'Anna'],
    ['Kovács Anna', { uiLang: 'hu' }, 'Anna'],
    ['Kovács Anna', { lang: 'hu-HU' }, 'Anna'],
    ['Fehérvári Zsófia', { lang: 'hu' }, 'Zsófia'],
    ['Kovács Anna Mária', { lang: 'hu' }, 'Anna'],
    ['ifj. Kovács János', { lang: 'hu' }, 'János'],
    ['Kovácsné Szabó Anna', { lang: 'hu' }, 'Anna'],
    // …unless the name is plainly written the Western way,
    ['Anna Kovács', { uiLang: 'hu' }, 'Anna'],
    // A Hungarian UI alone does not make a foreign name family-first: the whole name beats a wrong half.
    ['John Smith', { uiLang: 'hu' }, 'John Smith'],
    ['John Smith', { lang: 'en', uiLang: 'hu' }, 'John Smith'],
    ['Szőke Bence', { uiLang: 'hu' }, 'Bence'],
    ['Anna László', { lang: 'hu' }, 'Anna'],
    ['László Anna', { lang: 'hu' }, 'Anna'],
    // and a recognisably Hungarian family-first name reads that way whatever the language.
    ['Kovács Anna', {}, 'Anna'],
    ['Nagy Péter', { lang: 'en' }, 'Péter'],
    // Khmer: family name first
    ['សុខ ដារា', {}, 'ដារា'],
    ['សុខ ដារា', { lang: 'km' }, 'ដារា'],
    ['Sok Dara', { lang: 'km' }, 'Dara'],
    ['Sok Dara', { uiLang: 'km' }, 'Dara'],
    ['Dara Sok', { lang: 'km' }, 'Dara'],
    // Vietnamese: the given name is the last part
    ['Nguyễn Văn An', {}, 'An'],
    ['Nguyễn Văn An', { lang: 'vi' }, 'An'],
    ['Nguyen Van An', {}, 'An'],
    ['Trần Thị Mai', {}, 'Mai'],
    ['An Nguyễn', {}, 'An'],
    ['Le Minh', { lang: 'vi' }, 'Minh'],
    // Decorations go, the name stays
    ['✨ Anna ✨', {}, 'Anna'],
    ['Anna 🇭🇺 Smith', {}, 'Anna'],
    ['【Anna Smith】', {}, 'Anna'],
    ['~*~ Anna Smith ~*~', {}, 'Anna'],
    ['♡ Anna ♡ Smith', {}, 'Anna'],
    ['\u200EAnna Smith\u200E', {}, 'Anna'],
    ['  Anna  ', {}, 'Anna'],
  ])('%s %j → %s', (displayName, opts, expected) => {
    expect(firstNameOf(displayName, opts)).toBe(expected);
  });

  it.each<[string, Opts, string]>([
    // Chinese, Japanese, Korean: the whole name (see utils/core/names.ts for why)
    ['王小明', {}, '王小明'],
    ['山田 太郎', { lang: 'ja' }, '山田 太郎'],
    ['김민수', { lang: 'ko' }, '김민수'],
    ['Wang Xiaoming', { lang: 'zh' }, 'Wang Xiaoming'],
    // Unclear: whole name rather than a wrong half
    ['Anna', {}, 'Anna'],
    ['acme_fan99', {}, 'acme_fan99'],
    ['john.doe', {}, 'john.doe'],
    ['Anna 2024', {}, 'Anna 2024'],
    ['Acme Ltd', {}, 'Acme Ltd'],
    ['Acme Kft.', { lang: 'hu' }, 'Acme Kft.'],
    ['The Coffee House', {}, 'The Coffee House'],
    ['Anna | Acme Support', {}, 'Anna | Acme Support'],
    ['Smith & Sons', {}, 'Smith & Sons'],
    ['J. K.', {}, 'J. K.'],
    ['J.K.', {}, 'J.K.'],
    ['J. Smith', {}, 'J. Smith'],
    ['Kovács A.', { lang: 'hu' }, 'Kovács A.'],
    ['Mr Smith', {}, 'Mr Smith'],
    ['Kovács Jánosné', { lang: 'hu' }, 'Kovács Jánosné'],
    ['Ana Maria Luisa Fernanda Garcia Lopez', {}, 'Ana Maria Luisa Fernanda Garcia Lopez'],
    ['Bartholomew Maximilian Fitzgerald-Worthington', {}, 'Bartholomew Maximilian Fitzgerald-Worthington'],
    ['សុខ ដារា វណ្ណ', { lang: 'km' }, 'សុខ ដារា វណ្ណ'],
  ])('%s %j stays whole: %s', (displayName, opts, expected) => {
    expect(firstNameOf(displayName, opts)).toBe(expected);
  });

  it('gives an emoji-only name back as it was', () => {
    expect(firstNameOf(' 😀🎉 ', {})).toBe('😀🎉');
  });

  it('gives empty for an empty name', () => {
    expect(firstNameOf('   ', {})).toBe('');
  });

  it('never throws and returns part of the cleaned name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom(undefined, 'en', 'hu', 'km', 'vi', 'ja'),
        fc.constantFrom(undefined, 'en', 'hu', 'km'),
        (name, lang, uiLang) => {
          const first = firstNameOf(name, { lang, uiLang });
          const cleaned = cleanDisplayName(name);
          expect(cleaned ? cleaned.includes(first) : first === name.trim()).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
