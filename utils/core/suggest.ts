// Which saved replies fit a comment: the ones in the comment's language and tagged with its labels.
// The ranking must not depend on use counts: suggested templates come first in the picker, where digits pick by
// position, so the same comment must always get the same order.
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

/** A tag names a label in either number, with or without "#": "question", "Questions", "#order". */
function tagLabel(tag: string): string {
  return tag.trim().replace(/^#/, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/s$/, '');
}

/**
 * Ids of the templates to suggest for a comment, best first, at most five. A template qualifies when it is in the
 * comment's language or tagged with one of its labels; language counts more than labels (a reply in the wrong
 * language cannot be sent as is). Ties keep the templates' own order. Trashed templates are never suggested.
 */
export function suggestTemplates(templates: Template[], ctx: { lang?: string; labels: LabelKind[] }): string[] {
  const lang = primaryLanguage(ctx.lang);
  const labels = new Set<string>(ctx.labels);
  const scored: { id: string; score: number; hits: number; order: number; index: number }[] = [];
  templates.forEach((t, index) => {
    if (t.deletedAt !== undefined) return;
    const sameLanguage = lang !== null && primaryLanguage(t.language) === lang;
    const hits = new Set(t.tags.map(tagLabel).filter((l) => labels.has(l))).size;
    if (!sameLanguage && hits === 0) return;
    scored.push({ id: t.id, score: (sameLanguage ? 2 : 0) + (hits > 0 ? 1 : 0), hits, order: t.order, index });
  });
  scored.sort((a, b) => b.score - a.score || b.hits - a.hits || a.order - b.order || a.index - b.index);
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.id);
}
