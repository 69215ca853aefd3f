// Reads a Facebook post's conversation incrementally. Facebook keeps every loaded comment in the DOM, so a batch
// looks only where the page changed: rows inside added subtrees, the rows a change landed in (and the rows holding
// them: a reply inside its parent's element), rows inside removed nodes, and the controls that follow a row that
// changed. What the whole page shows (rows that look like comments, copies, unreadable rows, hidden parts, the post,
// its count) is kept as running totals per element, so health stays whole-page without walking the page. A full
// read (the page's first, another conversation scope, or after a read that could not name the post) builds the
// index in one pass: one query for the rows, controls and composers.
import { t, tn } from '../../i18n';
import type { PageChanges, PageRead } from '../types';
import { ARTICLE, isCommentCandidate, readComment } from './comment';
import { DialogPost, dialogMayHaveMoved } from './dialog-post';
import { matchPostPage } from './links';
import {
  actingHandle,
  authorFromUrl,
  conversationScope,
  Memories,
  mayBePageFigure,
  rendered,
  SEL,
  toComment,
} from './page';
import { Index, type Row } from './row-index';

/** What the last read did, for tests: rows read and the roots queried (never the whole conversation on a delta). */
export interface ReadWork {
  rows: number;
  queried: Element[];
  /** Elements walked or looked at one by one: the post's header and count, the dialog's post links. */
  visited: number;
  /** Document-position comparisons placing the hidden parts in order. */
  compared: number;
  /** What the index holds per comment id now: ids, rows, lists (ids with copies). For tests: a walk over the ids. */
  held: () => { ids: number; rows: number; lists: number } | undefined;
}

const FIND = `${ARTICLE}, ${SEL.button}, ${SEL.editor}`;
/** The post keys of a row without a reading (shared, never changed). */
const NO_KEYS: string[] = [];

