// X (x.com, twitter.com) adapter: reads a status page's conversation and finds its reply boxes.
// Every X selector lives in ./x/selectors.ts; the parts live in ./x/ (a post row, the conversation, connector lines,
// the page's end, the reply boxes); opening a reply box is in ./x/reply-box.ts (deferred code). X's class names are
// generated, so structure and data-testids are the anchors; English labels are only used to name what a control
// already was found to be.
// Facts: /work/shared/reference/sites.md (X), control-panel-for-twitter script.js (connector lines, headings).
import { normalizeHandle } from '../core/keys';
import { t, tn } from '../i18n';
import { loadActions, loadedActions } from '../overlay/actions-loader';
import type { PageChanges, PageRead, SiteAdapter } from './types';
import { readArticle } from './x/article';
import { type Dirty, dirtyTest } from './x/changed-rows';
import { editorKind, focusedEditor, replyTargetHandle } from './x/composer';
import { readConversation } from './x/conversation';
import { handleInPath, matchPostPage } from './x/links';
import { createPostMemories } from './x/memory';
import { readActingHandle, theme } from './x/page';
import { type EndWatch, endWatcher, scrolledToBottom } from './x/page-end';
import { classifyCell, type Row } from './x/rows';
import { own, SEL } from './x/selectors';

export { readArticle } from './x/article';
export { editorKind, focusedEditor, replyTargetHandle } from './x/composer';
export { connectorLines } from './x/connector-lines';
export { matchPostPage, snowflakeTime } from './x/links';
export { theme } from './x/page';

export function createXAdapter(): SiteAdapter {
  const { memoryFor, belongsToAnotherPost } = createPostMemories();

  /** Each article's last reading; valid until a change is seen inside it (X recycles articles for other posts). */
  const readings = new WeakMap<Element, ReturnType<typeof readArticle>>();
  /** Each cell's last classification, valid on the same terms. */
  const cellRows = new WeakMap<Element, Row>();
  let dirty: Dirty | null = null;
  /** Set while a page session watches (see `watch`). */
  let endWatch: EndWatch | null = null;

  function readArticleOnce(article: Element, url: URL): ReturnType<typeof readArticle> {
    const cached = readings.get(article);
    if (cached && dirty && !dirty.article(article)) return cached;
    const fresh = readArticle(article, url);
    readings.set(article, fresh);
    return fresh;
  }

  function classifyCellOnce(cell: HTMLElement, url: URL): Row {
    const cached = cellRows.get(cell);
    if (cached && dirty && !dirty.cell(cell)) return cached;
    const fresh = classifyCell(cell, url);
    cellRows.set(cell, fresh);
    return fresh;
  }

  function read(doc: Document, url: URL, changed?: PageChanges): PageRead {
    dirty = changed ? dirtyTest(changed) : null;
    try {
      return readPage(doc, url);
    } finally {
      dirty = null;
    }
  }

  function readPage(doc: Document, url: URL): PageRead {
    const result: PageRead = {
      post: null,
      actingHandle: readActingHandle(doc),
      comments: [],
      collapsed: [],
      candidates: 0,
      problems: [],
    };
    const match = matchPostPage(url);
    if (!match) return result;
    const { postId } = match;
    const memory = memoryFor(postId);
    const column = doc.querySelector(SEL.primaryColumn);
    const rows = column
      ? Array.from(column.querySelectorAll<HTMLElement>(SEL.cell), (c) => classifyCellOnce(c, url))
      : [];
    const urlHandle = handleInPath(url.pathname);

    // The focused post: the row with the URL's id; X also marks it tabindex=-1 (after an edit the ids differ).
    let focus = rows.findIndex((r) => r.kind === 'tweet' && r.id === postId);
    if (focus < 0 && !urlHandle) {
      // `/i/web/status/<id>` names no handle. With a handle in the URL, a focused row with another id is the
      // previous post still on screen while X loads the next one: never read it as this post.
      focus = rows.findIndex((r) => r.kind === 'tweet' && r.article.getAttribute('tabindex') === '-1');
    }
    const tweets = rows.filter((r) => r.kind === 'tweet').length;
    if (focus >= 0) {
      const focused = rows[focus] as Extract<Row, { kind: 'tweet' }>;
      const read = readArticleOnce(focused.article, url);
      if ('problem' in read) result.problems.push(t('problem_post_self_unreadable', { reason: read.problem }));
      else memory.author = read.author;
    }
    // Before X has rendered this post there is nothing to read yet: no post, so the overlay says it is loading
    // (and, if nothing ever comes, that the page could not be read) instead of "all answered".
    // Right after a navigation X may still show the previous post under the new address: rows already read as
    // another post's are not this one's. (After a reload deep in a thread the focused post is simply unmounted.)
    const stale = focus < 0 && rows.some((r) => r.kind === 'tweet' && r.id && belongsToAnotherPost(r.id, postId));
    if ((tweets === 0 || stale) && !memory.author) {
      if (tweets > 0) {
        result.candidates = tweets;
        result.problems.push(tn('problem_post_not_among', tweets));
      }
      return result;
    }
    const author =
      memory.author ??
      (urlHandle
        ? { handle: normalizeHandle(urlHandle), displayName: urlHandle, profileUrl: `${url.origin}/${urlHandle}` }
        : null);
    if (author) {
      result.post = { platform: 'x', id: postId, url: `${author.profileUrl}/status/${postId}`, author };
    } else if (tweets > 0) {
      result.problems.push(t('problem_post_author_missing'));
    }
    if (!result.post) return result;

    // X unmounts rows far from the viewport: without the focused row, every mounted row is below it.
    const readRow = (article: Element) => readArticleOnce(article, url);
    readConversation(focus >= 0 ? rows.slice(focus + 1) : rows, result, result.post, memory, readRow, dirty);
    if (memory.headingOffset !== null) memory.endSeen = true;
    else if (!memory.endSeen && tweets > 0 && column) {
      // Reading the page's height now would lay the whole page out in the middle of the batch: a batch's read asks
      // the watcher to look after the browser's next layout instead; the page's first read looks at once.
      if (dirty && endWatch) endWatch.measure(column, memory);
      else if (scrolledToBottom(doc)) memory.endSeen = true;
    }
    result.moreBelow = !memory.endSeen;
    return result;
  }

  return {
    platform: 'x',
    matchPostPage,
    replyTargetHandle,
    badgeSlot: (article: HTMLElement) => {
      const bar = own<HTMLElement>(article, SEL.actionBar);
      return bar?.parentElement ? { parent: bar.parentElement, before: bar } : { parent: article, before: null };
    },
    isOverlayRoute: (url: URL) => /^\/(compose|i\/compose)\//.test(url.pathname),
    read,
    watch(signal: AbortSignal, reread: () => void) {
      const watch = endWatcher(reread);
      if (!watch) return;
      endWatch = watch;
      signal.addEventListener(
        'abort',
        () => {
          watch.dispose();
          if (endWatch === watch) endWatch = null;
        },
        { once: true },
      );
    },
    // Used only after a person acts: in the overlay's deferred code, loaded by then (Reply loads it; an insertion
    // is made by it, so the send button is read with it in).
    openReply: async (element: HTMLElement) => (await loadActions()).xReplyBox.openReply(element),
    focusedEditor,
    editorKind,
    sendEnabled: (editor: HTMLElement) => loadedActions()?.xReplyBox.sendEnabled(editor) ?? null,
    theme,
  };
}

export const xAdapter: SiteAdapter = createXAdapter();
