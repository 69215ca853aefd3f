// The few Facebook words Reply Radar needs, per interface language. Reading never depends on them alone: each use
// has a structural fallback (or says "incomplete" when unsure). Text only, no DOM: tested directly.
// Wording beyond English is from Facebook's translations as users report them; unknown languages fall back to
// structure, never to a guess that could hide a comment.
import { normalizeTimeText } from '../../core/time-text';

const norm = (text: string) => normalizeTimeText(text);

/** "View all 5 replies", "View 1 reply", "View more replies", "View previous replies", in each language. */
const MORE_REPLIES: RegExp[] = [
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
];

/** "View more comments", "View previous comments". */
const MORE_COMMENTS: RegExp[] = [
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
];

/** "Acme Coffee replied · 2 Replies": the replier's name before the verb. */
const REPLIED: RegExp[] = [
  /^(.+?) replied\s*·/,
  /^(.+?) válaszolt\s*·/,
  /^(.+?) respondió\s*·/,
  /^(.+?) đã trả lời\s*·/,
  /^(.+?) a répondu\s*·/,
  /^(.+?) hat geantwortet\s*·/,
  /^(.+?) respondeu\s*·/,
  /^(.+?) membalas\s*·/,
];

export type CollapsedKind = 'more-replies' | 'more-comments';

/** What a control outside the comments says it hides, when its words are known. */
export function collapsedKindOf(label: string): CollapsedKind | null {
  const text = norm(label);
  if (!text) return null;
  if (MORE_COMMENTS.some((re) => re.test(text))) return 'more-comments';
  if (MORE_REPLIES.some((re) => re.test(text)) || repliersIn(label).length) return 'more-replies';
  return null;
}

/** The names a collapsed-replies summary gives ("Acme Coffee replied · 2 Replies" → ["Acme Coffee"]). */
export function repliersIn(label: string): string[] {
  const text = label
    .normalize('NFC')
    .replace(/[\u200E\u200F\u061C]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const re of REPLIED) {
    const m = re.exec(text);
    if (m?.[1]) return [m[1].trim()];
  }
  return [];
}

/** The comment order menu set to a filtered order ("Most relevant", Facebook's default, hides comments). */
const FILTERED_ORDER = [
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
].map(norm);

export function isFilteredOrder(label: string): boolean {
  const text = norm(label);
  return text.length > 0 && text.length < 40 && FILTERED_ORDER.includes(text);
}

/** "820 comments", "1.2K comments", "৮২০টি মন্তব্য", "٨٢٠ تعليقًا": the post's own count of its comments. */
const COMMENT_WORDS =
  /^(comments?|hozzászólás|comentarios?|bình luận|টি মন্তব্য|মন্তব্য|មតិ(?:យោបល់)?|تعليقات?|تعليقًا|تعليقا|commentaires?|kommentare?|comentários?|komentar)$/;

/** The number in a comment-count label, or null when the label is not one. K/M abbreviations give a lower bound. */
export function commentCountIn(label: string): number | null {
  const text = norm(label);
  if (!text || text.length > 40) return null;
  const m = /^(\d[\d.,\s]*)\s*([km]?)\s*(.*)$/.exec(text) ?? null;
  if (!m) return null;
  if (!COMMENT_WORDS.test(m[3]!.trim())) return null;
  const digits = m[1]!.replace(/\s/g, '');
  if (m[2]) return Math.floor(Number.parseFloat(digits.replace(',', '.')) * (m[2] === 'k' ? 1000 : 1_000_000));
  const n = Number(digits.replace(/[.,]/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** "Comment as Acme Coffee" and its translations: the acting identity's name, when the box says it. */
const COMMENT_AS: Array<{ re: RegExp }> = [
  { re: /^comment as (.+)$/i },
  { re: /^reply as (.+)$/i },
  { re: /^hozzászólás mint (.+)$/i },
  { re: /^comentar como (.+)$/i },
  { re: /^bình luận dưới tên (.+)$/i },
  { re: /^التعليق باسم (.+)$/ },
  { re: /^commenter en tant que (.+)$/i },
  { re: /^als (.+) kommentieren$/i },
  { re: /^(.+) হিসেবে মন্তব্য করুন$/ },
];

export function actingNameIn(label: string): string | null {
  const text = label
    .normalize('NFC')
    .replace(/[\u200E\u200F\u061C]/g, '')
    .replace(/[.…]+$/, '')
    .trim();
  for (const { re } of COMMENT_AS) {
    const m = re.exec(text);
    if (m?.[1]) return m[1].trim();
  }
  return null;
}
