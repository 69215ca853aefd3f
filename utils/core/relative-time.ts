// Reads the "posted 2h ago" text Facebook shows instead of a date (and the long forms of its aria-labels),
// in the languages our users run Facebook in. A wrong age is worse than none: anything we cannot read with
// confidence comes back as unparsed, never as a guess, a NaN or a time in the future.
//
// postedAt is always the LATEST moment the text allows (Facebook floors: "2h" means 2h–2h59m ago), so the
// age we show is never more than the real one; the true time lies in [postedAt − unitMs, postedAt].
// precision is 'approx' for every relative form (the page contract: derived from text like "2h"); 'exact' only
// when the text names a clock time ("Yesterday at 3:15 PM", "March 3 at 10:02").
import { normalizeTimeText } from './time-text';

export type ParsedTime =
  | { ok: true; postedAt: number; precision: 'approx' | 'exact'; unitMs: number }
  | { ok: false; reason: 'unparsed' };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Months and years are counted as 30 and 365 days; Facebook's own labels are no finer than that. */
const UNIT_MS = { s: SECOND, min: MINUTE, h: HOUR, d: DAY, w: 7 * DAY, mo: 30 * DAY, y: 365 * DAY } as const;
type Unit = keyof typeof UNIT_MS;

/** Longest count we accept: nothing is 100 000 units old, and longer digit runs are not timestamps. */
const MAX_COUNT = 99_999;
/** Longer text is never a timestamp; don't spend work on it. */
const MAX_TEXT_LENGTH = 120;

/**
 * Unit words per language (primary subtag). Facebook's short forms are from memory of its UI, not from
 * captures; the ones we are least sure of are marked "?". A unit spelled the same in several tables with
 * different meanings (Hungarian "h" = hét/week, Indonesian "h" = hari/day, English "h" = hour; French "j" =
 * jour/day, Indonesian "j" = jam/hour) is decided by the page language; without one, English wins for ASCII
 * forms and any other conflict stays unparsed.
 */
