// Buffer-style labels (Question / Complaint / Order) so the queue can show what a comment is about at a glance.
// Word lists per language; the user's extra words (Settings.labelWords) add to them.
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
import type { LabelKind, Settings } from './settings';

export const LABEL_KINDS: readonly LabelKind[] = ['question', 'complaint', 'order'];

/** Key of word lists that apply whatever the comment's language (emoji, for instance). */
export const ANY_LANGUAGE = '*';

/** Languages whose built-in question words count only at the start of a sentence. */
export const QUESTION_WORDS_AT_START: ReadonlySet<string> = new Set(['en', 'hu', 'es', 'pt', 'fr', 'de', 'id', 'ar']);

/** Question marks of many scripts: Latin, Spanish opening, Arabic, full-width, Greek (U+037E), Armenian. */
const QUESTION_MARKS = /[?¿؟？\u037e՞]/u;

// biome-ignore format: word lists read better packed
export const BUILTIN_LABEL_WORDS: Record<LabelKind, Record<string, string[]>> = {
  question: {
    en: [
      'what', 'whats', "what's", 'how', 'when', 'where', "where's", 'why', 'who', 'which', 'can', 'could', 'would',
      'will', 'should', 'is', 'are', 'am', 'was', 'were', 'do', 'does', 'did', 'has', 'any', 'anyone', 'anybody',
    ],
    hu: [
      'mi', 'mit', 'mikor', 'hol', 'hova', 'hová', 'honnan', 'miért', 'ki', 'kit', 'kinek', 'hogyan', 'milyen',
      'melyik', 'mennyi*', 'hány', 'meddig', 'lehet', 'lehetne', 'van', 'vannak', 'tudnátok', 'tudna', 'tudtok',
    ],
    es: [
      'qué', 'que', 'cómo', 'como', 'cuándo', 'cuando', 'dónde', 'donde', 'por qué', 'cuál', 'cuáles', 'quién',
      'quiénes', 'cuánto', 'cuánta', 'cuántos', 'cuántas', 'cuanto', 'puedo', 'puede', 'pueden', 'podría', 'podrían',
      'hay', 'tienen', 'tiene',
    ],
    pt: [
      'o que', 'que', 'como', 'quando', 'onde', 'por que', 'por quê', 'qual', 'quais', 'quem', 'quanto', 'quanta',
      'quantos', 'quantas', 'cadê', 'posso', 'pode', 'podem', 'poderia', 'tem', 'têm', 'há', 'alguém',
    ],
    fr: [
      'que', "qu'est-ce", 'quoi', 'comment', 'quand', 'où', 'pourquoi', 'qui', 'quel', 'quelle', 'quels', 'quelles',
      'combien', 'est-ce', 'pouvez', 'pourriez', 'puis-je', 'peut-on', 'avez-vous', 'avez', 'y a-t-il', 'est-il',
    ],
    de: [
      'was', 'wie', 'wann', 'wo', 'wohin', 'woher', 'warum', 'wieso', 'weshalb', 'wer', 'wen', 'wem', 'welche',
      'welcher', 'welches', 'welchen', 'wieviel', 'wie viel', 'kann', 'können', 'könnt', 'könnten', 'gibt es', 'habt',
      'haben sie', 'ist', 'sind', 'hat', 'wird', 'werden',
    ],
    vi: [
      'tại sao', 'vì sao', 'sao vậy', 'bao nhiêu', 'bao giờ', 'khi nào', 'lúc nào', 'ở đâu', 'chỗ nào', 'thế nào',
      'làm sao', 'được không', 'phải không', 'có không', 'không ạ', 'chưa ạ', 'là gì', 'cái gì', 'gì vậy', 'gì ạ',
    ],
    id: [
      'apa', 'apakah', 'bagaimana', 'gimana', 'kapan', 'di mana', 'dimana', 'mana', 'mengapa', 'kenapa', 'siapa',
      'berapa', 'bisa', 'bisakah', 'boleh', 'bolehkah', 'ada', 'adakah',
    ],
    ar: ['ماذا', 'كيف', 'متى', 'أين', 'اين', 'وين', 'لماذا', 'ليش', 'ليه', 'مين', 'هل', 'كم', 'أي', 'ممكن', 'شو', 'ايش'],
    hi: [
      'क्या', 'क्यों', 'क्यूँ', 'कब', 'कहाँ', 'कहां', 'कौन', 'कैसे', 'कैसा', 'कैसी', 'कितना', 'कितने', 'कितनी', 'किधर',
      'kya', 'kyu', 'kyun', 'kab', 'kahan', 'kaun', 'kaise', 'kitna', 'kitne',
    ],
    bn: [
      'কি', 'কী', 'কেন', 'কখন', 'কবে', 'কোথায়', 'কে', 'কাকে', 'কিভাবে', 'কীভাবে', 'কেমন', 'কোন', 'কোনটা', 'কত', 'কতো',
      'নাকি',
    ],
    km: [
      'អ្វី', 'ម៉េច', 'យ៉ាងម៉េច', 'ដូចម្តេច', 'ពេលណា', 'នៅណា', 'ឯណា', 'កន្លែងណា', 'នរណា', 'អ្នកណា', 'ប៉ុន្មាន', 'ឬទេ',
      'មែនទេ', 'បានអត់', 'មានអត់',
    ],
  },
  complaint: {
    [ANY_LANGUAGE]: ['😡', '🤬', '😠', '😤', '👎'],
    en: [
      'broken', 'broke', 'terrible', 'horrible', 'awful', 'worst', 'disappoint*', 'never again', 'scam*', 'fraud',
      'rude', 'late', 'still waiting', 'unacceptable', 'useless', 'bad service', 'poor service', 'not working',
      "doesn't work", 'does not work', "didn't work", 'damaged', 'defective', 'faulty', 'angry', 'furious',
      'frustrat*', 'ridiculous', 'complain*', 'waste of', 'rip off', 'ripoff', 'ripped off', 'garbage', 'trash',
      'never received', 'never arrived', 'no response', 'no reply', 'ignoring', 'missing',
    ],
    hu: [
      'rossz', 'borzalmas', 'szörnyű', 'katasztrófa', 'csalód*', 'soha többé', 'csalás', 'átverés', 'átvertek',
      'bunkó', 'udvariatlan', 'késik', 'késés*', 'késett', 'még mindig várok', 'még mindig nem', 'elfogadhatatlan',
      'nem működik', 'hibás*', 'sérült*', 'törött', 'eltört', 'panasz*', 'felháborító', 'pofátlan', 'nevetséges',
      'pocsék', 'vacak', 'szar',
    ],
    es: [
      'roto', 'rota', 'terrible', 'horrible', 'pésimo', 'pésima', 'peor', 'decepcion*', 'decepción', 'nunca más',
      'estafa*', 'fraude', 'grosero', 'grosera', 'tarde', 'retraso', 'sigo esperando', 'todavía espero',
      'inaceptable', 'no funciona', 'dañado', 'dañada', 'defectuoso', 'defectuosa', 'queja', 'vergüenza', 'malo',
      'mala', 'mal servicio', 'basura', 'indignad*', 'harto', 'harta',
    ],
    pt: [
      'quebrado', 'quebrada', 'terrível', 'horrível', 'péssimo', 'péssima', 'pior', 'decepcion*', 'decepção',
      'nunca mais', 'golpe', 'fraude', 'enganação', 'grosso', 'grossa', 'mal educado', 'atrasad*', 'atraso',
      'ainda esperando', 'continuo esperando', 'inaceitável', 'não funciona', 'danificad*', 'defeito*',
      'reclamação', 'reclamar', 'vergonha', 'lixo', 'absurdo', 'descaso', 'ruim',
    ],
    fr: [
      'cassé', 'cassée', 'terrible', 'horrible', 'nul', 'nulle', 'pire', 'déçu', 'déçue', 'décevant*', 'déception',
      'plus jamais', 'arnaque*', 'escroquerie', 'escroc*', 'impoli', 'impolie', 'en retard', 'retard', 'toujours en attente',
      "j'attends toujours", 'inacceptable', 'ne fonctionne pas', 'ne marche pas', 'marche pas', 'endommagé*',
      'défectueu*', 'plainte', 'honteux', 'honte', 'scandaleu*', 'lamentable', 'inadmissible',
    ],
    de: [
      'kaputt', 'defekt', 'schrecklich', 'furchtbar', 'schlimmste*', 'schlechteste*', 'schlecht', 'enttäusch*',
      'nie wieder', 'betrug', 'betrüger', 'abzocke', 'unhöflich', 'frech', 'verspätet', 'verspätung', 'zu spät',
      'warte immer noch', 'immer noch nicht', 'inakzeptabel', 'unverschämt', 'funktioniert nicht', 'beschädigt',
      'beschwerde', 'reklamation', 'katastrophe', 'frechheit', 'mist',
    ],
    vi: [
      'hỏng', 'tệ', 'tồi tệ', 'kinh khủng', 'thất vọng', 'không bao giờ', 'lừa đảo', 'lừa', 'thô lỗ', 'chậm', 'trễ',
      'vẫn chờ', 'vẫn đợi', 'vẫn chưa nhận', 'không chấp nhận', 'không hoạt động', 'bực mình', 'bực', 'khiếu nại',
      'phàn nàn', 'kém', 'dở', 'bị lỗi', 'hàng lỗi',
    ],
    id: [
      'rusak', 'buruk', 'parah', 'terburuk', 'kecewa', 'mengecewakan', 'tidak akan lagi', 'penipuan', 'penipu', 'tipu',
      'kasar', 'tidak sopan', 'telat', 'terlambat', 'lambat', 'masih menunggu', 'masih nunggu', 'tidak berfungsi',
      'cacat', 'komplain', 'keluhan', 'jelek', 'lama banget', 'zonk',
    ],
    ar: [
      'مكسور', 'سيء', 'سيئ', 'سيئة', 'سيئه', 'سئ', 'أسوأ', 'اسوأ', 'فظيع', 'مخيب', 'خيبة أمل', 'محبط', 'لن أعود', 'نصب', 'نصابين',
      'احتيال', 'غش', 'وقح', 'قليل الأدب', 'متأخر', 'تأخير', 'تأخر', 'ما زلت أنتظر', 'لا زلت انتظر', 'غير مقبول',
      'لا يعمل', 'ما يشتغل', 'تالف', 'معيب', 'شكوى', 'زفت', 'مهزلة',
    ],
    hi: [
      'टूटा', 'टूटी', 'खराब', 'ख़राब', 'बेकार', 'बुरा', 'बहुत बुरा', 'निराश', 'धोखा', 'धोखाधड़ी', 'फ्रॉड', 'बदतमीज़',
      'बदतमीज', 'देर', 'देरी', 'लेट', 'अभी तक नहीं', 'अस्वीकार्य', 'काम नहीं कर रहा', 'शिकायत', 'घटिया', 'बकवास',
      'bekar', 'bakwas', 'ghatiya', 'kharab', 'dhokha',
    ],
    bn: [
      'ভাঙা', 'ভাঙ্গা', 'খারাপ', 'জঘন্য', 'বাজে', 'হতাশ', 'প্রতারণা', 'প্রতারক', 'ভুয়া', 'বাটপার', 'অভদ্র', 'দেরি',
      'দেরী', 'লেট', 'এখনও পাইনি', 'অগ্রহণযোগ্য', 'কাজ করে না', 'নষ্ট', 'অভিযোগ', 'ফালতু', 'ধোকা', 'ধোঁকা',
    ],
    km: [
      'ខូច', 'អាក្រក់', 'ខកចិត្ត', 'បោកប្រាស់', 'ឆបោក', 'យឺត', 'យូរពេក', 'ចាំយូរ', 'មិនពេញចិត្ត', 'ត្អូញត្អែរ', 'អន់',
      'ឈ្លើយ', 'មិនដំណើរការ',
    ],
  },
  order: {
    en: [
      'order*', 'refund*', 'return', 'returns', 'returned', 'returning', 'deliver*', 'shipping', 'shipped',
      'shipment*', 'tracking', 'track my', 'size', 'sizes', 'sizing', 'stock', 'restock*', 'package*', 'parcel*',
      'exchange*', 'courier*', 'dispatch*', 'invoice*', 'receipt', 'warranty', 'cancel*',
    ],
    hu: [
      'rendel*', 'visszatérít*', 'visszaküld*', 'pénz vissza', 'pénzvisszafizetés', 'szállít*', 'kiszállít*',
      'futár*', 'csomag*', 'nyomkövet*', 'követési szám', 'méret*', 'raktár*', 'készlet*', 'csere*', 'cserél*',
      'számla*', 'garancia*', 'lemond*',
    ],
    es: [
      'pedido*', 'reembols*', 'devolución', 'devoluciones', 'devolver', 'envío*', 'envio*', 'entrega*', 'seguimiento',
      'talla*', 'stock', 'existencias', 'paquete*', 'cambiar', 'mensajería', 'factura*', 'garantía', 'cancelar*',
    ],
    pt: [
      'pedido*', 'reembolso*', 'estorno', 'devolução', 'devolver', 'troca*', 'trocar', 'entrega*', 'envio*', 'frete',
      'rastreio', 'rastreamento', 'tamanho*', 'estoque', 'encomenda*', 'pacote*', 'correios', 'transportadora',
      'nota fiscal', 'garantia', 'cancelar*',
    ],
    fr: [
      'commande*', 'commander', 'rembours*', 'retour*', 'renvoyer', 'livraison*', 'livré*', 'livrer', 'expédition*',
      'expédié*', 'envoi', 'suivi', 'taille*', 'pointure', 'stock', 'rupture de stock', 'colis', 'échange*', 'échanger',
      'facture*', 'garantie', 'annuler', 'annulation',
    ],
    de: [
      'bestell*', 'rückerstatt*', 'erstattung', 'geld zurück', 'rücksend*', 'retoure*', 'umtausch*', 'zurückschicken',
      'liefer*', 'geliefert', 'versand*', 'verschickt', 'sendung*', 'tracking*', 'größe*', 'grösse*', 'lager*',
      'vorrätig', 'paket*', 'päckchen', 'rechnung*', 'garantie', 'storn*',
    ],
    vi: [
      'đơn hàng', 'đặt hàng', 'hoàn tiền', 'trả hàng', 'đổi trả', 'đổi hàng', 'giao hàng', 'vận chuyển', 'phí ship',
      'mã vận đơn', 'kích thước', 'còn hàng', 'hết hàng', 'kiện hàng', 'gói hàng', 'bưu kiện', 'hóa đơn', 'hoá đơn',
      'bảo hành', 'hủy đơn', 'huỷ đơn',
    ],
    id: [
      'pesanan*', 'orderan', 'pengembalian dana', 'uang kembali', 'retur', 'tukar', 'penukaran', 'pengiriman', 'kirim',
      'dikirim', 'ongkir', 'resi', 'lacak', 'ukuran', 'stok', 'paket', 'kurir', 'garansi', 'pembatalan',
    ],
    ar: [
      'طلب', 'الطلب', 'طلبي', 'طلبية', 'الطلبية', 'طلبيتي', 'استرجاع', 'استرداد', 'إرجاع', 'ارجاع', 'استبدال',
      'تبديل', 'توصيل', 'التوصيل', 'شحن', 'الشحن', 'الشحنة', 'تتبع', 'مقاس', 'المقاس', 'مقاسات', 'متوفر', 'متوفرة',
      'المخزون', 'طرد', 'الطرد', 'فاتورة', 'الفاتورة', 'ضمان', 'الضمان', 'إلغاء', 'الغاء',
    ],
    hi: [
      'ऑर्डर', 'आर्डर', 'रिफंड', 'रिफण्ड', 'वापसी', 'पैसे वापस', 'रिटर्न', 'डिलीवरी', 'डिलिवरी', 'शिपिंग', 'ट्रैकिंग',
      'साइज़', 'साइज', 'स्टॉक', 'पैकेट', 'पार्सल', 'एक्सचेंज', 'कूरियर', 'बिल', 'वारंटी', 'कैंसल', 'रद्द',
    ],
    bn: [
      'অর্ডার*', 'অডার*', 'রিফান্ড*', 'ফেরত', 'টাকা ফেরত', 'রিটার্ন*', 'ডেলিভারি*', 'শিপিং', 'ট্র্যাকিং', 'সাইজ*',
      'মাপ', 'স্টক', 'প্যাকেট*', 'পার্সেল*', 'এক্সচেঞ্জ', 'বদল*', 'কুরিয়ার*', 'বিল', 'ওয়ারেন্টি', 'বাতিল',
      'ক্যান্সেল',
    ],
    km: [
      'កម្ម៉ង់', 'កុម្ម៉ង់', 'ខុមម៉ង់', 'បញ្ជាទិញ', 'សងលុយ', 'សងប្រាក់', 'ប្តូរ', 'ប្ដូរ', 'ដឹកជញ្ជូន', 'សេវាដឹក',
      'ទំហំ', 'សាយ', 'ស្តុក', 'ស្ដុក', 'កញ្ចប់', 'អីវ៉ាន់', 'វិក្កយបត្រ', 'ធានា', 'តាមដាន',
    ],
  },
};

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
    for (const l of Object.keys(BUILTIN_LABEL_WORDS[kind])) all.add(l);
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
/** A sentence starts at the beginning, after sentence punctuation or a comma, after quotes and leading @mentions. */
const SENTENCE_START = '(?<=(?:^|[.!?¿¡…:;,\\n؟،。！？])[\\s"\'“”«»(\\[¡¿]*(?:@[\\p{L}\\p{N}_.]+[\\s,:]*)*)';

const matcherCache = new Map<string, Matcher>();

function matcherFor(
  kind: LabelKind,
  langs: { list: string[]; known: boolean },
  extra: LabelWords | undefined,
): Matcher {
  const anywhere: string[] = [];
  const atStart: string[] = [];
  const builtin = BUILTIN_LABEL_WORDS[kind];
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
  const parts: string[] = [];
  const startAlt = alternation(atStart, substrings);
  const anyAlt = alternation(anywhere, substrings);
  if (startAlt) parts.push(`${SENTENCE_START}${startAlt}`);
  if (anyAlt) parts.push(anyAlt);
  const re = parts.length ? new RegExp(parts.join('|'), 'u') : null;
  return { test: (text) => (re?.test(text) ?? false) || substrings.some((s) => text.includes(s)) };
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
