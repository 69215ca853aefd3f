// X (x.com, twitter.com) adapter: reads a status page's conversation and finds its reply boxes.
// Every X selector lives in ./x/selectors.ts; opening a reply box is in ./x/reply-box.ts (deferred code). X's class names are generated, so structure and data-testids are the
// anchors; English labels are only used to name what a control already was found to be.
// Facts: /work/shared/reference/sites.md (X), control-panel-for-twitter script.js (connector lines, headings).
import { normalizeHandle } from '../core/keys';
import type { Author, Comment, Post } from '../core/model';
import { t, tn } from '../i18n';
import { loadActions, loadedActions } from '../overlay/actions-loader';
import type { CollapsedPart, EditorKind, PageRead, ReadComment, SiteAdapter } from './types';
import { editorFrom, own, SEL } from './x/selectors';

const STATUS_PATH = /^\/(?:i\/web|([A-Za-z0-9_]{1,20}))\/status(?:es)?\/(\d{1,25})(?:\/|$)/;
/** What an X handle can be (letters, digits, underscore), as in STATUS_PATH. */
const HANDLE = /^[A-Za-z0-9_]{1,20}$/;
const X_HOSTS = new Set(['x.com', 'twitter.com', 'www.x.com', 'www.twitter.com', 'mobile.x.com', 'mobile.twitter.com']);
/** Path segments that look like a handle but are X's own pages. */
const RESERVED = new Set(['i', 'home', 'explore', 'notifications', 'messages', 'settings', 'search', 'compose']);

/** Twitter's snowflake epoch (2010-11-04T01:42:54.657Z). */
const TWEPOCH = 1288834974657n;
const YEAR_2100 = 4102444800000;

/**
 * Creation time (epoch ms) encoded in an X status id, or null when the id is not a snowflake
 * (ids from before November 2010 are plain counters). Exact to the millisecond, and unchanged by later edits.
 */
export function snowflakeTime(id: string): number | null {
  if (!/^\d{1,25}$/.test(id)) return null;
  const ms = Number((BigInt(id) >> 22n) + TWEPOCH);
  return ms > Number(TWEPOCH) && ms < YEAR_2100 ? ms : null;
}

export function matchPostPage(url: URL): { postId: string } | null {
  if (!X_HOSTS.has(url.hostname)) return null;
  const m = STATUS_PATH.exec(url.pathname);
  if (!m) return null;
  if (m[1] && RESERVED.has(m[1].toLowerCase())) return null;
  return { postId: m[2]! };
}

/** The handle written in a status URL, when it has one (`/i/web/status/<id>` has none). */
function handleInPath(pathname: string): string | null {
  const m = STATUS_PATH.exec(pathname);
  return m?.[1] && !RESERVED.has(m[1].toLowerCase()) ? m[1] : null;
}

/** Visible text of a node: text nodes plus emoji `img[alt]`, `<br>` as a line break; icons (and `skip`) left out. */
export function readText(node: Node, skip?: Node): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child === skip) continue;
    if (child.nodeType === 3) out += (child as Text).data;
    else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.localName;
      if (tag === 'img') out += el.getAttribute('alt') ?? '';
      else if (tag === 'br') out += '\n';
      else if (tag !== 'svg' && tag !== 'style' && tag !== 'script') out += readText(el, skip);
    }
  }
  return out;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface ArticleRead {
  id: string;
  author: Author;
  permalink: string;
  text: string;
  lang?: string;
  postedAt: number;
  editedAt?: number;
}

/** The status id an article shows: its own `time`'s status link (quoted posts have links of their own). */
export function articleStatusId(article: Element, base: URL): string | null {
  const link = own(article, SEL.time)?.closest<HTMLAnchorElement>(SEL.statusLink);
  return link ? statusIdOf(link, base) : null;
}

function statusIdOf(link: Element, base: URL): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  try {
    return STATUS_PATH.exec(new URL(href, base).pathname)?.[2] ?? null;
  } catch {
    return null;
  }
}

