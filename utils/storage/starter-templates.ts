// Replies offered on first run so a new user has something useful before writing their own.
// One set per language, each written for that language's brand voice on social, not translated line by line.
// Covers what social-care guidance asks of brands: acknowledge, thank, ask for feedback, move to private messages
// (never ask for personal data in public), a crisis holding line (empathy, no blame, no guesses), and the common
// order questions. Every body fits one X reply (280 weighted characters; Khmer counts double) once filled in.
// Tags are English so label-based suggestions ('question', 'complaint', 'order') find them in every language.
import type { TemplateDraft } from '../core/template';

export type StarterTemplate = TemplateDraft & { key: string };

const ENGLISH: StarterTemplate[] = [
  {
    key: 'en-ack-followup',
    title: 'Acknowledge and follow up',
    body: 'Hi {first_name}, thanks for flagging this, and sorry for the trouble. I’ve shared it with our team and will update you here {cursor}.{agent? – {agent}}',
    shortcut: 'ack',
    language: 'en',
    tags: ['acknowledge', 'complaint'],
  },
  {
    key: 'en-thanks',
    title: 'Thanks for commenting or sharing',
    body: 'Thank you so much for the kind words and for sharing, {first_name}! Comments like yours make the whole team’s day.{agent? – {agent}}',
    shortcut: 'ty',
    language: 'en',
    tags: ['thanks'],
  },
  {
    key: 'en-feedback',
    title: 'Ask for feedback',
    body: 'We’d love your honest take, {first_name}: what did you like about {cursor}, and what would make it better? Our team reads every reply.{agent? – {agent}}',
    shortcut: 'fb',
    language: 'en',
    tags: ['feedback'],
  },
  {
    key: 'en-private-message',
    title: 'Move to private messages',
    body: 'Sorry to hear that, {first_name}. We want to get this sorted for you: please send us a DM with your order number. For your privacy, don’t post personal details here.{agent? – {agent}}',
    shortcut: 'dm',
    language: 'en',
    tags: ['private-message', 'complaint', 'order'],
  },
  {
    key: 'en-crisis-holding',
    title: 'Crisis holding reply',
    body: 'Hi {first_name}, we understand your concern and we’re taking it seriously. Our team is looking into this now, and we’ll share an update here as soon as we have confirmed information. Thank you for your patience. – {brand}',
    shortcut: 'crisis',
    language: 'en',
    tags: ['crisis', 'complaint'],
  },
  {
    key: 'en-order-tracking',
    title: 'Order tracking',
    body: 'Hi {first_name}, orders usually arrive within {cursor} of dispatch, and your tracking link is in your shipping email. If it hasn’t moved, DM us your order number and we’ll check.{agent? – {agent}}',
    shortcut: 'track',
    language: 'en',
    tags: ['order', 'tracking'],
  },
  {
    key: 'en-returns-refund',
    title: 'Returns and refunds',
    body: 'Sorry it didn’t work out, {first_name}! Unused items can be returned within {cursor} for a full refund. DM us your order number and we’ll send you the next steps.{agent? – {agent}}',
    shortcut: 'ret',
    language: 'en',
    tags: ['returns', 'refund', 'order'],
  },
  {
    key: 'en-availability-sizing',
    title: 'Availability and sizing',
    body: 'Great question, {first_name}! {cursor} If you’re unsure about sizing, the size guide on each product page lists exact measurements. Happy to help by DM too.{agent? – {agent}}',
    shortcut: 'size',
    language: 'en',
    tags: ['availability', 'sizing', 'question', 'order'],
  },
];