const UNIT_WORDS: Record<string, Record<string, Unit>> = {
  en: {
    ...forms('s', 's sec secs second seconds'),
    ...forms('min', 'm min mins minute minutes'),
    ...forms('h', 'h hr hrs hour hours'),
    ...forms('d', 'd day days'),
    ...forms('w', 'w wk wks week weeks'),
    ...forms('mo', 'mo mos mth mths month months'),
    ...forms('y', 'y yr yrs year years'),
  },
  // Short forms "5 p", "2 ó", "3 n", "1 h" (hét), "2 é"; long forms "5 perce", "2 órája", "3 napja".
  hu: {
    ...forms('s', 'mp másodperc másodperce'),
    ...forms('min', 'p perc perce'),
    ...forms('h', 'ó óra órája'),
    ...forms('d', 'n nap napja'),
    ...forms('w', 'h hét hete'),
    ...forms('mo', 'hó hónap hónapja'),
    ...forms('y', 'é év éve'),
  },
  bn: {
    ...forms('s', 'সেকেন্ড'),
    ...forms('min', 'মিনিট'),
    ...forms('h', 'ঘণ্টা ঘন্টা'),
    ...forms('d', 'দিন'),
    ...forms('w', 'সপ্তাহ'),
    ...forms('mo', 'মাস'),
    ...forms('y', 'বছর'),
  },
  // "អាទិត្យ" (also "Sunday") is the colloquial week; Facebook is believed to use សប្ដាហ៍ (?).
  km: {
    ...forms('s', 'វិនាទី'),
    ...forms('min', 'នាទី'),
    ...forms('h', 'ម៉ោង'),
    ...forms('d', 'ថ្ងៃ'),
    ...forms('w', 'សប្ដាហ៍ សប្តាហ៍ អាទិត្យ'),
    ...forms('mo', 'ខែ'),
    ...forms('y', 'ឆ្នាំ'),
  },
  // Short forms "2 h", "5 min", "3 d", "1 sem", "2 a" (año, ?).
  es: {
    ...forms('s', 's seg segundo segundos'),
    ...forms('min', 'min minuto minutos'),
    ...forms('h', 'h hora horas'),
    ...forms('d', 'd día días'),
    ...forms('w', 'sem semana semanas'),
    ...forms('mo', 'mes meses'),
    ...forms('y', 'a año años'),
  },
  pt: {
    ...forms('s', 's seg segundo segundos'),
    ...forms('min', 'min minuto minutos'),
    ...forms('h', 'h hora horas'),
    ...forms('d', 'd dia dias'),
    ...forms('w', 'sem semana semanas'),
    ...forms('mo', 'mês mes meses'),
    ...forms('y', 'a ano anos'),
  },
  fr: {
    ...forms('s', 's sec seconde secondes'),
    ...forms('min', 'min minute minutes'),
    ...forms('h', 'h heure heures'),
    ...forms('d', 'j jour jours'),
    ...forms('w', 'sem semaine semaines'),
    ...forms('mo', 'mois'),
    ...forms('y', 'a an ans année années'),
  },
  // Facebook writes the German single letters with a dot ("3 T.", "1 W.", "2 J."); bare "j" is French/Indonesian.
  de: {
    ...forms('s', 'sek sek. sekunde sekunden'),
    ...forms('min', 'min min. minute minuten'),
    ...forms('h', 'std std. stunde stunden'),
    ...forms('d', 't. tg. tag tage tagen'),
    ...forms('w', 'w. wo. woche wochen'),
    ...forms('mo', 'mon. monat monate monaten'),
    ...forms('y', 'j. jahr jahre jahren'),
  },
  vi: {
    ...forms('s', 'giây'),
    ...forms('min', 'phút'),
    ...forms('h', 'giờ'),
    ...forms('d', 'ngày'),
    ...forms('w', 'tuần'),
    ...forms('mo', 'tháng'),
    ...forms('y', 'năm'),
  },
  // Short forms "2 j" (jam), "5 mnt", "3 h" (hari), "1 mgg", "2 thn".
  id: {
    ...forms('s', 'dtk detik'),
    ...forms('min', 'mnt menit'),
    ...forms('h', 'j jam'),
    ...forms('d', 'h hari'),
    ...forms('w', 'mgg minggu'),
    ...forms('mo', 'bln bulan'),
    ...forms('y', 'thn tahun'),
  },
  ms: {
    ...forms('s', 'saat'),
    ...forms('min', 'min minit'),
    ...forms('h', 'j jam'),
    ...forms('d', 'h hari'),
    ...forms('w', 'mgg minggu'),
    ...forms('mo', 'bln bulan'),
    ...forms('y', 'thn tahun'),
  },
  // Short forms "٢ س" (ساعة), "٥ د" (دقيقة), "٣ ي" (يوم), "١ أ" (أسبوع, ?); long forms include duals.
  ar: {
    ...forms('s', 'ث ثانية ثوان ثواني ثانيتين ثانيتان'),
    ...forms('min', 'د دقيقة دقائق دقيقتين دقيقتان'),
    ...forms('h', 'س ساعة ساعات ساعتين ساعتان'),
    ...forms('d', 'ي يوم أيام يومين يومان'),
    ...forms('w', 'أ أسبوع أسابيع أسبوعين أسبوعان'),
    ...forms('mo', 'شهر أشهر شهور شهرين شهران'),
    ...forms('y', 'سنة سنوات سنين سنتين سنتان عام أعوام عامين عامان'),
  },
  fa: {
    ...forms('s', 'ثانیه'),
    ...forms('min', 'دقیقه'),
    ...forms('h', 'ساعت'),
    ...forms('d', 'روز'),
    ...forms('w', 'هفته'),
    ...forms('mo', 'ماه'),
    ...forms('y', 'سال'),
  },
  ur: {
    ...forms('s', 'سیکنڈ'),
    ...forms('min', 'منٹ'),
    ...forms('h', 'گھنٹہ گھنٹے'),
    ...forms('d', 'دن'),
    ...forms('w', 'ہفتہ ہفتے'),
    ...forms('mo', 'مہینہ مہینے'),
    ...forms('y', 'سال'),
  },
  hi: {
    ...forms('s', 'सेकंड सेकेंड'),
    ...forms('min', 'मिनट'),
    ...forms('h', 'घंटा घंटे घण्टा घण्टे'),
    ...forms('d', 'दिन'),
    ...forms('w', 'सप्ताह हफ़्ता हफ़्ते हफ्ता हफ्ते'),
    ...forms('mo', 'महीना महीने'),
    ...forms('y', 'वर्ष साल'),
  },
  zh: {
    ...forms('s', '秒 秒钟 秒鐘'),
    ...forms('min', '分 分钟 分鐘'),
    ...forms('h', '小时 小時'),
    ...forms('d', '天 日'),
    ...forms('w', '周 週 星期'),
    ...forms('mo', '个月 個月'),
    ...forms('y', '年'),
  },
  ja: {
    ...forms('s', '秒'),
    ...forms('min', '分'),
    ...forms('h', '時間'),
    ...forms('d', '日'),
    ...forms('w', '週 週間'),
    ...forms('mo', 'か月 ヶ月 カ月 ヵ月'),
    ...forms('y', '年'),
  },
  ko: {
    ...forms('s', '초'),
    ...forms('min', '분'),
    ...forms('h', '시간'),
    ...forms('d', '일'),
    ...forms('w', '주'),
    ...forms('mo', '개월 달'),
    ...forms('y', '년'),
  },
};