/** Reads one `article[data-testid="tweet"]`; says why when it cannot. */
export function readArticle(article: Element, base: URL): ArticleRead | { problem: string } {
  const time = own(article, SEL.time);
  if (!time) return { problem: t('problem_reason_no_time') };
  const link = time.closest(SEL.statusLink);
  const href = link?.getAttribute('href');
  if (!link || !href) return { problem: t('problem_reason_time_unlinked') };
  let linkPath: string;
  try {
    linkPath = new URL(href, base).pathname;
  } catch {
    return { problem: t('problem_reason_bad_link') };
  }
  const id = STATUS_PATH.exec(linkPath)?.[2];
  if (!id) return { problem: t('problem_reason_bad_link') };

  const nameBlock = own(article, SEL.userName);
  let handle: string | null = null;
  let displayName = '';
  // An "@…" that is not a handle (a bidi or zero-width character inside it, say) names nobody we can trust: the
  // author is unreadable, never a look-alike account (that would make the brand's own post read as someone else's).
  let garbled = false;
  if (nameBlock) {
    for (const a of nameBlock.querySelectorAll('a')) {
      const text = oneLine(readText(a));
      if (text.startsWith('@')) {
        if (HANDLE.test(text.slice(1))) handle ??= text.slice(1);
        else garbled = true;
      } else if (!displayName) displayName = oneLine(readText(a.querySelector('[dir]') ?? a));
    }
  }
  if (!handle && garbled) return { problem: t('problem_reason_no_author') };
  handle ??= handleInPath(linkPath);
  if (!handle) return { problem: t('problem_reason_no_author') };

  const datetime = Date.parse(time.getAttribute('datetime') ?? '');
  const postedAt = snowflakeTime(id) ?? datetime;
  if (!Number.isFinite(postedAt)) return { problem: t('problem_reason_bad_time') };
  // An edited post shows its edit time in `time`; the id still encodes when it was first posted.
  const edited = own(article, SEL.historyLink) !== null;
  const editedAt = edited && Number.isFinite(datetime) && Math.abs(datetime - postedAt) >= 1000 ? datetime : undefined;

  const textEl = own(article, SEL.tweetText);
  const origin = base.origin;
  const read: ArticleRead = {
    id,
    author: { handle: normalizeHandle(handle), displayName: displayName || handle, profileUrl: `${origin}/${handle}` },
    permalink: `${origin}/${handleInPath(linkPath) ?? handle}/status/${id}`,
    text: textEl ? readText(textEl).trim() : '',
    postedAt,
  };
  const lang = textEl?.getAttribute('lang');
  if (lang) read.lang = lang;
  if (editedAt !== undefined) read.editedAt = editedAt;
  return read;
}

/**
 * How X draws a thread: the row of a reply that answers the row above it starts with a line column
 * holding a 2px vertical line (above its avatar), and the upper row's avatar column continues with a
 * 2px line below the avatar. Both lines are empty leaf divs; control-panel-for-twitter tells them by
 * their computed width of 2px (`isReplyToPreviousTweet`). Where no layout is available the shape alone
 * decides: the header row has a leading column holding an empty leaf (a plain row has only its spacer).
 */
export function connectorLines(article: Element): { above: boolean; below: boolean } {
  const headerRow = article.firstElementChild?.firstElementChild?.firstElementChild?.firstElementChild;
  const lineColumn = headerRow && headerRow.childElementCount > 1 ? headerRow.firstElementChild : null;
  const above = isLine(lineColumn?.firstElementChild ?? null);
  const avatar = own(article, SEL.avatar);
  let below = false;
  for (let el = avatar?.nextElementSibling ?? null; el && !below; el = el.nextElementSibling) below = isLine(el);
  return { above, below };
}

/**
 * Connector lines need a style read: each row's lines are read once per status shown, and again only when a change
 * is seen inside the row (X draws the line below a row when the reply under it loads) or on a full read.
 */
const linesSeen = new WeakMap<Element, { id: string; lines: { above: boolean; below: boolean } }>();
function cachedConnectorLines(article: Element, id: string, dirty: Dirty | null): { above: boolean; below: boolean } {
  const seen = linesSeen.get(article);
  if (seen?.id === id && (dirty ? !dirty.article(article) : seen.lines.above || seen.lines.below)) return seen.lines;
  const lines = connectorLines(article);
  linesSeen.set(article, { id, lines });
  return lines;
}

function isLine(el: Element | null): boolean {
  if (!el || el.childElementCount > 0 || (el.textContent ?? '').trim() !== '') return false;
  const width = styledWidth(el);
  return Number.isNaN(width) || (width > 0 && width <= 4);
}

/**
 * The width X's style sheet gives a box (2px for a line), in px; NaN when none is known. The computed value
 * (`computedStyleMap`, Chromium) needs styles only; `getComputedStyle(...).width` is the used value, which lays out
 * the whole page in the middle of a batch (issue #10) — the fallback where Typed OM is missing (Firefox).
 */
function styledWidth(el: Element): number {
  if (!el.isConnected) return Number.NaN;
  if (typeof el.computedStyleMap === 'function') {
    const width = el.computedStyleMap().get('width') as { value?: unknown; unit?: unknown } | undefined;
    return width?.unit === 'px' && typeof width.value === 'number' ? width.value : Number.NaN;
  }
  const view = el.ownerDocument.defaultView;
  return view ? Number.parseFloat(view.getComputedStyle(el).width) : Number.NaN;
}

/** The vertical offset X gives a virtualized row (`transform: translateY(…px)`), when it has one. */
function rowOffset(cell: HTMLElement): number | null {
  const m = /translateY\((-?[\d.]+)px\)/.exec(cell.style?.transform ?? '');
  return m ? Number(m[1]) : null;
}

