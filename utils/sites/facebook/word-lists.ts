// The Facebook words Reply Radar reads by (./words.ts says how), per interface language: plain data, the patterns as
// their sources. The background and the extension's pages import this module, which puts the words in use; the
// Facebook content script gets them from the background once at startup ('facebook.words'), so they stay out of its
// bundle (issue #10: under 30 KB gzip).
// Wording beyond English is from Facebook's translations as users report them.
import { type FacebookWords, setFacebookWords } from './words';

const sources = (patterns: RegExp[]) => patterns.map((re) => re.source);

export const FACEBOOK_WORDS: FacebookWords = {
  /** "View all 5 replies", "View 1 reply", "View more replies", "View previous replies", in each language. */
  moreReplies: sources([
    /^view (all )?\d+ (more )?repl(y|ies)$/,
    /^view (more|previous) repl(y|ies)$/,
    /^\d+ repl(y|ies)$/,
    /^(az összes )?\d* ?válasz(ok)? megtekintése( \(\d+\))?$/,
    /^(további|korábbi) válaszok( megtekintése)?$/,
    /^ver (las |la )?\d* ?(más )?respuestas?$/,
    /^ver (más|anteriores) respuestas$/,
    /^xem (tất cả )?\d+ phản hồi$/,
    /^xem (thêm|các) phản hồi( trước)?$/,
    /উত্তর দেখুন$/,
    /^មើល.*ការឆ្លើយតប/,
    /^عرض (كل |جميع )?(الردود|رد|ردين|ردود)/,
    /^afficher (les )?\d* ?réponses?$/,
    /^\d+ antworten? ansehen$/,
    /^ver (todas as )?\d* ?respostas?$/,
    /^lihat (semua )?\d* ?balasan$/,
  ]),
  /** "View more comments", "View previous comments". */
  moreComments: sources([
    /^view (more|previous) comments$/,
    /^(további|korábbi) hozzászólások( megtekintése)?$/,
    /^ver (más|los anteriores) comentarios$/,
    /^xem thêm bình luận$/,
    /^আরও মন্তব্য দেখুন$/,
    /^មើលមតិយោបល់(ច្រើន)?(ទៀត|បន្ថែម)/,
    /^عرض (المزيد من|تعليقات) (التعليقات|سابقة)$/,
    /^afficher plus de commentaires$/,
    /^weitere kommentare ansehen$/,
    /^ver mais comentários$/,
    /^lihat komentar (lainnya|sebelumnya)$/,
  ]),
  /** "Acme Coffee replied · 2 Replies": the replier's name before the verb. */
  replied: sources([
    /^(.+?) replied\s*·/,
    /^(.+?) válaszolt\s*·/,
    /^(.+?) respondió\s*·/,
    /^(.+?) đã trả lời\s*·/,
    /^(.+?) a répondu\s*·/,
    /^(.+?) hat geantwortet\s*·/,
    /^(.+?) respondeu\s*·/,
    /^(.+?) membalas\s*·/,
  ]),
  /** The comment order menu set to a filtered order ("Most relevant", Facebook's default, hides comments). */
  filteredOrder: [
    'most relevant',
    'top comments',
    'legrelevánsabb',
    'legrelevánsabbak',
    'más relevantes',
    'phù hợp nhất',
    'সবচেয়ে প্রাসঙ্গিক',
    'ពាក់ព័ន្ធបំផុត',
    'الأكثر صلة',
    'الاكثر صلة',
    'plus pertinents',
    'relevanteste',
    'mais relevantes',
    'paling relevan',
  ],
  /** "820 comments", "1.2K comments", "৮২০টি মন্তব্য", "٨٢٠ تعليقًا": the post's own count of its comments. */
  commentWords:
    /^(comments?|hozzászólás|comentarios?|bình luận|টি মন্তব্য|মন্তব্য|មតិ(?:យោបល់)?|تعليقات?|تعليقًا|تعليقا|commentaires?|kommentare?|comentários?|komentar)$/
      .source,
  /**
   * "Comment as Acme Coffee" and its translations: the acting identity's name, when the box says it.
   * Matched case-insensitively.
   */
  commentAs: sources([
    /^comment as (.+)$/,
    /^reply as (.+)$/,
    /^hozzászólás mint (.+)$/,
    /^comentar como (.+)$/,
    /^bình luận dưới tên (.+)$/,
    /^التعليق باسم (.+)$/,
    /^commenter en tant que (.+)$/,
    /^als (.+) kommentieren$/,
    /^(.+) হিসেবে মন্তব্য করুন$/,
  ]),
};

setFacebookWords(FACEBOOK_WORDS);