// Informal "te" register throughout (szia, jelezted, küldd): what most Hungarian consumer brands use on social.
const HUNGARIAN: StarterTemplate[] = [
  {
    key: 'hu-ack-followup',
    title: 'Nyugtázás és visszajelzés',
    body: 'Szia {first_name}! Köszönjük, hogy jelezted, és sajnáljuk a kellemetlenséget. Továbbítottam a kollégáknak, és {cursor} itt jelentkezem a fejleményekkel.{agent? – {agent}}',
    shortcut: 'ack-hu',
    language: 'hu',
    tags: ['acknowledge', 'complaint'],
  },
  {
    key: 'hu-thanks',
    title: 'Köszönet hozzászólásért, megosztásért',
    body: 'Nagyon köszönjük a kedves szavakat és a megosztást, {first_name}! Az ilyen üzenetek az egész csapat napját bearanyozzák.{agent? – {agent}}',
    shortcut: 'ty-hu',
    language: 'hu',
    tags: ['thanks'],
  },
  {
    key: 'hu-feedback',
    title: 'Vélemény kérése',
    body: 'Szia {first_name}, köszönjük, hogy kipróbáltad! Őszintén érdekel minket a véleményed: mi tetszett, és min változtatnál? Minden választ elolvasunk.{agent? – {agent}}',
    shortcut: 'fb-hu',
    language: 'hu',
    tags: ['feedback'],
  },
  {
    key: 'hu-private-message',
    title: 'Átterelés privát üzenetbe',
    body: 'Szia {first_name}, sajnáljuk, hogy ez történt! Szeretnénk mielőbb rendezni: kérlek, küldd el privát üzenetben a rendelésszámodat. Személyes adatot kérlek, ne ossz meg itt nyilvánosan.{agent? – {agent}}',
    shortcut: 'dm-hu',
    language: 'hu',
    tags: ['private-message', 'complaint', 'order'],
  },
  {
    key: 'hu-crisis-holding',
    title: 'Válsághelyzet – első válasz',
    body: 'Szia {first_name}! Megértjük az aggodalmadat, és komolyan vesszük. A csapatunk már vizsgálja a helyzetet, és amint megerősített információnk van, itt tájékoztatunk. Köszönjük a türelmedet! – {brand}',
    shortcut: 'crisis-hu',
    language: 'hu',
    tags: ['crisis', 'complaint'],
  },
  {
    key: 'hu-order-tracking',
    title: 'Rendelés követése',
    body: 'Szia {first_name}! A rendelések általában a feladástól számított {cursor} belül megérkeznek, a követési linket a szállítási e-mailben találod. Ha nem mozdul a csomag, írj privátban a rendelésszámoddal, és utánanézünk!{agent? – {agent}}',
    shortcut: 'track-hu',
    language: 'hu',
    tags: ['order', 'tracking'],
  },
  {
    key: 'hu-returns-refund',
    title: 'Visszaküldés és visszatérítés',
    body: 'Szia {first_name}, sajnáljuk, hogy nem vált be! A nem használt termékeket {cursor} belül visszaküldheted, és a teljes árat visszatérítjük. Írd meg privátban a rendelésszámodat, és elküldjük a teendőket.{agent? – {agent}}',
    shortcut: 'ret-hu',
    language: 'hu',
    tags: ['returns', 'refund', 'order'],
  },
  {
    key: 'hu-availability-sizing',
    title: 'Elérhetőség és méret',
    body: 'Jó kérdés, {first_name}! {cursor} Ha nem vagy biztos a méretben, a termékoldalon lévő mérettáblázatban megnézheted a pontos adatokat. Privátban is szívesen segítünk!{agent? – {agent}}',
    shortcut: 'size-hu',
    language: 'hu',
    tags: ['availability', 'sizing', 'question', 'order'],
  },
];