/** Arabic singulars and duals carry their own count: "منذ ساعة" = an hour ago, "منذ ساعتين" = two hours ago. */
const COUNTED_WORDS: Record<string, number> = {
  ...counts(1, 'ثانية دقيقة ساعة يوم أسبوع شهر سنة عام'),
  ...counts(
    2,
    'ثانيتين ثانيتان دقيقتين دقيقتان ساعتين ساعتان يومين يومان أسبوعين أسبوعان شهرين شهران سنتين سنتان عامين عامان',
  ),
};

/** Words for "one" before a unit: "an hour ago", "egy órája", "vor einer Stunde", "il y a une heure". */
const ONE_WORDS = words('a an one egy un una uno um uma une ein eine einer einem einen một satu এক មួយ एक');

const NOW_WORDS = words(
  [
    'now|just now|right now|a few seconds ago|few seconds ago|seconds ago|a moment ago|moments ago',
    'most|épp most|éppen most|az imént',
    'এইমাত্র|এখন',
    'ឥឡូវនេះ|ឥឡូវ',
    'ahora|justo ahora|ahora mismo|hace un momento|hace unos segundos|un momento|unos segundos',
    'agora|agora mesmo|há instantes|instantes|há alguns segundos|alguns segundos',
    "à l'instant|a l'instant|maintenant|il y a quelques secondes|quelques secondes",
    'gerade eben|gerade|jetzt|soeben',
    'vừa xong|vừa nãy|bây giờ',
    'baru saja|sekarang|baru sahaja',
    'الآن|الان|للتو|همین الان|ابھی',
    'अभी-अभी|अभी अभी|अभी',
    '刚刚|剛剛|たった今|今|방금|방금 전',
  ].join('|'),
  '|',
);

const YESTERDAY_WORDS = words(
  'yesterday|tegnap|গতকাল|ម្សិលមិញ|ayer|ontem|hier|gestern|hôm qua|kemarin|semalam|أمس|الأمس|امس|कल|昨天|昨日|어제|دیروز|کل',
  '|',
);

/** "hace 2 h", "há 2 h", "il y a 2 h", "vor 2 Std.", "منذ ساعتين", "cách đây 2 giờ". */
const PREFIXES = ['hace', 'há', 'il y a', 'vor', 'منذ', 'قبل', 'cách đây'].map(normalizeTimeText);
/** "2 hours ago", "2 giờ trước", "2 jam yang lalu", "২ ঘণ্টা আগে", "២ ម៉ោង មុន", "2小时前", "2시간 전". */
const SUFFIXES = ['ago', 'trước', 'yang lalu', 'yg lalu', 'lalu', 'पहले', 'আগে', 'មុន', '前', '전', 'پیش', 'پہلے'].map(
  normalizeTimeText,
);

const UNIT_LOOKUP = new Map(
  Object.entries(UNIT_WORDS).map(([lang, table]) => [
    lang,
    new Map(Object.entries(table).map(([word, unit]) => [normalizeTimeText(word), unit])),
  ]),
);

const UNPARSED: ParsedTime = { ok: false, reason: 'unparsed' };

/**
 * Reads a relative (or simple English absolute) timestamp. `lang` is the page's UI language (Facebook's
 * `<html lang>`), which decides units that mean different things in different languages.
 */
