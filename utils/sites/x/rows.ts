// The rows (`cellInnerDiv`) of X's conversation list: a post, a heading, a collapsed part (hidden replies) or
// anything else, and where X placed the row in its virtualized list.
import type { CollapsedPart } from '../types';
import { oneLine, readText } from '../visible-text';
import { articleStatusId } from './article';
import { SEL } from './selectors';

/** The vertical offset X gives a virtualized row (`transform: translateY(…px)`), when it has one. */
export function rowOffset(cell: HTMLElement): number | null {
  const m = /translateY\((-?[\d.]+)px\)/.exec(cell.style?.transform ?? '');
  return m ? Number(m[1]) : null;
}

function collapsedKind(text: string): CollapsedPart['kind'] {
  if (/probable spam/i.test(text)) return 'spam';
  if (/offensive/i.test(text)) return 'offensive';
  return 'more-replies';
}

export type Row =
  | { kind: 'tweet'; cell: HTMLElement; article: HTMLElement; id: string | null }
  | { kind: 'heading'; cell: HTMLElement; text: string }
  | { kind: 'collapsed'; cell: HTMLElement; part: CollapsedPart }
  | { kind: 'other'; cell: HTMLElement };

export function classifyCell(cell: HTMLElement, base: URL): Row {
  const article = cell.querySelector<HTMLElement>(SEL.tweet);
  if (article) return { kind: 'tweet', cell, article, id: articleStatusId(article, base) };
  const heading = cell.querySelector(SEL.heading);
  if (heading && !cell.querySelector(SEL.anyArticle))
    return { kind: 'heading', cell, text: oneLine(cell.textContent ?? '') };
  const button = cell.querySelector<HTMLElement>(SEL.button);
  if (button && !cell.querySelector(SEL.composerParts)) {
    // "Show additional replies, including those that may contain offensive content [Show]": the sentence names it.
    const label = oneLine(readText(cell, button)) || oneLine(readText(button));
    if (label) {
      // A tombstone article with a button ("from an account you muted · View") hides one reply.
      const kind = cell.querySelector(SEL.anyArticle) ? 'replies-hidden' : collapsedKind(label);
      return { kind: 'collapsed', cell, part: { kind, label, element: button } };
    }
  }
  return { kind: 'other', cell };
}

/**
 * A heading cell ends the conversation: X follows the replies with "Discover more" ("Sourced from across X"),
 * posts from other conversations. The only heading known inside the replies is the probable-spam section.
 */
export function isSpamHeading(text: string): boolean {
  return /probable spam/i.test(text);
}
