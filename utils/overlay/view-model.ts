// Turns what the page shows into what the overlay draws: a state per comment, a level and age text per
// waiting comment, the ordered queue and the page's health. Pure: no DOM, so it is tested directly.
// The work is done batch by batch in view-builder.ts.
import type { Level } from '../core/age';
import type { Author, Comment, CommentState, Health, Post } from '../core/model';
import type { LabelKind } from '../core/settings';
import type { ThreadMembers } from '../core/thread-classifier';
import { t } from '../i18n';

export interface CommentView {
  key: string;
  comment: Comment;
  state: CommentState;
  level: Level;
  ageText: string;
  labels: LabelKind[];
  /** The comment's primary language (the site's tag, else detected), for choosing templates; null when unknown. */
  language: string | null;
  /** Obvious spam (utils/core/spam.ts): labelled, last in the queue, never a breach. */
  spam: boolean;
}

export interface PageView {
  tracked: boolean;
  notTrackedReason?: 'not-brand-post' | 'not-a-post' | 'site-off';
  health: Health;
  problems: string[];
  collapsedHints: string[];
  /** Every classified comment by key. */
  comments: Map<string, CommentView>;
  /** The unanswered ones, breached first, then oldest first. */
  queue: CommentView[];
  /** How many in the queue carry each label: kept up to date with the queue's changes, not counted over it. */
  queueLabels?: Record<LabelKind, number>;
  /** The post's author when they are not one of the brand's identities: the panel offers to adopt them. */
  adoptable?: Author;
  /** The comments that left the queue (done, snoozed, ignored), in page order. */
  handled?: CommentView[];
  /** Each thread's comment keys (the classifier's own index: read it, never change it). */
  threads?: ReadonlyMap<string, ThreadMembers>;
}

export interface PageFacts {
  isPostPage: boolean;
  post: Post | null;
  actingHandle: string | null;
  /** Every comment known on the page, in the order first seen. */
  comments: Iterable<Comment>;
  collapsed: Array<{ label: string; parentId?: string; repliers?: string[] }>;
  /** Elements that looked like comments in the last read, and how many of them were read. */
  candidates: number;
  readable: number;
  problems: string[];
  /** True until the page had time to render its conversation (avoids calling a loading page broken). */
  loading: boolean;
  /** The site has more replies to load below (see PageRead.moreBelow). */
  moreBelow?: boolean;
  /** The page counts comments and none was found, past the loading grace (see PageRead.unfound): broken. */
  unfound?: boolean;
}

/** The problem line for a conversation that loads more as the user scrolls (the panel words it as a hint). */
export function moreBelowText(): string {
  return t('problem_scroll_to_end');
}
