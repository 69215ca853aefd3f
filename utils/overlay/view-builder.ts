// Builds the PageView batch by batch: only the comments a batch touched, the threads they sit in (ThreadClassifier)
// and the comments whose age text or level the clock moved are worked out again. Everything the whole page shares
// (settings, language, the post, tracking) rebuilds every comment when it changes. Pure: no DOM, tested directly
// against a fresh build of the same facts. A waiting comment's words (labels, spam, language) come from `judge`:
// in content scripts an answer of the background, a round trip later; until it comes the comment keeps the view it
// had (none, if new), so neither its badge nor the queue shows a guess.

import { formatAge, levelFor, nextAgeTextChangeAt, nextLevelChangeAt, waitingMs } from '../core/age';
import type { Judgment } from '../core/comment-judge';
import { commentKey } from '../core/keys';
import type { Comment, Health, ManualState } from '../core/model';
import { compareQueue, insertInOrder } from '../core/queue';
import type { LabelKind, Settings } from '../core/settings';
import { ThreadClassifier } from '../core/thread-classifier';
import { t } from '../i18n';
import { DueQueue } from './due-queue';
import { type CommentView, moreBelowText, type PageFacts, type PageView } from './view-model';

/** What one batch changed in the comments the view is built from. */
export interface FactsDelta {
  /** New comments and comments whose data changed. */
  upserted: Iterable<Comment>;
  /** Keys of comments gone for good. */
  removed?: Iterable<string>;
}

export interface ViewUpdate {
  view: PageView;
  /** Keys whose CommentView changed, appeared or went since the last build. */
  changed: Set<string>;
  /** Every CommentView was built again (settings, language, post or tracking changed). */
  full: boolean;
  /** The queue's items or order changed (else `view.queue` is the previous array). */
  queueChanged: boolean;
  /** Waiting comments whose judgment has not come yet are left out (or keep their previous view). */
  judging: boolean;
}

/** A comment's judgment, or undefined until it is known (the builder is called again then). */
export type Judge = (comment: Comment, settings: Settings) => Judgment | undefined;

/** Above this many changes a batch sorts the queue again instead of inserting into it. */
const RESORT_ABOVE = 64;

export class ViewBuilder {
  /** Also keeps every comment the view is built from, in the order first seen (`classifier.comments`). */
  private readonly classifier: ThreadClassifier;
  private readonly views = new Map<string, CommentView>();
  /** When each view's age text or level next changes; popped as the clock passes them. */
  private readonly due = new DueQueue();
  private queue: CommentView[] = [];
  /** Labels in the queue, counted as comments come and go (see PageView.queueLabels). */
  private queueLabels = noLabels();
  private readonly handled = new Set<string>();
  private settings: Settings | null = null;
  private locale = '';
  /** Waiting comments whose judgment had not come at their last build: looked at again at every build. */
  private readonly unjudged = new Set<string>();

  /**
   * `keyOf`: a comment's key (commentKey's value). The page's overlay hands the string its KnownComments keeps, so
   * the builder, the classifier and the views hold one copy of each key, not one each (issue #10, heap at 10,000).
   */
  constructor(
    private readonly judge: Judge,
    private readonly keyOf: (comment: Comment) => string = commentKey,
  ) {
    this.classifier = new ThreadClassifier(keyOf);
  }