// Polite আপনি throughout; "ইনবক্স" is how Bangladeshi brand pages ask people to message them privately.
const BENGALI: StarterTemplate[] = [
  {
    key: 'bn-ack-followup',
    title: 'স্বীকৃতি ও ফলো-আপ',
    body: 'প্রিয় {first_name}, বিষয়টি জানানোর জন্য ধন্যবাদ, অসুবিধার জন্য আমরা আন্তরিকভাবে দুঃখিত। আমাদের টিম এটি দেখছে, {cursor} মধ্যে এখানেই আপনাকে আপডেট জানাব।{agent? – {agent}}',
    shortcut: 'ack-bn',
    language: 'bn',
    tags: ['acknowledge', 'complaint'],
  },
  {
    key: 'bn-thanks',
    title: 'মন্তব্য বা শেয়ারের জন্য ধন্যবাদ',
    body: 'অনেক ধন্যবাদ, {first_name}! আপনার সুন্দর মন্তব্য আর শেয়ারের জন্য আমরা কৃতজ্ঞ। এমন ভালোবাসাই আমাদের এগিয়ে চলার অনুপ্রেরণা।{agent? – {agent}}',
    shortcut: 'ty-bn',
    language: 'bn',
    tags: ['thanks'],
  },
  {
    key: 'bn-feedback',
    title: 'মতামত চাওয়া',
    body: '{first_name}, আমাদের সাথে থাকার জন্য ধন্যবাদ! আপনার মতামত জানতে চাই: কোনটি ভালো লেগেছে, আর কোথায় আমরা আরও ভালো করতে পারি? প্রতিটি মন্তব্য আমরা মন দিয়ে পড়ি।{agent? – {agent}}',
    shortcut: 'fb-bn',
    language: 'bn',
    tags: ['feedback'],
  },
  {
    key: 'bn-private-message',
    title: 'ইনবক্সে কথা বলার অনুরোধ',
    body: '{first_name}, এমন অভিজ্ঞতার জন্য আমরা দুঃখিত। দ্রুত সমাধানের জন্য অনুগ্রহ করে ইনবক্সে আপনার অর্ডার নম্বরটি পাঠান। নিরাপত্তার জন্য এখানে কোনো ব্যক্তিগত তথ্য দেবেন না।{agent? – {agent}}',
    shortcut: 'dm-bn',
    language: 'bn',
    tags: ['private-message', 'complaint', 'order'],
  },
  {
    key: 'bn-crisis-holding',
    title: 'সংকটকালীন প্রাথমিক উত্তর',
    body: 'প্রিয় {first_name}, আপনার উদ্বেগ আমরা বুঝতে পারছি। আমাদের টিম বিষয়টি গুরুত্বের সাথে খতিয়ে দেখছে। নিশ্চিত তথ্য পাওয়ামাত্র এখানেই জানাব। ধৈর্য ধরার জন্য ধন্যবাদ। – {brand}',
    shortcut: 'crisis-bn',
    language: 'bn',
    tags: ['crisis', 'complaint'],
  },
  {
    key: 'bn-order-tracking',
    title: 'অর্ডার ট্র্যাকিং',
    body: 'প্রিয় {first_name}, সাধারণত পাঠানোর {cursor} মধ্যে অর্ডার পৌঁছে যায়; ট্র্যাকিং লিংক শিপিং ইমেইলে পাবেন। আপডেট না থাকলে ইনবক্সে অর্ডার নম্বরটি দিন, আমরা দেখে জানাচ্ছি।{agent? – {agent}}',
    shortcut: 'track-bn',
    language: 'bn',
    tags: ['order', 'tracking'],
  },
  {
    key: 'bn-returns-refund',
    title: 'রিটার্ন ও রিফান্ড',
    body: 'প্রিয় {first_name}, পণ্যটি পছন্দ না হওয়ায় আমরা দুঃখিত। অব্যবহৃত পণ্য {cursor} মধ্যে ফেরত দিলে পুরো টাকা ফেরত পাবেন। ইনবক্সে অর্ডার নম্বরটি দিন, রিটার্নের ধাপগুলো জানিয়ে দেব।{agent? – {agent}}',
    shortcut: 'ret-bn',
    language: 'bn',
    tags: ['returns', 'refund', 'order'],
  },
  {
    key: 'bn-availability-sizing',
    title: 'স্টক ও সাইজ',
    body: 'ভালো প্রশ্ন, {first_name}! {cursor} সাইজ নিয়ে নিশ্চিত না হলে প্রোডাক্ট পেজের সাইজ চার্টে মাপ দেখে নিতে পারেন। ইনবক্সে জানালে আমরাও সাহায্য করব।{agent? – {agent}}',
    shortcut: 'size-bn',
    language: 'bn',
    tags: ['availability', 'sizing', 'question', 'order'],
  },
];

