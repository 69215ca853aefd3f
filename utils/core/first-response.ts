// Which answer is a customer comment's first response: the earliest brand comment in the same thread that came
// after it (the same order the unanswered rule uses). Turns one classified page into what the response log needs.
// Pure: the background runs it over what the overlay's recorder (utils/overlay/response-recorder.ts) saw on a page
// ('responseLog.record') and keeps the result in the response log.
import type { Comment, CommentState } from './model';
import { isSitePermalink } from './permalink';
import type { ResponseObservation } from './response-log';
import type { LabelKind } from './settings';
import { cameAfter } from './unanswered';

/** What the rule reads of a comment (the recorder sends no more). */
export type ObservedComment = Pick<
  Comment,
  'platform' | 'postId' | 'threadKey' | 'text' | 'lang' | 'postedAt' | 'postedAtPrecision' | 'permalink' | 'order'
> & { author: Pick<Comment['author'], 'handle' | 'displayName'> };

export interface ClassifiedComment<C extends ObservedComment = ObservedComment> {
  key: string;
  comment: C;
  /** The overlay's state for it (page contract data-rr-state). */
  state: CommentState;
}

export interface ObserveContext {
  labelsOf(comment: ObservedComment): LabelKind[];
  /** Who signed a brand answer (the team's {agent} signature), if anyone. */
  agentOf(text: string): string | undefined;
  /** When the overlay first saw `key` answered with no answer of its own on the page (hidden replies). */
  answerSeenAt(key: string): number;
}

/** For each customer comment, the brand comment that first answered it (only comments that have one). */
export function firstAnswers<C extends ObservedComment>(comments: readonly ClassifiedComment<C>[]): Map<string, C> {
  const brandByThread = new Map<string, C[]>();
  for (const c of comments) {
    if (c.state !== 'brand' || !Number.isFinite(c.comment.postedAt)) continue;
    const list = brandByThread.get(c.comment.threadKey) ?? [];
    list.push(c.comment);
    brandByThread.set(c.comment.threadKey, list);
  }
  for (const list of brandByThread.values()) {
    list.sort((a, b) => a.postedAt - b.postedAt || a.order - b.order);
  }
  const answers = new Map<string, C>();
  for (const c of comments) {
    if (c.state === 'brand' || !Number.isFinite(c.comment.postedAt)) continue;
    const first = brandByThread.get(c.comment.threadKey)?.find((b) => cameAfter(b, c.comment));
    if (first) answers.set(c.key, first);
  }
  return answers;
}

/** One observation per customer comment of a classified page. */
export function observeComments(comments: readonly ClassifiedComment[], ctx: ObserveContext): ResponseObservation[] {
  const answers = firstAnswers(comments);
  const out: ResponseObservation[] = [];
  for (const { key, comment, state } of comments) {
    if (state === 'brand' || !Number.isFinite(comment.postedAt)) continue;
    const obs: ResponseObservation = {
      key,
      platform: comment.platform,
      postId: comment.postId,
      postedAt: comment.postedAt,
      precision: comment.postedAtPrecision,
      labels: ctx.labelsOf(comment).slice(0, 3),
      status: 'waiting',
      ...(isSitePermalink(comment.permalink) ? { permalink: comment.permalink } : {}),
    };
    const answer = answers.get(key);
    if (answer) {
      const by = bounded(answer.author.handle ? `@${answer.author.handle}` : answer.author.displayName);
      const agent = bounded(ctx.agentOf(answer.text));
      obs.status = 'answered';
      obs.answer = {
        at: answer.postedAt,
        source: 'site',
        precision: answer.postedAtPrecision,
        ...(by ? { by } : {}),
        ...(agent ? { agent } : {}),
      };
    } else if (state === 'answered') {
      // The page says the brand answered (in a part it keeps collapsed) but shows no time for it.
      obs.status = 'answered';
      obs.answer = { at: ctx.answerSeenAt(key), source: 'seen', precision: 'approx' };
    } else if (state === 'done' || state === 'ignored') {
      obs.status = 'dismissed';
    }
    out.push(obs);
  }
  return out;
}

function bounded(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, 100) : undefined;
}

// --- the {agent} signature ---

/** Characters that set a signature apart at the end of a reply ("– Anna", "^AK", "~ Sam"). */
const MARKER_CHARS = /[–—\-~^/|*]/u;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}.'’ -]{0,39}$/u;

export interface SignatureShape {
  /** The mark just before the name: "–", "^", or "\n" for a name on its own last line. */
  marker: string;
  /** Literal text after the name, if the template has some (a closing emoji, "]"). */
  suffix: string;
}

/** The signature shapes the team's templates use around {agent}. */
export function signatureShapes(templateBodies: readonly string[]): SignatureShape[] {
  const shapes = new Map<string, SignatureShape>();
  for (const body of templateBodies) {
    const at = body.lastIndexOf('{agent}');
    if (at === -1) continue;
    const before = body.slice(0, at).replace(/[ \t]+$/u, '');
    const suffix = body.slice(at + '{agent}'.length).trim();
    if (suffix.includes('{')) continue;
    const last = before.slice(-1);
    const marker = last === '\n' ? '\n' : MARKER_CHARS.test(last) ? last : '';
    if (marker) shapes.set(`${marker}\u0000${suffix}`, { marker, suffix });
  }
  return [...shapes.values()];
}

/**
 * The name a brand answer is signed with, read with the shapes of the team's templates: the user's own agent name
 * when the answer ends with it, else whatever name follows the signature mark at its end. Undefined when unsigned.
 */
export function agentFromText(text: string, shapes: readonly SignatureShape[], agentName = ''): string | undefined {
  const body = text.trim();
  const own = agentName.trim();
  if (own && body.endsWith(own)) return own;
  for (const { marker, suffix } of shapes) {
    const withoutSuffix = suffix && body.endsWith(suffix) ? body.slice(0, -suffix.length).trimEnd() : body;
    const at = withoutSuffix.lastIndexOf(marker);
    if (at <= 0) continue;
    const name = withoutSuffix.slice(at + marker.length).trim();
    if (NAME.test(name) && name.split(/\s+/u).length <= 3) return name;
  }
  return undefined;
}
