// Which saved replies fit a comment: the ones in the comment's language (the site's `lang`, else detected from its
// text: `commentLanguage` in detect-language.ts, which the background works out for content scripts), then those
// tagged for its labels, then the ones used most. Within one opening of the picker the order is fixed (digits pick
// by position); a use moves a template up among equals only the next time.
import type { LabelKind } from './settings';
import type { Template } from './template';

export const MAX_SUGGESTIONS = 5;

// Language codes that say nothing about the language: X marks media-only or hashtag-only posts with "qme", "qht", …
// (the private-use range qaa–qtz), "und" undetermined, "zxx" no linguistic content, "mul" several.
const NO_LANGUAGE = /^(und|zxx|mul|q[a-t][a-z])$/;

/** The primary language subtag, lower-cased ("pt-BR" → "pt"), or null when the code names no language. */
export function primaryLanguage(tag: string | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (!/^[a-z]{2,8}$/.test(primary) || NO_LANGUAGE.test(primary)) return null;
  return primary;
}

/** Tags that answer a label besides the label's own name: a question wants answers, a complaint an apology or an
 * escalation, an order the order help. Compared after tagWord (singular, lower case, no "#", no accents). */
const LABEL_TAGS: Record<LabelKind, readonly string[]> = {
  question: ['question', 'answer', 'faq', 'info', 'availability', 'sizing'],
  complaint: ['complaint', 'apology', 'sorry', 'escalation', 'escalate', 'crisis', 'acknowledge'],
  order: ['order', 'order-help', 'tracking', 'shipping', 'delivery', 'return', 'refund'],
};

/** A tag in either number, with or without "#": "question", "Questions", "#order" → "question", "order". */
function tagWord(tag: string): string {
  return tag.trim().replace(/^#/, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/s$/, '');
}

/** The labels a template's tags answer. */
function labelsOf(tags: readonly string[]): Set<LabelKind> {
  const words = new Set(tags.map(tagWord));
  const out = new Set<LabelKind>();
  for (const label of Object.keys(LABEL_TAGS) as LabelKind[]) {
    if (LABEL_TAGS[label].some((w) => words.has(w))) out.add(label);
  }
  return out;
}

/**
 * Ids of the templates to suggest for a comment, best first, at most five. A template qualifies when it is in the
 * comment's language or answers one of its labels; language counts more than labels (a reply in the wrong
 * language cannot be sent as is), then how many labels it answers, then how often it was used; remaining ties keep
 * the templates' own order. Trashed templates are never suggested. `language`: the comment's primary language
 * (`commentLanguage`), null when unknown.
 */
export function suggestTemplates(
  templates: Template[],
  ctx: { language: string | null; labels: readonly LabelKind[] },
): string[] {
  const lang = ctx.language;
  const scored: { id: string; score: number; hits: number; uses: number; order: number; index: number }[] = [];
  templates.forEach((t, index) => {
    if (t.deletedAt !== undefined) return;
    const sameLanguage = lang !== null && primaryLanguage(t.language) === lang;
    const answers = labelsOf(t.tags);
    const hits = ctx.labels.filter((l) => answers.has(l)).length;
    if (!sameLanguage && hits === 0) return;
    const score = (sameLanguage ? 2 : 0) + (hits > 0 ? 1 : 0);
    scored.push({ id: t.id, score, hits, uses: t.useCount, order: t.order, index });
  });
  scored.sort(
    (a, b) => b.score - a.score || b.hits - a.hits || b.uses - a.uses || a.order - b.order || a.index - b.index,
  );
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.id);
}