function collapsedKind(text: string): CollapsedPart['kind'] {
  if (/probable spam/i.test(text)) return 'spam';
  if (/offensive/i.test(text)) return 'offensive';
  return 'more-replies';
}

/** The visible "@handle" of the account the user acts as (side navigation account switcher). */
export function readActingHandle(doc: Document): string | null {
  const switcher = doc.querySelector(SEL.accountSwitcher);
  if (!switcher) return null;
  const testId = switcher.querySelector(SEL.avatarContainer)?.getAttribute('data-testid');
  const fromAvatar = testId?.slice('UserAvatar-Container-'.length);
  if (fromAvatar) return normalizeHandle(fromAvatar);
  const m = /@([A-Za-z0-9_]{1,20})/.exec(switcher.textContent ?? '');
  return m ? normalizeHandle(m[1]!) : null;
}

type Row =
  | { kind: 'tweet'; cell: HTMLElement; article: HTMLElement; id: string | null }
  | { kind: 'heading'; cell: HTMLElement; text: string }
  | { kind: 'collapsed'; cell: HTMLElement; part: CollapsedPart }
  | { kind: 'other'; cell: HTMLElement };

function classifyCell(cell: HTMLElement, base: URL): Row {
  const article = cell.querySelector<HTMLElement>(SEL.tweet);
  if (article) return { kind: 'tweet', cell, article, id: articleStatusId(article, base) };
  const heading = cell.querySelector(SEL.heading);
  if (heading && !cell.querySelector(SEL.anyArticle))
    return { kind: 'heading', cell, text: oneLine(cell.textContent ?? '') };
  const button = cell.querySelector<HTMLElement>(SEL.button);
  if (button && !cell.querySelector(SEL.composerParts)) {
    // "Show additional replies, including those that may contain offensive content [Show]": the sentence names it.
    const label = oneLine(readText(cell, button)) || oneLine(readText(button));
    if (label) {
      // A tombstone article with a button ("from an account you muted · View") hides one reply.
      const kind = cell.querySelector(SEL.anyArticle) ? 'replies-hidden' : collapsedKind(label);
      return { kind: 'collapsed', cell, part: { kind, label, element: button } };
    }
  }
  return { kind: 'other', cell };
}

/**
 * A heading cell ends the conversation: X follows the replies with "Discover more" ("Sourced from across X"),
 * posts from other conversations. The only heading known inside the replies is the probable-spam section.
 */
function isSpamHeading(text: string): boolean {
  return /probable spam/i.test(text);
}

/** Without a mounted heading: is this row one X showed below "Discover more" before? */
function seenBelowHeading(id: string, cell: HTMLElement, memory: Memory): boolean {
  if (memory.outside.has(id)) return true;
  if (memory.inside.has(id) || memory.headingOffset === null) return false;
  const offset = rowOffset(cell);
  return offset !== null && offset >= memory.headingOffset;
}

/**
 * What earlier reads of one post learned, keyed by status id (X recycles row elements, ids stay true):
 * X unmounts rows far from the viewport, so the post, a reply's parent or the Discover more heading
 * may be gone from the DOM while rows that depend on them are still shown.
 */
interface Memory {
  author: Author | null;
  /** Offset of the "Discover more" heading row: rows below it are outside even once the heading unmounts. */
  headingOffset: number | null;
  outside: Set<string>;
  inside: Set<string>;
  /** The end of the conversation has been on screen (the Discover more heading, or the bottom of the page). */
  endSeen: boolean;
  links: Map<string, { parentId?: string; threadKey: string }>;
}

/** The row above, as far as a reply below it may answer it (`id` null: a deleted post's tombstone). */
type PrevRow = { id: string | null; threadKey: string; below: boolean; adjacent: boolean };

const MAX_POSTS_REMEMBERED = 8;
const MAX_IDS_REMEMBERED = 20000;

