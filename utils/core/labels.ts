// Buffer-style labels (Question / Complaint / Order): the built-in word lists per language, and the matching from
// ./label-match (how words match is described there). Importing this module puts the lists in use; content scripts
// import ./label-match alone and get the lists from the background ('labels.builtin').
import { ANY_LANGUAGE, type BuiltinLabelWords, setBuiltinLabelWords } from './label-match';

export {
  ANY_LANGUAGE,
  LABEL_KINDS,
  type LabelWords,
  labelsFor,
  QUESTION_WORDS_AT_START,
} from './label-match';

// biome-ignore format: word lists read better packed
export const BUILTIN_LABEL_WORDS: BuiltinLabelWords = {
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

setBuiltinLabelWords(BUILTIN_LABEL_WORDS);
