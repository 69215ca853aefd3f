// The view as content scripts build it, with the comments' judgments worked out at once (in a content script they
// are the background's answer to `comments.judge`, a round trip later).
import { judgeComment } from '../../../utils/core/comment-judge';
import type { ManualState } from '../../../utils/core/model';
import type { Settings } from '../../../utils/core/settings';
import { type Judge, ViewBuilder } from '../../../utils/overlay/view-builder';
import type { PageFacts, PageView } from '../../../utils/overlay/view-model';

export const judgeNow: Judge = (comment, settings) => judgeComment(comment.text, comment.lang, settings.labelWords);

/** The whole view at once (a fresh ViewBuilder): what a batch-by-batch build must always equal. */
export function buildPageView(
  facts: PageFacts,
  settings: Settings,
  manual: ReadonlyMap<string, ManualState>,
  now: number,
  locale: string,
): PageView {
  return new ViewBuilder(judgeNow).build(facts, settings, manual, now, locale).view;
}