export function createXAdapter(): SiteAdapter {
  const memories = new Map<string, Memory>();

  function memoryFor(postId: string): Memory {
    let memory = memories.get(postId);
    if (memory) {
      memories.delete(postId); // re-insert: most recent last
    } else {
      memory = {
        author: null,
        headingOffset: null,
        outside: new Set(),
        inside: new Set(),
        links: new Map(),
        endSeen: false,
      };
    }
    if (memory.links.size + memory.inside.size + memory.outside.size > MAX_IDS_REMEMBERED) {
      memory.links.clear();
      memory.inside.clear();
      memory.outside.clear();
    }
    memories.set(postId, memory);
    while (memories.size > MAX_POSTS_REMEMBERED) memories.delete(memories.keys().next().value!);
    return memory;
  }

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

  function read(doc: Document, url: URL, changed?: ReadonlySet<Node>): PageRead {
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
    readConversation(focus >= 0 ? rows.slice(focus + 1) : rows, result, result.post, memory, url);
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

  function belongsToAnotherPost(id: string, postId: string): boolean {
    for (const [otherId, other] of memories) {
      if (otherId !== postId && (otherId === id || other.inside.has(id))) return true;
    }
    return false;
  }

  function readConversation(rows: Row[], result: PageRead, post: Post, memory: Memory, url: URL): void {
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
      const read = readArticleOnce(row.article, url);
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

interface Dirty {
  article(article: Element): boolean;
  cell(cell: Element): boolean;
}

/**
 * Which articles and cells a set of changed nodes touches: a change inside an article or a cell (or the cell
 * itself, added). A change to the list itself (a row added or removed) touches no other row: the walk over the
 * cells finds the new ones, which nothing was cached for, and the ones gone are simply not there.
 */
function dirtyTest(changed: ReadonlySet<Node>): Dirty {
  const articles = new Set<Element>();
  const cells = new Set<Element>();
  for (const node of changed) {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!el) continue;
    const article = el.closest(SEL.anyArticle);
    if (article) articles.add(article);
    const cell = el.closest(SEL.cell);
    if (cell) cells.add(cell);
  }
  return {
    article: (article) => articles.has(article) || cells.has(article.closest(SEL.cell) as Element),
    cell: (cell) => cells.has(cell),
  };
}

/**
 * The handle a dialog reply box answers ("Replying to @handle"); the inline box under the post answers the post.
 * The dialog also shows the post being answered: @-links in its text or in a post it quotes name other people.
 */
export function replyTargetHandle(editor: HTMLElement): string | null {
  const dialog = editor.closest(SEL.dialog);
  if (!dialog) return null;
  const elsewhere = (link: Element) => {
    const holder = link.closest(SEL.notReplyingTo);
    return holder !== null && holder !== dialog && dialog.contains(holder);
  };
  for (const link of dialog.querySelectorAll<HTMLAnchorElement>(SEL.profileLink)) {
    if (elsewhere(link) || link.closest(SEL.editorBox)) continue;
    const m = /^@([A-Za-z0-9_]{1,20})$/.exec((link.textContent ?? '').trim());
    if (m && link.getAttribute('href')?.toLowerCase() === `/${m[1]!.toLowerCase()}`) return normalizeHandle(m[1]!);
  }
  return null;
}

interface EndWatch {
  /** After the browser's next layout, notes in `memory` whether the page is scrolled to its bottom. */
  measure(target: Element, memory: Memory): void;
  dispose(): void;
}

/**
 * Whether the page is scrolled to its bottom, measured when an IntersectionObserver reports (after the browser's own
 * layout, so the page's height costs no layout of its own): observing `target` again makes the observer report once
 * more, after the frame. A newly seen end asks for another read, which no longer says "more below".
 */
function endWatcher(reread: () => void): EndWatch | null {
  if (typeof IntersectionObserver !== 'function') return null;
  let waiting: Memory | null = null;
  const observer = new IntersectionObserver((entries, self) => {
    for (const entry of entries) self.unobserve(entry.target);
    const memory = waiting;
    const target = entries[0]?.target;
    waiting = null;
    if (!memory || memory.endSeen || !target?.isConnected) return;
    if (scrolledToBottom(target.ownerDocument)) {
      memory.endSeen = true;
      reread();
    }
  });
  return {
    measure(target, memory) {
      waiting = memory;
      observer.unobserve(target);
      observer.observe(target);
    },
    dispose: () => observer.disconnect(),
  };
}

/** X loads replies as the page nears its bottom; having been there means the loaded list is the whole list. */
function scrolledToBottom(doc: Document): boolean {
  const scroller = doc.scrollingElement;
  const view = doc.defaultView;
  if (!scroller || !view) return false;
  return view.scrollY + view.innerHeight >= scroller.scrollHeight - 4;
}

export function focusedEditor(doc: Document): HTMLElement | null {
  return editorFrom(doc.activeElement);
}

export function editorKind(editor: HTMLElement): EditorKind {
  return editor.closest(SEL.draftContent) ? 'draft' : 'contenteditable';
}

/** X paints the body: white (light), rgb(21,32,43) "Dim", rgb(0,0,0) "Lights out". */
export function theme(doc: Document): 'light' | 'dark' {
  const body = doc.body;
  if (!body) return 'light';
  const view = doc.defaultView;
  const color = (view ? view.getComputedStyle(body).backgroundColor : '') || body.style.backgroundColor;
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return 'light';
  if (m[4] !== undefined && Number.parseFloat(m[4]) === 0) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  // Perceived lightness (Rec. 601 luma): Dim's rgb(21,32,43) is about 30/255.
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? 'dark' : 'light';
}

export const xAdapter: SiteAdapter = createXAdapter();
