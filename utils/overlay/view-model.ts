// Turns what the page shows into what the overlay draws: a state per comment, a level and age text per
// waiting comment, the ordered queue and the page's health. Pure: no DOM, so it is tested directly.
import { formatAge, type Level, levelFor, waitingMs } from '../core/age';
import { commentKey } from '../core/keys';
import { labelsFor } from '../core/label-match';
import type { Author, Comment, CommentState, Health, ManualState, Post } from '../core/model';
import { queueOrder } from '../core/queue';
import type { LabelKind, Settings } from '../core/settings';
import { looksLikeSpam } from '../core/spam';
import { classifyThreads } from '../core/unanswered';
import { t } from '../i18n';

export interface CommentView {
  key: string;
  comment: Comment;
  state: CommentState;
  level: Level;
  ageText: string;
  labels: LabelKind[];
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
  /** The post's author when they are not one of the brand's identities: the panel offers to adopt them. */
  adoptable?: Author;
}

export interface PageFacts {
  isPostPage: boolean;
  post: Post | null;
  actingHandle: string | null;
  comments: Comment[];
  collapsed: Array<{ label: string; parentId?: string; repliers?: string[] }>;
  /** Elements that looked like comments in the last read, and how many of them were read. */
  candidates: number;
  readable: number;
  problems: string[];
  /** True until the page had time to render its conversation (avoids calling a loading page broken). */
  loading: boolean;
  /** The site has more replies to load below (see PageRead.moreBelow). */
  moreBelow?: boolean;
}

/** The problem line for a conversation that loads more as the user scrolls (the panel words it as a hint). */
export function moreBelowText(): string {
  return t('problem_scroll_to_end');
}

export function buildPageView(
  facts: PageFacts,
  settings: Settings,
  manual: ReadonlyMap<string, ManualState>,
  now: number,
  locale: string,
): PageView {
  const empty = { problems: [...facts.problems], collapsedHints: [], comments: new Map(), queue: [] };
  if (!facts.isPostPage) return { ...empty, tracked: false, notTrackedReason: 'not-a-post', health: 'ok' };
  if (!facts.post) {
    // A post page whose post cannot be read: say so, never "all answered".
    // The site may still be rendering it (or still showing the previous post after a navigation).
    if (facts.loading) return { ...empty, problems: [], tracked: true, health: 'incomplete' };
    const problems = facts.problems.length ? empty.problems : [t('problem_post_unreadable')];
    return { ...empty, problems, tracked: true, health: 'broken' };
  }

  const result = classifyThreads({
    post: facts.post,
    comments: facts.comments,
    brand: settings.brand,
    trackAllPosts: settings.trackAllPosts,
    manual,
    collapsed: facts.collapsed,
    now,
    actingHandle: facts.actingHandle,
  });
  const adoptable = result.postIsBrand || !facts.post.author.handle ? undefined : facts.post.author;
  if (!result.tracked) {
    return {
      ...empty,
      tracked: false,
      notTrackedReason: 'not-brand-post',
      health: 'ok',
      ...(adoptable && { adoptable }),
    };
  }

  const comments = new Map<string, CommentView>();
  for (const comment of facts.comments) {
    const key = commentKey(comment);
    const state = result.states.get(key);
    if (!state) continue;
    const wait = waitingMs(comment.postedAt, now, settings.businessHours);
    const spam = state === 'unanswered' && looksLikeSpam(comment.text);
    comments.set(key, {
      key,
      comment,
      state,
      spam,
      level: spam ? 'ok' : levelFor(wait, settings.targets),
      ageText: formatAge(Math.max(0, now - comment.postedAt), locale),
      labels: state === 'unanswered' ? labelsFor(comment.text, comment.lang, settings.labelWords) : [],
    });
  }
  const waiting = [...comments.values()].filter((c) => c.state === 'unanswered');
  const queue = queueOrder(waiting.map((c) => ({ ...c, postedAt: c.comment.postedAt })));

  const problems = [...facts.problems];
  if (facts.moreBelow) problems.push(moreBelowText());
  let health: Health = 'ok';
  if (facts.candidates > 0 && facts.readable === 0) {
    health = 'broken';
    if (!problems.length) problems.push(t('problem_comments_unreadable'));
  } else if (problems.length || result.incomplete || facts.loading) {
    health = 'incomplete';
  }
  return {
    tracked: true,
    health,
    problems,
    collapsedHints: [...new Set(facts.collapsed.map((c) => c.label))],
    comments,
    queue,
    ...(adoptable && { adoptable }),
  };
}
