// The words Facebook's relative times are written with ("2 h", "5 perce", "hace 3 d", "منذ ساعتين"), in the
// languages our users run Facebook in: plain data, read by ./relative-time.ts once handed in. The background and the
// extension's pages import this module, which puts the words in use; the Facebook content script gets them from the
// background once at startup ('facebook.words'), so they stay out of its bundle (issue #10: under 30 KB gzip).
import { type RelativeTimeWords, setRelativeTimeWords } from './relative-time';

export const RELATIVE_TIME_WORDS: RelativeTimeWords = {
  /**
   * Unit words per language (primary subtag). Facebook's short forms are from memory of its UI, not from
   * captures; the ones we are least sure of are marked "?". A unit spelled the same in several tables with
   * different meanings (Hungarian "h" = hét/week, Indonesian "h" = hari/day, English "h" = hour; French "j" =
   * jour/day, Indonesian "j" = jam/hour) is decided by the page language; without one, English wins for ASCII
   * forms and any other conflict stays unparsed.
   */
  units: {
    en: {
      s: 's sec secs second seconds',
      min: 'm min mins minute minutes',
      h: 'h hr hrs hour hours',
      d: 'd day days',
      w: 'w wk wks week weeks',
      mo: 'mo mos mth mths month months',
      y: 'y yr yrs year years',
    },
    // Short forms "5 p", "2 ó", "3 n", "1 h" (hét), "2 é"; long forms "5 perce", "2 órája", "3 napja".
    hu: {
      s: 'mp másodperc másodperce',
      min: 'p perc perce',
      h: 'ó óra órája',
      d: 'n nap napja',
      w: 'h hét hete',
      mo: 'hó hónap hónapja',
      y: 'é év éve',
    },
    bn: {
      s: 'সেকেন্ড',
      min: 'মিনিট',
      h: 'ঘণ্টা ঘন্টা',
      d: 'দিন',
      w: 'সপ্তাহ',
      mo: 'মাস',
      y: 'বছর',
    },
    // "អាទិត្យ" (also "Sunday") is the colloquial week; Facebook is believed to use សប្ដាហ៍ (?).
    km: {
      s: 'វិនាទី',
      min: 'នាទី',
      h: 'ម៉ោង',
      d: 'ថ្ងៃ',
      w: 'សប្ដាហ៍ សប្តាហ៍ អាទិត្យ',
      mo: 'ខែ',
      y: 'ឆ្នាំ',
    },
    // Short forms "2 h", "5 min", "3 d", "1 sem", "2 a" (año, ?).
    es: {
      s: 's seg segundo segundos',
      min: 'min minuto minutos',
      h: 'h hora horas',
      d: 'd día días',
      w: 'sem semana semanas',
      mo: 'mes meses',
      y: 'a año años',
    },
    pt: {
      s: 's seg segundo segundos',
      min: 'min minuto minutos',
      h: 'h hora horas',
      d: 'd dia dias',
      w: 'sem semana semanas',
      mo: 'mês mes meses',
      y: 'a ano anos',
    },
    fr: {
      s: 's sec seconde secondes',
      min: 'min minute minutes',
      h: 'h heure heures',
      d: 'j jour jours',
      w: 'sem semaine semaines',
      mo: 'mois',
      y: 'a an ans année années',
    },
    // Facebook writes the German single letters with a dot ("3 T.", "1 W.", "2 J."); bare "j" is French/Indonesian.
    de: {
      s: 'sek sek. sekunde sekunden',
      min: 'min min. minute minuten',
      h: 'std std. stunde stunden',
      d: 't. tg. tag tage tagen',
      w: 'w. wo. woche wochen',
      mo: 'mon. monat monate monaten',
      y: 'j. jahr jahre jahren',
    },
    vi: {
      s: 'giây',
      min: 'phút',
      h: 'giờ',
      d: 'ngày',
      w: 'tuần',
      mo: 'tháng',
      y: 'năm',
    },
    // Short forms "2 j" (jam), "5 mnt", "3 h" (hari), "1 mgg", "2 thn".
    id: {
      s: 'dtk detik',
      min: 'mnt menit',
      h: 'j jam',
      d: 'h hari',
      w: 'mgg minggu',
      mo: 'bln bulan',
      y: 'thn tahun',
    },
    ms: {
      s: 'saat',
      min: 'min minit',
      h: 'j jam',
      d: 'h hari',
      w: 'mgg minggu',
      mo: 'bln bulan',
      y: 'thn tahun',
    },
    // Short forms "٢ س" (ساعة), "٥ د" (دقيقة), "٣ ي" (يوم), "١ أ" (أسبوع, ?); long forms include duals.
    ar: {
      s: 'ث ثانية ثوان ثواني ثانيتين ثانيتان',
      min: 'د دقيقة دقائق دقيقتين دقيقتان',
      h: 'س ساعة ساعات ساعتين ساعتان',
      d: 'ي يوم أيام يومين يومان',
      w: 'أ أسبوع أسابيع أسبوعين أسبوعان',
      mo: 'شهر أشهر شهور شهرين شهران',
      y: 'سنة سنوات سنين سنتين سنتان عام أعوام عامين عامان',
    },
    fa: {
      s: 'ثانیه',
      min: 'دقیقه',
      h: 'ساعت',
      d: 'روز',
      w: 'هفته',
      mo: 'ماه',
      y: 'سال',
    },
    ur: {
      s: 'سیکنڈ',
      min: 'منٹ',
      h: 'گھنٹہ گھنٹے',
      d: 'دن',
      w: 'ہفتہ ہفتے',
      mo: 'مہینہ مہینے',
      y: 'سال',
    },
    hi: {
      s: 'सेकंड सेकेंड',
      min: 'मिनट',
      h: 'घंटा घंटे घण्टा घण्टे',
      d: 'दिन',
      w: 'सप्ताह हफ़्ता हफ़्ते हफ्ता हफ्ते',
      mo: 'महीना महीने',
      y: 'वर्ष साल',
    },
    zh: {
      s: '秒 秒钟 秒鐘',
      min: '分 分钟 分鐘',
      h: '小时 小時',
      d: '天 日',
      w: '周 週 星期',
      mo: '个月 個月',
      y: '年',
    },
    ja: {
      s: '秒',
      min: '分',
      h: '時間',
      d: '日',
      w: '週 週間',
      mo: 'か月 ヶ月 カ月 ヵ月',
      y: '年',
    },
    ko: {
      s: '초',
      min: '분',
      h: '시간',
      d: '일',
      w: '주',
      mo: '개월 달',
      y: '년',
    },
  },
  /** Arabic singulars and duals carry their own count: "منذ ساعة" = an hour ago, "منذ ساعتين" = two hours ago. */
  counted: [
    [1, 'ثانية دقيقة ساعة يوم أسبوع شهر سنة عام'],
    [
      2,
      'ثانيتين ثانيتان دقيقتين دقيقتان ساعتين ساعتان يومين يومان أسبوعين أسبوعان شهرين شهران سنتين سنتان عامين عامان',
    ],
  ],
  /** Words for "one" before a unit: "an hour ago", "egy órája", "vor einer Stunde", "il y a une heure". */
  one: 'a an one egy un una uno um uma une ein eine einer einem einen một satu এক មួយ एक',
  /** Whole texts meaning "just now", separated by "|". */
  now: [
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
  /** "Yesterday", separated by "|" (also before a clock time: "Yesterday at 3:15 PM"). */
  yesterday:
    'yesterday|tegnap|গতকাল|ម្សិលមិញ|ayer|ontem|hier|gestern|hôm qua|kemarin|semalam|أمس|الأمس|امس|कल|昨天|昨日|어제|دیروز|کل',
  /** "hace 2 h", "há 2 h", "il y a 2 h", "vor 2 Std.", "منذ ساعتين", "cách đây 2 giờ". */
  prefixes: ['hace', 'há', 'il y a', 'vor', 'منذ', 'قبل', 'cách đây'],
  /** "2 hours ago", "2 giờ trước", "2 jam yang lalu", "২ ঘণ্টা আগে", "២ ម៉ោង មុន", "2小时前", "2시간 전". */
  suffixes: ['ago', 'trước', 'yang lalu', 'yg lalu', 'lalu', 'पहले', 'আগে', 'មុន', '前', '전', 'پیش', 'پہلے'],
};

setRelativeTimeWords(RELATIVE_TIME_WORDS);