  /**
   * `delta`: what changed since the last build; without it, `facts.comments` is compared with what was built
   * before (each comment by identity).
   */
  build(
    facts: PageFacts,
    settings: Settings,
    manual: ReadonlyMap<string, ManualState>,
    now: number,
    locale: string,
    delta?: FactsDelta,
  ): ViewUpdate {
    const { upserted, removed } = this.applyDelta(facts, delta);
    const changed = new Set<string>();
    const empty = { problems: [...facts.problems], collapsedHints: [], comments: new Map(), queue: [] };
    const settled = (view: PageView): ViewUpdate => {
      // Nothing is classified: every view built before goes.
      for (const key of this.views.keys()) changed.add(key);
      const queueChanged = this.queue.length > 0;
      this.views.clear();
      this.due.clear();
      this.handled.clear();
      this.queue = [];
      this.queueLabels = noLabels();
      this.unjudged.clear();
      return { view, changed, full: true, queueChanged, judging: false };
    };
    if (!facts.isPostPage || !facts.post) {
      // Nothing to classify by: the comments are kept, the rest is worked out again once there is a post.
      this.classifier.reset({ upserted, removed });
      if (!facts.isPostPage) return settled({ ...empty, tracked: false, notTrackedReason: 'not-a-post', health: 'ok' });
      // A post page whose post cannot be read: say so, never "all answered".
      // The site may still be rendering it (or still showing the previous post after a navigation).
      if (facts.loading) return settled({ ...empty, problems: [], tracked: true, health: 'incomplete' });
      const problems = facts.problems.length ? empty.problems : [t('problem_post_unreadable')];
      return settled({ ...empty, problems, tracked: true, health: 'broken' });
    }

    const classifier = this.classifier;
    const update = classifier.update(
      {
        post: facts.post,
        brand: settings.brand,
        trackAllPosts: settings.trackAllPosts,
        actingHandle: facts.actingHandle,
        collapsed: facts.collapsed,
      },
      { upserted, removed },
      manual,
      now,
    );
    const adoptable = classifier.postIsBrand || !facts.post.author.handle ? undefined : facts.post.author;
    if (!classifier.tracked) {
      return settled({
        ...empty,
        tracked: false,
        notTrackedReason: 'not-brand-post',
        health: 'ok',
        ...(adoptable && { adoptable }),
      });
    }

    const full = this.setSettings(settings, locale) || update.full || this.views.size === 0;
    const todo: Iterable<string> = full
      ? classifier.comments.keys()
      : this.touched(update.changed, upserted, removed, now);
    let queueChanged = false;
    const gone: string[] = [];
    const added: CommentView[] = [];
    for (const key of todo) {
      const before = this.views.get(key);
      const after = this.viewOf(key, now);
      if (before === after) continue;
      changed.add(key);
      if (after) this.views.set(key, after);
      else this.views.delete(key);
      if (after?.state === 'done' || after?.state === 'snoozed' || after?.state === 'ignored') this.handled.add(key);
      else this.handled.delete(key);
      if (before?.state === 'unanswered') {
        gone.push(key);
        countLabels(this.queueLabels, before, -1);
      }
      if (after?.state === 'unanswered') {
        added.push(after);
        countLabels(this.queueLabels, after, 1);
      }
      if (before?.state === 'unanswered' || after?.state === 'unanswered') queueChanged = true;
    }
    if (full) {
      this.queue = [...this.views.values()].filter((c) => c.state === 'unanswered').sort(compareQueue);
      this.queueLabels = noLabels();
      for (const c of this.queue) countLabels(this.queueLabels, c, 1);
      queueChanged = true;
    } else if (queueChanged) {
      this.queue = this.requeue(gone, added);
      this.queueLabels = { ...this.queueLabels }; // a new object when the queue changed: the panel compares identity
    }

    const problems = [...facts.problems];
    if (facts.moreBelow) problems.push(moreBelowText());
    let health: Health = 'ok';
    if ((facts.candidates > 0 && facts.readable === 0) || facts.unfound) {
      health = 'broken';
      if (!problems.length) problems.push(t('problem_comments_unreadable'));
    } else if (problems.length || classifier.incomplete || facts.loading) {
      health = 'incomplete';
    }
    const view: PageView = {
      tracked: true,
      health,
      problems,
      collapsedHints: [...new Set(facts.collapsed.map((c) => c.label))],
      comments: this.views,
      queue: this.queue,
      queueLabels: this.queueLabels,
      handled: this.handledViews(),
      threads: classifier.threads,
      ...(adoptable && { adoptable }),
    };
    return { view, changed, full, queueChanged, judging: this.unjudged.size > 0 };
  }

  /**
   * What changed in the comments since the last build (the classifier's store applies it): with a delta, its
   * comments; without, `facts.comments` against the store, each by identity.
   */
  private applyDelta(facts: PageFacts, delta?: FactsDelta): { upserted: Comment[]; removed: string[] } {
    const kept = this.classifier.comments;
    const upserted: Comment[] = [];
    const removed: string[] = [];
    if (delta) {
      for (const c of delta.upserted) upserted.push(c);
      // A key upserted and removed in the same delta is gone too (rare: the overlay's deltas never remove).
      const isUpserted = (key: string) => upserted.some((c) => this.keyOf(c) === key);
      for (const key of delta.removed ?? []) if (kept.has(key) || isUpserted(key)) removed.push(key);
      return { upserted, removed };
    }
    const seen = new Set<string>();
    for (const c of facts.comments) {
      const key = this.keyOf(c);
      if (seen.has(key)) continue; // first copy wins, as in classifyThreads
      seen.add(key);
      if (kept.get(key) !== c) upserted.push(c);
    }
    for (const key of kept.keys()) if (!seen.has(key)) removed.push(key);
    return { upserted, removed };
  }