export function parseRelativeTime(text: string, now: number, lang?: string): ParsedTime {
  try {
    if (typeof text !== 'string' || !Number.isFinite(now) || text.length > MAX_TEXT_LENGTH) return UNPARSED;
    const s = normalizeTimeText(text);
    if (!s) return UNPARSED;
    return checked(parseNormalized(s, now, primaryLanguage(lang)), now);
  } catch {
    return UNPARSED;
  }
}

function parseNormalized(s: string, now: number, lang: string | undefined): ParsedTime {
  if (NOW_WORDS.has(s)) return ago(now, 0, MINUTE);
  const yesterday = parseYesterday(s, now);
  if (yesterday) return yesterday;
  const absolute = parseEnglishDate(s, now);
  if (absolute) return absolute;

  const core = stripAffixes(s);
  if (NOW_WORDS.has(core)) return ago(now, 0, MINUTE);
  const amount = parseAmount(core, lang);
  if (!amount) return UNPARSED;
  const unitMs = UNIT_MS[amount.unit];
  return ago(now, amount.count * unitMs, unitMs);
}

/** Guards the promise of the type: a finite time, never after `now`. */
function checked(result: ParsedTime, now: number): ParsedTime {
  if (!result.ok) return result;
  if (!Number.isFinite(result.postedAt) || result.postedAt > now || !Number.isFinite(result.unitMs)) return UNPARSED;
  return result;
}

function ago(now: number, ageMs: number, unitMs: number): ParsedTime {
  return { ok: true, postedAt: now - ageMs, precision: 'approx', unitMs };
}

