import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRelativeTime, setRelativeTimeWords } from '../../../utils/core/relative-time';
import { RELATIVE_TIME_WORDS } from '../../../utils/core/relative-time-words';
import { PROTOCOL } from '../../../utils/messaging/protocol';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;
const W = 7 * D;
const MO = 30 * D;
const Y = 365 * D;
// Local time, so the absolute-date cases hold in any time zone.
const NOW = new Date(2026, 2, 15, 12, 0).getTime();

type Case = [text: string, lang: string | undefined, ageMs: number, unitMs: number];

const relative: Case[] = [
  // English short and long forms
  ['Just now', undefined, 0, MIN],
  ['now', undefined, 0, MIN],
  ['10s', undefined, 10 * S, S],
  ['5m', undefined, 5 * MIN, MIN],
  ['5 min', undefined, 5 * MIN, MIN],
  ['5 mins', undefined, 5 * MIN, MIN],
  ['2h', undefined, 2 * H, H],
  ['1 hr', undefined, H, H],
  ['2 hrs', undefined, 2 * H, H],
  ['3d', undefined, 3 * D, D],
  ['1w', undefined, W, W],
  ['8w', undefined, 8 * W, W],
  ['3mo', undefined, 3 * MO, MO],
  ['2y', undefined, 2 * Y, Y],
  ['2 hours ago', undefined, 2 * H, H],
  ['a minute ago', undefined, MIN, MIN],
  ['an hour ago', undefined, H, H],
  ['a day ago', undefined, D, D],
  ['2 months ago', undefined, 2 * MO, MO],
  ['1 year ago', undefined, Y, Y],
  ['a few seconds ago', undefined, 0, MIN],
  ['yesterday', undefined, D, D],
  ['Yesterday', 'en', D, D],
  // Hungarian: ó = óra, p = perc, n = nap, h = hét (week), é = év
  ['2 ó', 'hu', 2 * H, H],
  ['2 ó', undefined, 2 * H, H],
  ['5 p', 'hu', 5 * MIN, MIN],
  ['3 n', 'hu', 3 * D, D],
  ['1 h', 'hu', W, W],
  ['1 h', 'hu-HU', W, W],
  ['2 é', 'hu', 2 * Y, Y],
  ['most', 'hu', 0, MIN],
  ['2 órája', 'hu', 2 * H, H],
  ['5 perce', 'hu', 5 * MIN, MIN],
  ['3 napja', 'hu', 3 * D, D],
  ['1 hete', 'hu', W, W],
  ['egy órája', 'hu', H, H],
  ['tegnap', 'hu', D, D],
  // Bengali (Bengali digits)
  ['২ ঘণ্টা', 'bn', 2 * H, H],
  ['২ ঘণ্টা', undefined, 2 * H, H],
  ['৫ মিনিট', 'bn', 5 * MIN, MIN],
  ['৩ দিন', 'bn', 3 * D, D],
  ['১ সপ্তাহ', 'bn', W, W],
  ['এইমাত্র', 'bn', 0, MIN],
  ['২ ঘণ্টা আগে', 'bn', 2 * H, H],
  // Khmer (Khmer digits), with and without the space
  ['២ ម៉ោង', 'km', 2 * H, H],
  ['២ម៉ោង', 'km', 2 * H, H],
  ['៥ នាទី', 'km', 5 * MIN, MIN],
  ['៣ ថ្ងៃ', 'km', 3 * D, D],
  ['ឥឡូវនេះ', 'km', 0, MIN],
  ['២ ម៉ោង មុន', 'km', 2 * H, H],
  // Spanish
  ['hace 2 h', 'es', 2 * H, H],
  ['2 h', 'es', 2 * H, H],
  ['5 min', 'es', 5 * MIN, MIN],
  ['3 d', 'es', 3 * D, D],
  ['1 sem', 'es', W, W],
  ['Ahora', 'es', 0, MIN],
  ['hace un minuto', 'es', MIN, MIN],
  ['hace 3 días', 'es', 3 * D, D],
  // Portuguese
  ['há 2 h', 'pt-BR', 2 * H, H],
  ['2 h', 'pt', 2 * H, H],
  ['3 d', 'pt', 3 * D, D],
  ['1 sem', 'pt', W, W],
  ['Agora', 'pt', 0, MIN],
  // French
  ['il y a 2 h', 'fr', 2 * H, H],
  ['2 h', 'fr', 2 * H, H],
  ['3 j', 'fr', 3 * D, D],
  ['1 sem', 'fr', W, W],
  ['À l’instant', 'fr', 0, MIN],
  ["à l'instant", 'fr', 0, MIN],
  ['il y a une heure', 'fr', H, H],
  // German
  ['vor 2 Std.', 'de', 2 * H, H],
  ['2 Std.', 'de', 2 * H, H],
  ['5 Min.', 'de', 5 * MIN, MIN],
  ['3 T.', 'de', 3 * D, D],
  ['1 W.', 'de', W, W],
  ['2 J.', 'de', 2 * Y, Y],
  ['Gerade eben', 'de', 0, MIN],
  ['vor einer Stunde', 'de', H, H],
  // Vietnamese
  ['2 giờ', 'vi', 2 * H, H],
  ['5 phút', 'vi', 5 * MIN, MIN],
  ['3 ngày', 'vi', 3 * D, D],
  ['1 tuần', 'vi', W, W],
  ['Vừa xong', 'vi', 0, MIN],
  ['2 giờ trước', 'vi', 2 * H, H],
  // Indonesian: j = jam (hour), h = hari (day)
  ['2 j', 'id', 2 * H, H],
  ['5 mnt', 'id', 5 * MIN, MIN],
  ['3 h', 'id', 3 * D, D],
  ['1 mgg', 'id', W, W],
  ['Baru saja', 'id', 0, MIN],
  ['2 jam yang lalu', 'id', 2 * H, H],
  // Arabic (Arabic-Indic digits, dual forms)
  ['منذ ساعتين', 'ar', 2 * H, H],
  ['منذ ساعة', 'ar', H, H],
  ['منذ ٣ ساعات', 'ar', 3 * H, H],
  ['منذ دقيقتين', 'ar', 2 * MIN, MIN],
  ['٢ س', 'ar', 2 * H, H],
  ['٥ د', 'ar', 5 * MIN, MIN],
  ['٣ ي', 'ar', 3 * D, D],
  ['الآن', 'ar', 0, MIN],
  // Persian digits
  ['۲ ساعت پیش', 'fa', 2 * H, H],
  // Hindi (ASCII and Devanagari digits)
  ['2 घंटे', 'hi', 2 * H, H],
  ['२ घंटे', 'hi', 2 * H, H],
  ['5 मिनट', 'hi', 5 * MIN, MIN],
  ['3 दिन', 'hi', 3 * D, D],
  ['अभी-अभी', 'hi', 0, MIN],
  // CJK
  ['2小时前', 'zh', 2 * H, H],
  ['5分前', 'ja', 5 * MIN, MIN],
  ['2시간 전', 'ko', 2 * H, H],
];