export function createFacebookReader() {
  const work: ReadWork = { rows: 0, queried: [], visited: 0, compared: 0, held: () => index?.heldById() };
  const memories = new Memories();
  /** The post of a dialog over an address that names none: followed batch by batch. */
  const dialog = new DialogPost();
  let index: Index | null = null;
  let lastKeys = NO_KEYS;
  /** The handle of each commenter's name (the reply box names whom it answers). */
  const byName = new Map<string, string>();

  function read(doc: Document, url: URL, changed?: PageChanges): PageRead {
    work.rows = 0;
    work.queried = [];
    work.visited = 0;
    work.compared = 0;
    const match = matchPostPage(url) ?? dialogMatch(doc, changed);
    const result: PageRead = {
      post: null,
      actingHandle: null,
      comments: [],
      collapsed: [],
      candidates: 0,
      problems: [],
    };
    if (!match) {
      index = null;
      return result;
    }
    const memory = memories.recall(match.postId);
    // The conversation's element is looked for again only when a dialog may have come or gone.
    const keep = changed && index?.scope.isConnected && !dialogMayHaveMoved(changed, index.scope);
    const scope = keep ? index!.scope : conversationScope(doc);
    const full =
      !changed ||
      !index ||
      index.scope !== scope ||
      index.postId !== match.postId ||
      index.href !== url.href ||
      rowsRenamed(changed, index);
    if (full) index = new Index(scope, match.postId, url.href, memory);
    const x = index!;
    x.controlOrder.compared = 0;
    const query = (root: Element, selector: string) => {
      work.queried.push(root);
      return root.querySelectorAll<HTMLElement>(selector);
    };
    const lang = doc.documentElement.getAttribute('lang') ?? undefined;
    const now = Date.now();

    const dirtyRows = new Set<Element>();
    const dirtyControls = new Set<HTMLElement>();
    const removed: Element[] = [];
    /** Added subtrees outside the rows: one may be the post's header or its count. */
    const outside: Element[] = [];
    let pageDirty = full;
    /** Controls found in added subtrees: new, or moved. */
    const inAdded = new Set<HTMLElement>();
    /** Rows new or changed themselves (not only inside): their visibility is asked again. */
    const selfChanged = new Set<Element>();
    const note = (el: HTMLElement) => {
      if (el.matches(ARTICLE)) {
        dirtyRows.add(el);
        selfChanged.add(el);
      } else if (el.matches(SEL.button)) {
        dirtyControls.add(el);
        if (!full) inAdded.add(el);
      } else x.editors.add(el);
    };
    if (full) for (const el of query(scope, FIND)) note(el);
    else {
      const added = changed!.added;
      for (const node of changed!) {
        if (node.nodeType !== 1 && node.nodeType !== 3) continue;
        if (!node.isConnected) {
          // Removed: the rows and controls it held are gone (nothing else is looked at).
          if (node.nodeType !== 1) continue;
          const el = node as Element;
          if (x.touchesPage(el)) pageDirty = true;
          if (!x.holdsAny()) continue;
          for (const gone of [el, ...query(el, `${ARTICLE}, ${SEL.button}`)]) {
            if (x.rows.has(gone)) removed.push(gone);
            x.dropControl(gone);
          }
          continue;
        }
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        if (!el || !scope.contains(el)) continue;
        // The rows the change sits in, and the rows holding them (their reading may depend on what they hold).
        for (let a = el.closest(ARTICLE); a; a = a.parentElement?.closest(ARTICLE) ?? null) dirtyRows.add(a);
        if (node === el && el.matches(ARTICLE)) selfChanged.add(el);
        const button = el.closest<HTMLElement>(SEL.button);
        if (button) dirtyControls.add(button);
        if (x.touchesPage(el)) pageDirty = true;
        // A node something was removed from, or whose text or link changed: nothing new under it.
        if (added ? !added.has(node) : node.nodeType !== 1) continue;
        if (node.nodeType === 1) {
          if (el.matches(FIND)) note(el as HTMLElement);
          for (const inner of query(el, FIND)) note(inner);
        }
        if (!el.closest(ARTICLE)) outside.push(el);
      }
    }

    // Rows: drop the removed, read the dirty, then settle which element shows each id they touched.
    const ids = new Set<string>();
    const moved: Element[] = [];
    for (const el of removed) {
      const id = x.drop(el);
      if (id) ids.add(id);
      for (const c of x.controlsAfter(el)) dirtyControls.add(c);
    }
    for (const el of dirtyRows) {
      if (!el.isConnected || !scope.contains(el)) continue;
      work.rows++;
      const candidate = isCommentCandidate(el);
      const before = x.rows.get(el)?.rendered ?? null;
      const seen = candidate ? (before !== null && !selfChanged.has(el) ? before : rendered(el)) : null;
      const ok = seen === true && !el.closest(SEL.hidden);
      const reading = ok ? readComment(el, url, now, lang) : null;
      const row: Row = { candidate, ok, rendered: seen, problem: null, comment: null, postKeys: NO_KEYS, path: '' };
      if (reading && 'problem' in reading) row.problem = reading.problem;
      else if (reading) {
        row.comment = toComment(reading, match.postId, url, memory);
        // Rows one after another name the same post: they share one array (an array each held 0.29 MB at 10,000).
        const keys = reading.postKeys;
        const same = keys.length === lastKeys.length && keys.every((key, i) => key === lastKeys[i]);
        row.postKeys = lastKeys = same ? lastKeys : keys;
        row.path = reading.permalinkPath ?? '';
        byName.set(reading.author.displayName, reading.author.handle);
      }
      const oldId = x.set(el, row);
      if (oldId) ids.add(oldId);
      if (row.comment) ids.add(row.comment.id);
      if (!full) {
        moved.push(el);
        for (const c of x.controlsAfter(el)) dirtyControls.add(c);
      }
    }
    const delta = x.settle(ids, (keys) => memories.stale(keys, match.postId));
    const isRow = (a: Element) => x.rows.get(a)?.candidate ?? isCommentCandidate(a);
    if (!pageDirty && outside.some((el) => mayBePageFigure(el, isRow))) pageDirty = true;

    // Controls: the changed ones, and those a new row may now precede.
    for (const el of moved) for (const c of x.controlsNear(el, scope, query)) dirtyControls.add(c);
    for (const button of dirtyControls) x.readControl(button, scope, inAdded.has(button));
    work.compared = x.controlOrder.compared;

    // The post, its count and its composers: read again only when a change came near them.
    if (pageDirty) work.visited += x.readPage(scope, url);
    for (const editor of x.editors) if (!editor.isConnected) x.editors.delete(editor);

    result.candidates = x.candidates();
    // Right after a navigation Facebook may still show the previous post under the new address: its rows are not
    // this post's; with nothing else on the page there is no post yet (loading, never "all answered").
    if (x.staleIds > 0 && x.shownCount() === 0) {
      index = null;
      return { ...result, candidates: 0 };
    }
    if (x.unreadable > 0) {
      const reasons = [...x.reasons].filter(([, n]) => n > 0).map(([reason]) => reason);
      result.problems.push(
        tn('problem_comments_unreadable_count', x.unreadable, {
          total: result.candidates,
          reasons: reasons.join('; '),
        }),
      );
    }
    const author = x.author ?? authorFromUrl(url);
    if (!author) {
      if (result.candidates > 0) result.problems.push(t('problem_post_author_missing'));
      index = null; // this read names no comment: the next one starts afresh
      return result;
    }
    const path = x.permalinkPath();
    result.post = {
      platform: 'facebook',
      id: match.postId,
      url: `${url.origin}${path ?? url.pathname + url.search}`,
      author,
    };
    result.collapsed = x.collapsed(scope);
    if (x.filtered) result.problems.push(t('problem_facebook_some_comments'));
    const count = x.count;
    // The post says it has comments and not one element looked like a comment: our way of finding them broke.
    if (count && count.value > 0 && result.candidates === 0) {
      result.problems.push(tn('problem_counted_comments_not_found', count.value));
      result.unfound = true;
    }
    // No comment, no comment count and no comment box: the conversation was not found where we look for it (a post
    // page always shows one of them), so this must not read as "all answered".
    const editorShown = [...x.editors].some((e) => !e.closest(SEL.hidden));
    if (result.candidates === 0 && !count && !editorShown) result.problems.push(t('problem_comments_not_found'));
    result.actingHandle = actingHandle(x.editors, byName, author);

    if (full) {
      // Numbered in place, not copied: a full read made every row's comment anew (a new index), and the overlay
      // keeps the same object (one copy per comment, issue #10).
      result.comments = x.inDocumentOrder().map(([element, comment], order) => {
        comment.order = order;
        return { element: element as HTMLElement, comment };
      });
      return result;
    }
    result.comments = delta.shown.map((element) => ({
      element: element as HTMLElement,
      comment: x.commentAt(element)!,
    }));
    result.delta = { released: delta.released as HTMLElement[], readable: x.shownCount() };
    return result;
  }

  function dialogMatch(doc: Document, changed?: PageChanges): { postId: string } | null {
    const postId = dialog.id(doc, changed);
    work.visited += dialog.visited;
    return postId ? { postId } : null;
  }

  return {
    read,
    /** The post a dialog over an address that names none shows (followed from the batch's changes). */
    shownPostId: (doc: Document, changed?: PageChanges) => dialog.id(doc, changed),
    /** The handle of the commenter a reply box names ("Reply to NAME"). */
    handleByName: (name: string) => byName.get(name) ?? null,
    /** What the last read did (tests count it: on a delta it must not grow with the page). */
    work,
  };
}

/**
 * An element became an article or stopped being one in place (its role changed): what is a comment, a control or
 * the post's own article may all have changed with it, so the page is read whole again. Sites rarely do this.
 */
function rowsRenamed(changed: PageChanges, index: Index): boolean {
  for (const node of changed) {
    if (node.nodeType !== 1 || !node.isConnected || changed.added?.has(node)) continue;
    const el = node as Element;
    if (el.matches(ARTICLE) !== index.rows.has(el) && index.scope.contains(el)) return true;
  }
  return false;
}
