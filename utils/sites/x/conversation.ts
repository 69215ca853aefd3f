// Reading a post's conversation: which rows are its replies (not "Discover more" below it), which reply answers which
// (connector lines), and the collapsed parts that hide replies.
import type { Comment, Post } from '../../core/model';
import { t, tn } from '../../i18n';
import type { CollapsedPart, PageRead, ReadComment } from '../types';
import type { ArticleRead } from './article';
import type { Dirty } from './changed-rows';
import { cachedConnectorLines, connectorLines } from './connector-lines';
import type { Memory } from './memory';
import { isSpamHeading, type Row, rowOffset } from './rows';
import { SEL } from './selectors';

/** Without a mounted heading: is this row one X showed below "Discover more" before? */
function seenBelowHeading(id: string, cell: HTMLElement, memory: Memory): boolean {
  if (memory.outside.has(id)) return true;
  if (memory.inside.has(id) || memory.headingOffset === null) return false;
  const offset = rowOffset(cell);
  return offset !== null && offset >= memory.headingOffset;
}

/** The row above, as far as a reply below it may answer it (`id` null: a deleted post's tombstone). */
type PrevRow = { id: string | null; threadKey: string; below: boolean; adjacent: boolean };

/**
 * Reads the rows below the focused post into `result`. `readArticle` reads a post row (kept while it is unchanged);
 * `dirty` says which rows the batch changed (null on a full read).
 */
export function readConversation(
  rows: Row[],
  result: PageRead,
  post: Post,
  memory: Memory,
  readArticle: (article: Element) => ArticleRead | { problem: string },
  dirty: Dirty | null,
): void {
  let outside = false;
  let prev: PrevRow | null = null;
  let unreadable = 0;
  const reasons = new Set<string>();
  /** Status ids read in this pass: two rows showing one id mean the page is not what it seems. */
  const seen = new Set<string>();

  // The end of the conversation: a mounted heading decides; once it has scrolled out of the DOM, what
  // earlier reads learned decides (ids seen below it, and its offset for rows never seen yet).
  const end = rows.findIndex((r) => r.kind === 'heading' && !isSpamHeading(r.text));
  if (end >= 0) memory.headingOffset = rowOffset(rows[end]!.cell);

  for (const [index, row] of rows.entries()) {
    if (row.kind === 'heading' && isSpamHeading(row.text) && (end < 0 || index < end)) {
      if (prev) prev.adjacent = false;
      continue;
    }
    if (end >= 0) outside = index >= end;
    else if (row.kind === 'tweet' && row.id && !outside) outside = seenBelowHeading(row.id, row.cell, memory);
    if (row.kind === 'tweet' && row.id) {
      if (outside) {
        memory.outside.add(row.id);
        memory.inside.delete(row.id);
      } else if (end >= 0) {
        memory.outside.delete(row.id);
      }
    }
    if (outside) continue;
    if (row.kind === 'collapsed') {
      const part: CollapsedPart = { ...row.part };
      if (prev?.adjacent && prev.below && prev.id) part.parentId = prev.id;
      result.collapsed.push(part);
      if (prev) prev.adjacent = false;
      continue;
    }
    if (row.kind === 'other' && row.cell.querySelector(SEL.anyArticle)) {
      // A deleted post's tombstone (an article with no status link or time): a reply below it answers it, not the
      // row above it; still the same thread when the lines join them.
      const lines = connectorLines(row.cell.querySelector(SEL.anyArticle)!);
      const above = prev as PrevRow | null;
      const continues = lines.above || (above?.adjacent === true && above.below);
      prev = continues && above ? { id: null, threadKey: above.threadKey, below: lines.below, adjacent: true } : null;
      continue;
    }
    if (row.kind !== 'tweet') continue;

    result.candidates++;
    const read = readArticle(row.article);
    const duplicate = !('problem' in read) && seen.has(read.id);
    if ('problem' in read || duplicate) {
      unreadable++;
      const reason = 'problem' in read ? read.problem : t('problem_reason_duplicate');
      reasons.add(reason);
      prev = null;
      continue;
    }
    seen.add(read.id);
    const lines = cachedConnectorLines(row.article, read.id, dirty);
    const continues = lines.above || (prev?.adjacent === true && prev.below);
    let link: { parentId?: string; threadKey: string };
    if (continues && prev)
      link = prev.id ? { parentId: prev.id, threadKey: prev.threadKey } : { threadKey: prev.threadKey };
    else if (continues)
      link = memory.links.get(read.id) ?? { threadKey: read.id }; // parent row not mounted
    else link = { threadKey: read.id };
    if (prev || !continues) memory.links.set(read.id, link);
    memory.inside.add(read.id);

    const comment: Comment = {
      platform: 'x',
      id: read.id,
      postId: post.id,
      threadKey: link.threadKey,
      author: read.author,
      text: read.text,
      postedAt: read.postedAt,
      postedAtPrecision: 'exact',
      permalink: read.permalink,
      order: result.comments.length,
    };
    if (link.parentId) comment.parentId = link.parentId;
    if (read.lang) comment.lang = read.lang;
    if (read.editedAt !== undefined) comment.editedAt = read.editedAt;
    const entry: ReadComment = { comment, element: row.article };
    result.comments.push(entry);
    prev = { id: read.id, threadKey: link.threadKey, below: lines.below, adjacent: true };
  }
  if (unreadable > 0) {
    const list = [...reasons].join('; ');
    result.problems.push(tn('problem_replies_unreadable', unreadable, { total: result.candidates, reasons: list }));
  }
}