describe('parseRelativeTime: relative forms', () => {
  it.each(relative)('%s (lang %s)', (text, lang, ageMs, unitMs) => {
    expect(parseRelativeTime(text, NOW, lang)).toEqual({
      ok: true,
      postedAt: NOW - ageMs,
      precision: 'approx',
      unitMs,
    });
  });
});

describe('parseRelativeTime: units that differ between languages', () => {
  it.each([
    ['1 h', undefined, H],
    ['1 h', 'en', H],
    ['1 h', 'es', H],
    ['1 h', 'de', H],
    ['1 h', 'hu', W],
    ['1 h', 'id', D],
    ['3 j', 'fr', 3 * D],
    ['3 j', 'id', 3 * H],
  ] as const)('%s with lang %s', (text, lang, ageMs) => {
    const r = parseRelativeTime(text, NOW, lang);
    expect(r.ok && NOW - r.postedAt).toBe(ageMs);
  });

  it('leaves a unit unread when only the language could tell and none is given', () => {
    expect(parseRelativeTime('3 j', NOW)).toEqual({ ok: false, reason: 'unparsed' });
  });
});

describe('parseRelativeTime: noise around the text', () => {
  it.each([
    ['\u00A02h\u00A0'],
    ['  2h\n'],
    ['\u200E2h\u200E'],
    ['\u200F2h'],
    ['\u061C2h'],
    ['2\u202Fh'],
    ['2\u2009h'],
    ['2H'],
  ])('%j reads as 2 hours', (text) => {
    const r = parseRelativeTime(text, NOW);
    expect(r.ok && NOW - r.postedAt).toBe(2 * H);
  });

  it('reads Arabic with right-to-left marks and extended digits', () => {
    const r = parseRelativeTime('\u200F۲\u00A0س\u200F', NOW, 'ar');
    expect(r.ok && NOW - r.postedAt).toBe(2 * H);
  });
});

describe('parseRelativeTime: absolute dates', () => {
  it.each([
    ['March 3', new Date(2026, 2, 4).getTime() - 1],
    ['Mar 3', new Date(2026, 2, 4).getTime() - 1],
    ['3 March 2024', new Date(2024, 2, 4).getTime() - 1],
    ['March 3, 2024', new Date(2024, 2, 4).getTime() - 1],
    ['Dec 25', new Date(2025, 11, 26).getTime() - 1],
  ])('%s is that day, approximate', (text, postedAt) => {
    expect(parseRelativeTime(text, NOW)).toEqual({ ok: true, postedAt, precision: 'approx', unitMs: D });
  });

  it('today without a time is capped at now', () => {
    expect(parseRelativeTime('March 15', NOW)).toEqual({ ok: true, postedAt: NOW, precision: 'approx', unitMs: D });
  });

  it.each([
    ['Tuesday, March 3, 2026 at 2:15 PM', new Date(2026, 2, 3, 14, 15).getTime()],
    ['March 3 at 09:05', new Date(2026, 2, 3, 9, 5).getTime()],
    ['Yesterday at 3:15 PM', new Date(2026, 2, 14, 15, 15).getTime()],
    ['gestern um 15:30', new Date(2026, 2, 14, 15, 30).getTime()],
  ])('%s is exact to the minute', (text, postedAt) => {
    expect(parseRelativeTime(text, NOW)).toEqual({ ok: true, postedAt, precision: 'exact', unitMs: MIN });
  });
});

