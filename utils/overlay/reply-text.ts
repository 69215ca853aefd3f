// Which templates apply and what text a template becomes for a comment. Pure: no DOM, tested directly.

import { normalizeHandle } from '../core/keys';
import { withoutRepeatedHandle } from '../core/mention';
import type { Post } from '../core/model';
import { buildTemplateVars, renderTemplate } from '../core/render-template';
import type { Settings } from '../core/settings';
import { suggestTemplates } from '../core/suggest';
import type { Template } from '../core/template';
import type { CommentView, PageFacts, PageView } from './view-model';

/** Templates not in the trash, in the user's order (Alt+1…9 follow it). */
export function liveTemplates(all: readonly Template[]): Template[] {
  return all.filter((t) => t.deletedAt === undefined).sort((a, b) => a.order - b.order);
}

/** Each live template's number (1…9) in the saved order: the numbers Alt+1…9 use. */
export function templateNumbers(templates: readonly Template[]): Map<string, number> {
  return new Map(
    liveTemplates(templates)
      .slice(0, 9)
      .map((tpl, i) => [tpl.id, i + 1]),
  );
}

export function bestTemplateFor(live: Template[], cv: CommentView): Template | null {
  const [first] = suggestTemplates(live, cv);
  return live.find((t) => t.id === first) ?? live[0] ?? null;
}

/**
 * The comment a reply box the user opened with the site's own button answers: the current comment when it is by
 * the customer the site names, else that customer's latest. Never a guess: null when nobody matches.
 */
export function commentForHandle(view: PageView, handle: string, currentKey: string | null): string | null {
  const theirs = [...view.comments.values()].filter(
    (c) => c.state !== 'brand' && normalizeHandle(c.comment.author.handle) === handle,
  );
  if (theirs.some((c) => c.key === currentKey)) return currentKey;
  theirs.sort((a, b) => b.comment.postedAt - a.comment.postedAt);
  return theirs[0]?.key ?? null;
}

/** {brand}: the brand's display name as the page shows it, never a customer's. */
export function brandName(view: PageView, facts: PageFacts, settings: Settings): string {
  const post = facts.post;
  if (!post) return '';
  const ownPost = view.tracked && !settings.trackAllPosts;
  if (ownPost) return post.author.displayName;
  let brandComment: CommentView | undefined;
  for (const c of view.comments.values()) {
    if (c.state === 'brand') {
      brandComment = c;
      break;
    }
  }
  return brandComment?.comment.author.displayName ?? facts.actingHandle ?? settings.brand[post.platform][0] ?? '';
}

export function replyTextFor(
  key: string,
  template: Template,
  view: PageView | null,
  facts: PageFacts | null,
  settings: Settings,
  locale: string,
  /** What the reply box holds already: a greeting does not repeat the "@handle" the site wrote there. */
  boxText = '',
): ReturnType<typeof renderTemplate> | null {
  const cv = view?.comments.get(key);
  if (!view || !facts?.post || !cv) return null;
  return renderFor(cv.comment, facts.post, template, view, facts, settings, locale, boxText);
}

/** A template for a reply box that answers the post itself (type-to-expand there): filled for the post's author. */
export function replyTextForPost(
  template: Template,
  view: PageView | null,
  facts: PageFacts | null,
  settings: Settings,
  locale: string,
  boxText = '',
): ReturnType<typeof renderTemplate> | null {
  const post = facts?.post;
  if (!view || !facts || !post) return null;
  const comment = {
    platform: post.platform,
    id: post.id,
    postId: post.id,
    threadKey: post.id,
    author: post.author,
    text: '',
    postedAt: 0,
    postedAtPrecision: 'exact' as const,
    permalink: post.url,
    order: 0,
  };
  return renderFor(comment, post, template, view, facts, settings, locale, boxText);
}

/** The template filled for one comment (or the post standing in for one), as both entry points above need. */
function renderFor(
  comment: Parameters<typeof buildTemplateVars>[0]['comment'],
  post: Post,
  template: Template,
  view: PageView,
  facts: PageFacts,
  settings: Settings,
  locale: string,
  boxText: string,
): ReturnType<typeof renderTemplate> {
  const vars = buildTemplateVars({
    comment,
    post,
    brandName: brandName(view, facts, settings),
    agentName: settings.agentName,
    uiLang: locale,
  });
  return renderTemplate(template.body, withoutRepeatedHandle(vars, boxText));
}
