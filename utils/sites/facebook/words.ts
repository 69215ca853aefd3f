// The few Facebook words Reply Radar needs, per interface language. Reading never depends on them alone: each use
// has a structural fallback (or says "incomplete" when unsure). Text only, no DOM: tested directly.
// Unknown languages fall back to structure, never to a guess that could hide a comment. The words themselves are in
// ./word-lists.ts, handed in by `setFacebookWords` (the content script gets them from the background).
import { normalizeTimeText } from '../../core/time-text';

const norm = (text: string) => normalizeTimeText(text);

/** The words, as data that can be sent (./word-lists.ts): the patterns as RegExp sources. */
export interface FacebookWords {
  moreReplies: string[];
  moreComments: string[];
  replied: string[];
  filteredOrder: string[];
  commentWords: string;
  /** Matched case-insensitively. */
  commentAs: string[];
}

// Empty until the words are handed in: every use then falls back to structure (or "incomplete"), never a guess.
let MORE_REPLIES: RegExp[] = [];
let MORE_COMMENTS: RegExp[] = [];
let REPLIED: RegExp[] = [];
let FILTERED_ORDER: string[] = [];
let COMMENT_WORDS = /$^/;
let COMMENT_AS: RegExp[] = [];

/** The words every later reading uses. */
export function setFacebookWords(w: FacebookWords): void {
  const compile = (sources: string[], flags = '') => sources.map((source) => new RegExp(source, flags));
  MORE_REPLIES = compile(w.moreReplies);
  MORE_COMMENTS = compile(w.moreComments);
  REPLIED = compile(w.replied);
  FILTERED_ORDER = w.filteredOrder.map(norm);
  COMMENT_WORDS = new RegExp(w.commentWords);
  COMMENT_AS = compile(w.commentAs, 'i');
}

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

export function isFilteredOrder(label: string): boolean {
  const text = norm(label);
  return text.length > 0 && text.length < 40 && FILTERED_ORDER.includes(text);
}

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

export function actingNameIn(label: string): string | null {
  const text = label
    .normalize('NFC')
    .replace(/[\u200E\u200F\u061C]/g, '')
    .replace(/[.…]+$/, '')
    .trim();
  for (const re of COMMENT_AS) {
    const m = re.exec(text);
    if (m?.[1]) return m[1].trim();
  }
  return null;
}
