// The one-line warning that part of the conversation is not in view, in words that say what to do (expand the
// site's hidden replies, or scroll to the end), with the details behind a "Why?" disclosure.
import { currentLocale, t } from '../../utils/i18n';

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
  if (uniq(p.collapsedHints).length > 0) return t('overlay_hidden_collapsed');
  if (p.moreBelow) return t('overlay_hidden_more_below');
  if (uniq(p.problems).length > 0) return t('overlay_hidden_unreadable');
  return t('overlay_hidden_reading');
}

export function HiddenNote(p: HiddenNoteProps) {
  const hints = uniq(p.collapsedHints);
  const problems = uniq(p.problems);
  const quoted = hints.slice(0, MAX_HINTS).map((h) => `“${h}”`);
  if (hints.length > MAX_HINTS) quoted.push(t('overlay_and_more', { count: hints.length - MAX_HINTS }));
  return (
    <div class="rr-hidden-note" data-kind="incomplete">
      <p class="rr-hidden-line">{hiddenLine(p)}</p>
      {hints.length > 0 || problems.length > 0 ? (
        <details class="rr-why">
          <summary>{t('overlay_why')}</summary>
          {hints.length > 0 ? (
            <p>
              {t('overlay_why_hints', {
                hints: new Intl.ListFormat(currentLocale(), { type: 'unit' }).format(quoted),
              })}
            </p>
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