// Polite លោកអ្នក for the customer and យើងខ្ញុំ for the brand. X counts Khmer double, so these stay short.
const KHMER: StarterTemplate[] = [
  {
    key: 'km-ack-followup',
    title: 'ទទួលដំណឹង និងសន្យាឆ្លើយតប',
    body: 'សួស្តី {first_name} អរគុណដែលបានជូនដំណឹង និងសូមអភ័យទោសចំពោះការរអាក់រអួល។ យើងខ្ញុំកំពុងពិនិត្យ ហើយនឹងឆ្លើយតបនៅទីនេះ {cursor}។{agent? {agent}}',
    shortcut: 'ack-km',
    language: 'km',
    tags: ['acknowledge', 'complaint'],
  },
  {
    key: 'km-thanks',
    title: 'អរគុណសម្រាប់មតិ និងការចែករំលែក',
    body: 'សូមអរគុណច្រើន {first_name} ចំពោះមតិ និងការចែករំលែក។ ការគាំទ្ររបស់លោកអ្នក ជាកម្លាំងចិត្តដ៏ធំសម្រាប់ក្រុមការងារយើងខ្ញុំ។{agent? {agent}}',
    shortcut: 'ty-km',
    language: 'km',
    tags: ['thanks'],
  },
  {
    key: 'km-feedback',
    title: 'សុំមតិយោបល់',
    body: 'សួស្តី {first_name} យើងខ្ញុំចង់ដឹងមតិរបស់លោកអ្នក៖ តើលោកអ្នកពេញចិត្តអ្វីខ្លះ ហើយយើងគួរកែលម្អអ្វីខ្លះ? យើងខ្ញុំអានគ្រប់មតិ។{agent? {agent}}',
    shortcut: 'fb-km',
    language: 'km',
    tags: ['feedback'],
  },
  {
    key: 'km-private-message',
    title: 'ផ្ទេរទៅសារឯកជន',
    body: 'សូមអភ័យទោស {first_name}។ ដើម្បីដោះស្រាយឱ្យបានឆាប់ សូមផ្ញើលេខបញ្ជាទិញមកយើងខ្ញុំតាមសារឯកជន។ សូមកុំចែករំលែកព័ត៌មានផ្ទាល់ខ្លួននៅទីនេះ។{agent? {agent}}',
    shortcut: 'dm-km',
    language: 'km',
    tags: ['private-message', 'complaint', 'order'],
  },
  {
    key: 'km-crisis-holding',
    title: 'ឆ្លើយតបបណ្ដោះអាសន្នពេលមានវិបត្តិ',
    body: '{first_name} យើងខ្ញុំយល់ពីការព្រួយបារម្ភរបស់លោកអ្នក។ យើងកំពុងពិនិត្យជាបន្ទាន់ ហើយនឹងជូនដំណឹងនៅទីនេះ ពេលមានព័ត៌មានច្បាស់។ អរគុណចំពោះការអត់ធ្មត់។ {brand}',
    shortcut: 'crisis-km',
    language: 'km',
    tags: ['crisis', 'complaint'],
  },
  {
    key: 'km-order-tracking',
    title: 'តាមដានការបញ្ជាទិញ',
    body: 'សួស្តី {first_name} ជាធម្មតាទំនិញដល់ដៃក្នុងរយៈពេល {cursor}។ បើមិនទាន់ទទួលបាន សូមផ្ញើលេខបញ្ជាទិញតាមសារឯកជន យើងខ្ញុំនឹងតាមដានជូន។{agent? {agent}}',
    shortcut: 'track-km',
    language: 'km',
    tags: ['order', 'tracking'],
  },
  {
    key: 'km-returns-refund',
    title: 'ប្រគល់ទំនិញ និងសងប្រាក់វិញ',
    body: 'សូមអភ័យទោស {first_name}។ ទំនិញមិនទាន់ប្រើ អាចប្រគល់មកវិញ និងទទួលប្រាក់វិញក្នុងរយៈពេល {cursor}។ សូមផ្ញើលេខបញ្ជាទិញតាមសារឯកជន។{agent? {agent}}',
    shortcut: 'ret-km',
    language: 'km',
    tags: ['returns', 'refund', 'order'],
  },
  {
    key: 'km-availability-sizing',
    title: 'ស្តុក និងទំហំ',
    body: 'សួស្តី {first_name} {cursor} បើមិនប្រាកដពីទំហំ សូមមើលតារាងទំហំនៅទំព័រផលិតផល ឬផ្ញើសារឯកជនមក យើងខ្ញុំរីករាយជួយ។{agent? {agent}}',
    shortcut: 'size-km',
    language: 'km',
    tags: ['availability', 'sizing', 'question', 'order'],
  },
];

export const STARTER_TEMPLATES: ReadonlyArray<StarterTemplate> = [...ENGLISH, ...HUNGARIAN, ...BENGALI, ...KHMER];