  /** True when settings or the language changed since the last build: every view is built again. */
  private setSettings(settings: Settings, locale: string): boolean {
    if (settings === this.settings && locale === this.locale) return false;
    const key = (s: Settings | null) =>
      s && JSON.stringify([s.targets, s.businessHours, s.labelWords, s.brand, s.trackAllPosts]);
    const same = locale === this.locale && key(settings) === key(this.settings);
    this.settings = settings;
    this.locale = locale;
    return !same;
  }

  /** The keys a batch must look at again: new or changed comments, changed states, and ages the clock moved. */
  private touched(states: Set<string>, upserted: Comment[], removed: string[], now: number): Set<string> {
    const keys = new Set(states);
    for (const c of upserted) keys.add(this.keyOf(c));
    for (const key of removed) keys.add(key);
    for (const key of this.due.popUntil(now)) keys.add(key);
    for (const key of this.unjudged) keys.add(key);
    return keys;
  }

  /** The comment's view now: the previous object when nothing it shows changed. */
  private viewOf(key: string, now: number): CommentView | undefined {
    const comment = this.classifier.comment(key);
    const state = this.classifier.states.get(key);
    const settings = this.settings!;
    if (!comment || !state) {
      this.due.delete(key);
      this.unjudged.delete(key);
      return undefined;
    }
    const before = this.views.get(key);
    // Only a waiting comment's words count: its labels, its spam mark, the language its templates are chosen in.
    const judged = state === 'unanswered' ? this.judge(comment, settings) : NOT_WAITING;
    if (!judged) {
      // Kept as it was until its judgment comes (see above).
      this.unjudged.add(key);
      if (!before) this.due.delete(key);
      return before;
    }
    this.unjudged.delete(key);
    const spam = judged.spam;
    const wait = waitingMs(comment.postedAt, now, settings.businessHours);
    const level = spam ? 'ok' : levelFor(wait, settings.targets);
    const ageText = formatAge(Math.max(0, now - comment.postedAt), this.locale);
    const nextLevel = nextLevelChangeAt(comment.postedAt, now, settings.targets, settings.businessHours);
    this.due.set(key, Math.min(nextAgeTextChangeAt(comment.postedAt, now), nextLevel ?? Number.POSITIVE_INFINITY));
    const { labels, language } = judged;
    if (
      before &&
      before.comment === comment &&
      before.state === state &&
      before.spam === spam &&
      before.level === level &&
      before.ageText === ageText &&
      sameLabels(before.labels, labels) &&
      before.language === language
    ) {
      return before;
    }
    return { key, comment, state, spam, level, ageText, labels, language };
  }

  private requeue(gone: string[], added: CommentView[]): CommentView[] {
    if (gone.length + added.length > RESORT_ABOVE) {
      return [...this.views.values()].filter((c) => c.state === 'unanswered').sort(compareQueue);
    }
    const leaving = new Set(gone);
    const out = leaving.size ? this.queue.filter((c) => !leaving.has(c.key)) : [...this.queue];
    for (const cv of added) insertInOrder(out, cv);
    return out;
  }

  /** The comments that left the queue (done, snoozed, ignored), in page order. */
  private handledViews(): CommentView[] {
    const out: CommentView[] = [];
    for (const key of this.handled) {
      const cv = this.views.get(key);
      if (cv) out.push(cv);
    }
    return out.sort((a, b) => a.comment.order - b.comment.order);
  }
}

/** What a comment that is not waiting shows of its words: nothing. */
const NOT_WAITING: Judgment = { labels: [], spam: false, language: null };

const sameLabels = (a: LabelKind[], b: LabelKind[]): boolean => a.length === b.length && a.every((l, i) => l === b[i]);

const noLabels = (): Record<LabelKind, number> => ({ question: 0, complaint: 0, order: 0 });

function countLabels(counts: Record<LabelKind, number>, c: CommentView, by: 1 | -1): void {
  for (const label of c.labels) counts[label] += by;
}
