// The one-line warning that part of the conversation is not in view, in words that say what to do (expand the
// site's hidden replies, or scroll to the end), with the details behind a "Why?" disclosure.
export interface HiddenNoteProps {
  /** The page's own words for its hidden parts ("Show more replies"). */
  collapsedHints: string[];
  /** Why the view is incomplete, in sentences. */
  problems: string[];
  /** The site loads more replies as the user scrolls. */
  moreBelow: boolean;
}

const MAX_HINTS = 4;
const uniq = (list: string[]): string[] => [...new Set(list.map((s) => s.trim()).filter(Boolean))];

export function hiddenLine(p: HiddenNoteProps): string {
  if (uniq(p.collapsedHints).length > 0) return 'Some replies are hidden on this page — expand them to check.';
  if (p.moreBelow) return 'More replies load as you scroll — scroll to the end to check them.';
  if (uniq(p.problems).length > 0) return 'Part of this conversation could not be read.';
  return 'Still reading this conversation…';
}

export function HiddenNote(p: HiddenNoteProps) {
  const hints = uniq(p.collapsedHints);
  const problems = uniq(p.problems);
  const quoted = hints.slice(0, MAX_HINTS).map((h) => `“${h}”`);
  const more = hints.length > MAX_HINTS ? ` and ${hints.length - MAX_HINTS} more` : '';
  return (
    <div class="rr-hidden-note" data-kind="incomplete">
      <p class="rr-hidden-line">{hiddenLine(p)}</p>
      {hints.length > 0 || problems.length > 0 ? (
        <details class="rr-why">
          <summary>Why?</summary>
          {hints.length > 0 ? (
            <p>{`Reply Radar only counts what the page shows. Open these on the page: ${quoted.join(', ')}${more}.`}</p>
          ) : null}
          {problems.length > 0 ? (
            <ul class="rr-problems">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}