function stripAffixes(s: string): string {
  let out = s;
  for (const prefix of PREFIXES) {
    if (out.startsWith(`${prefix} `)) {
      out = out.slice(prefix.length + 1);
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (out.length > suffix.length && out.endsWith(suffix)) {
      out = out.slice(0, -suffix.length).trimEnd();
      break;
    }
  }
  return out;
}

type Amount = { count: number; unit: Unit };

function parseAmount(core: string, lang: string | undefined): Amount | undefined {
  // "5m", "2 ó", "২ ঘণ্টা" (digits already ASCII), "2小时"
  const numberFirst = /^(\d{1,6}) ?([^\s\d]+)$/.exec(core);
  if (numberFirst) return amount(Number(numberFirst[1]), numberFirst[2] ?? '', lang);
  // Arabic script may come out unit-first once bidi marks are gone: "س ٢".
  const numberLast = /^([\u0600-\u06FF]+) (\d{1,6})$/.exec(core);
  if (numberLast) return amount(Number(numberLast[2]), numberLast[1] ?? '', lang);
  // "an hour", "egy órája", "einer stunde"
  const worded = /^(\S+) (\S+)$/.exec(core);
  if (worded && ONE_WORDS.has(worded[1] ?? '')) return amount(1, worded[2] ?? '', lang);
  // "ساعتين"
  const counted = COUNTED_WORDS[core];
  if (counted !== undefined) return amount(counted, core, lang);
  return undefined;
}

function amount(count: number, token: string, lang: string | undefined): Amount | undefined {
  if (!Number.isSafeInteger(count) || count > MAX_COUNT) return undefined;
  const unit = resolveUnit(token, lang);
  return unit ? { count, unit } : undefined;
}

function resolveUnit(token: string, lang: string | undefined): Unit | undefined {
  const keys = token.endsWith('.') ? [token, token.slice(0, -1)] : [token];
  const own = lang ? UNIT_LOOKUP.get(lang) : undefined;
  if (own) {
    for (const key of keys) {
      const unit = own.get(key);
      if (unit) return unit;
    }
  }
  for (const key of keys) {
    const meanings = new Set<Unit>();
    for (const table of UNIT_LOOKUP.values()) {
      const unit = table.get(key);
      if (unit) meanings.add(unit);
    }
    if (meanings.size === 1) return [...meanings][0];
    if (meanings.size > 1) {
      const english = UNIT_LOOKUP.get('en')?.get(key);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
      return english && /^[\x00-\x7F]+$/.test(key) ? english : undefined;
    }
  }
  return undefined;
}

/** "yesterday", "tegnap", and "Yesterday at 3:15 PM" / "gestern um 15:15" (local time). */
function parseYesterday(s: string, now: number): ParsedTime | undefined {
  if (YESTERDAY_WORDS.has(s)) return { ok: true, postedAt: now - DAY, precision: 'approx', unitMs: DAY };
  const m =
    /^([^\s,]+(?: [^\s,]+)??),? (?:(?:at|um|à|a las|às|lúc|pukul) )?(\d{1,2})[:.](\d{2})(?: ?([ap])\.?m\.?)?$/.exec(s);
  if (!m || !YESTERDAY_WORDS.has(m[1] ?? '')) return undefined;
  const time = clockTime(m[2], m[3], m[4]);
  if (!time) return undefined;
  const d = new Date(now);
  const postedAt = new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1, time.hours, time.minutes).getTime();
  return { ok: true, postedAt, precision: 'exact', unitMs: MINUTE };
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?';
const MONTH = '([a-z]{3,9})\\.?';
const DAY_OF_MONTH = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_PART = '(?:,? (\\d{4}))?';
const TIME_PART = '(?:,? (?:at )?(\\d{1,2}):(\\d{2})(?: ?([ap])\\.?m\\.?)?)?';
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH} ${DAY_OF_MONTH}${YEAR_PART}${TIME_PART}$`);
const DAY_FIRST = new RegExp(`^${WEEKDAY}${DAY_OF_MONTH} ${MONTH}${YEAR_PART}${TIME_PART}$`);

/**
 * English absolute dates from Facebook tooltips and older posts: "March 3", "3 March 2024",
 * "Tuesday, March 3, 2024 at 2:15 PM". A date without a year is the most recent such day not after now.
 */
function parseEnglishDate(s: string, now: number): ParsedTime | undefined {
  const a = MONTH_FIRST.exec(s);
  const b = a ? undefined : DAY_FIRST.exec(s);
  const m = a ?? b;
  if (!m) return undefined;
  const [monthName, dayText] = a ? [m[1], m[2]] : [m[2], m[1]];
  const month = monthIndex(monthName ?? '');
  const day = Number(dayText);
  if (month < 0 || day < 1 || day > 31) return undefined;
  const time = m[4] === undefined ? undefined : clockTime(m[4], m[5], m[6]);
  if (m[4] !== undefined && !time) return undefined;

  const nowYear = new Date(now).getFullYear();
  let year = m[3] === undefined ? nowYear : Number(m[3]);
  if (m[3] === undefined && new Date(year, month, day).getTime() > now) year -= 1;
  const start = new Date(year, month, day);
  if (start.getMonth() !== month || start.getDate() !== day || start.getFullYear() !== year) return undefined;
  if (time) {
    const postedAt = new Date(year, month, day, time.hours, time.minutes).getTime();
    return postedAt > now ? undefined : { ok: true, postedAt, precision: 'exact', unitMs: MINUTE };
  }
  if (start.getTime() > now) return undefined;
  const endOfDay = new Date(year, month, day + 1).getTime() - 1;
  return { ok: true, postedAt: Math.min(endOfDay, now), precision: 'approx', unitMs: DAY };
}

function monthIndex(name: string): number {
  if (name === 'sept') return 8;
  return MONTHS.findIndex((full) => full === name || (name.length === 3 && full.startsWith(name)));
}

function clockTime(
  hourText: string | undefined,
  minuteText: string | undefined,
  meridiem: string | undefined,
): { hours: number; minutes: number } | undefined {
  let hours = Number(hourText);
  const minutes = Number(minuteText);
  if (!Number.isInteger(hours) || !Number.isInteger(minutes) || minutes > 59) return undefined;
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hours > 23) {
    return undefined;
  }
  return { hours, minutes };
}

function primaryLanguage(lang: string | undefined): string | undefined {
  if (typeof lang !== 'string') return undefined;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'in') return 'id'; // Java-era code some pages still use
  return primary || undefined;
}

function forms(unit: Unit, list: string): Record<string, Unit> {
  return Object.fromEntries(list.split(' ').map((w) => [w, unit]));
}

function counts(count: number, list: string): Record<string, number> {
  return Object.fromEntries(list.split(' ').map((w) => [normalizeTimeText(w), count]));
}

function words(list: string, separator = ' '): Set<string> {
  return new Set(list.split(separator).map(normalizeTimeText));
}