describe('parseRelativeTime: what it must not read', () => {
  it.each([
    [''],
    ['   '],
    ['hello'],
    ['Edited'],
    ['2 hours ago lol'],
    ['-5m'],
    ['5.5h'],
    ['2x'],
    ['99999999y'],
    ['1২ h'],
    ['Feb 30'],
    ['March 3, 2027'],
    ['March 15 at 13:00'],
    ['Yesterday at 25:00'],
    ['13:61'],
    ['Smarch 3'],
    ['2 ó 3 p'],
  ])('%j is unparsed', (text) => {
    expect(parseRelativeTime(text, NOW)).toEqual({ ok: false, reason: 'unparsed' });
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY]])('now = %s is unparsed', (now) => {
    expect(parseRelativeTime('2h', now)).toEqual({ ok: false, reason: 'unparsed' });
  });

  it('survives a non-string at run time', () => {
    expect(parseRelativeTime(undefined as unknown as string, NOW)).toEqual({ ok: false, reason: 'unparsed' });
  });
});

describe('parseRelativeTime: properties', () => {
  const assertSafe = (text: string, now: number, lang?: string) => {
    const r = parseRelativeTime(text, now, lang);
    if (!r.ok) {
      expect(r).toEqual({ ok: false, reason: 'unparsed' });
      return;
    }
    expect(Number.isFinite(r.postedAt)).toBe(true);
    expect(Number.isFinite(r.unitMs)).toBe(true);
    expect(r.unitMs).toBeGreaterThan(0);
    expect(r.postedAt).toBeLessThanOrEqual(now);
  };
  const langs = fc.constantFrom(
    undefined,
    'en',
    'hu',
    'bn',
    'km',
    'es',
    'pt',
    'fr',
    'de',
    'vi',
    'id',
    'ar',
    'hi',
    'xx',
  );
  const nows = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.double());

  it('never throws, never NaN, never after now — on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), nows, langs, assertSafe), {
      numRuns: 2000,
    });
  });

  it('never throws, never NaN, never after now — on timestamp-like strings', () => {
    const pieces = [
      ...['1', '2', '০', '৫', '២', '٣', '۲', '२', '99999', ' ', '\u00A0', '\u200F', '.', ',', ':', '-'],
      ...['h', 'm', 'd', 'w', 'y', 'mo', 'j', 'ó', 'p', 'n', 'é', 'ঘণ্টা', 'ម៉ោង', 'س', 'ساعتين', 'घंटे', 'Std.'],
      ...['ago', 'hace', 'il y a', 'vor', 'منذ', 'yesterday', 'at', 'pm', 'March', 'Dec', '2024', 'now', 'a', 'an'],
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), nows, langs, (parts, now, lang) =>
        assertSafe(parts.join(''), now, lang),
      ),
      { numRuns: 3000 },
    );
  });

  it('reads any count of any unit exactly', () => {
    const units = [
      ['m', MIN],
      ['h', H],
      ['d', D],
      ['w', W],
      ['y', Y],
    ] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(...units), (n, [unit, ms]) => {
        const r = parseRelativeTime(`${n}${unit}`, NOW);
        expect(r.ok && r.postedAt).toBe(NOW - n * ms);
      }),
    );
  });
});

// The Facebook content script does not bundle the words: the background hands them over once ('facebook.words').
describe('the words, handed over', () => {
  afterEach(() => setRelativeTimeWords(RELATIVE_TIME_WORDS));

  it('read nothing relative before they are in: unparsed, never a guess', () => {
    setRelativeTimeWords({ units: {}, counted: [], one: '', now: '', yesterday: '', prefixes: [], suffixes: [] });
    for (const text of ['2h', '5 perce', 'hace 3 d', 'منذ ساعتين', 'Just now']) {
      expect(parseRelativeTime(text, NOW, 'en').ok, text).toBe(false);
    }
    // English absolute dates need no words.
    expect(parseRelativeTime('March 3, 2026', NOW).ok).toBe(true);
  });

  it('pass the message schema and read the same after a trip through the message (JSON)', () => {
    const sent = JSON.parse(JSON.stringify(RELATIVE_TIME_WORDS));
    expect(PROTOCOL['facebook.words'].response.shape.time.safeParse(sent).success).toBe(true);
    const texts = relative.map(([text, lang]) => [text, lang] as const);
    const before = texts.map(([text, lang]) => parseRelativeTime(text, NOW, lang));
    setRelativeTimeWords(sent);
    expect(texts.map(([text, lang]) => parseRelativeTime(text, NOW, lang))).toEqual(before);
    expect(before.every((r) => r.ok)).toBe(true);
  });

  it('the schema refuses a unit that is none', () => {
    const bad = { ...RELATIVE_TIME_WORDS, units: { en: { hours: 'h' } } };
    expect(PROTOCOL['facebook.words'].response.shape.time.safeParse(bad).success).toBe(false);
  });
});
