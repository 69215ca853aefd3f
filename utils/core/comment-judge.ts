// What the overlay needs to know of a comment's words: its labels (label-match.ts), whether it is obvious spam
// (spam.ts) and its language (the site's tag, else detected: detect-language.ts). The background works it out for
// content scripts (`comments.judge`), which bundle none of the three (issue #10: each under 30 KB gzip); pages and
// tests call it directly. Pure: text in, judgment out.
import { commentLanguage } from './detect-language';
import { type LabelWords, labelsFor } from './label-match';
import type { LabelKind } from './settings';
import { looksLikeSpam } from './spam';

export interface Judgment {
  labels: LabelKind[];
  spam: boolean;
  /** The comment's primary language ("en"), null when neither the site nor the text says. */
  language: string | null;
}

export function judgeComment(text: string, lang: string | undefined, labelWords?: LabelWords): Judgment {
  return {
    labels: labelsFor(text, lang, labelWords),
    spam: looksLikeSpam(text),
    language: commentLanguage(lang, text),
  };
}
