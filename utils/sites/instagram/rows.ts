// Finding Instagram's comment rows. A comment is anchored on its timestamp link (`/p/<code>/c/<id>/`, absolute
// `time[datetime]`); its row is the nearest block around that link holding the author's profile picture. Replies
// are told apart by nesting alone (the 2026 captures link replies as `/c/<id>/` too): a reply sits deeper than its
// parent, inside a block whose first comment is that parent.
import { matching, profileHandleOf, SEL } from './selectors';
import { visibleText } from './text';

/** Ancestors of `el` up to the document: rows of one list share their depth, replies sit deeper. */
const depths = new WeakMap<Element, number>();
/** `fresh`: count again (a row read again may have been moved or wrapped since). */
export function depthOf(el: Element, fresh = false): number {
  const known = fresh ? undefined : depths.get(el);
  if (known !== undefined && el.isConnected) return known;
  let depth = 0;
  for (let at = el.parentElement; at; at = at.parentElement) depth++;
  depths.set(el, depth);
  return depth;
}

/** A link whose href is one profile (`/<user>/`). */
export function profileLinkHandle(el: Element): string | null {
  return el.localName === 'a' ? profileHandleOf(el.getAttribute('href')) : null;
}

/** True when `el` holds a profile picture: an image inside a link to a profile. */
export function hasAvatar(el: Element): boolean {
  for (const img of matching(el, 'img', SEL.avatarImage)) {
    const link = img.closest('a');
    if (link && el.contains(link) && profileLinkHandle(link)) return true;
  }
  return false;
}

/** The avatar links of a scope (profile links around an image). */
export function avatarLinks(scope: Element): Element[] {
  const links: Element[] = [];
  for (const img of matching(scope, 'img', SEL.avatarImage)) {
    const link = img.closest('a');
    if (link && profileLinkHandle(link) && links.at(-1) !== link) links.push(link);
  }
  return links;
}

/**
 * The row of the comment whose timestamp link is `link`: the nearest block holding a profile picture, never one
 * that also holds another comment's timestamp (a thread holds its replies' rows too). `bound`: the block holding
 * another comment's timestamp that stopped the walk, when it did: should that timestamp go, the row may grow.
 */
export function rowOf(link: Element, stop: Element): { row: HTMLElement | null; bound: Element | null } {
  let last: HTMLElement | null = null;
  for (let el = link.parentElement; el && el !== stop; el = el.parentElement) {
    const times = matching(el, 'time', SEL.commentTime);
    if (last && !times.next().done && !times.next().done) return { row: last, bound: el };
    last = el;
    if (hasAvatar(el)) return { row: el, bound: null };
  }
  return { row: last, bound: null };
}

/** The row's author: its first profile link (the picture, then the name; @mentions in the text come after). */
export function authorLinkOf(row: Element): { link: Element; handle: string } | null {
  for (const link of row.querySelectorAll(SEL.link)) {
    const handle = profileLinkHandle(link);
    if (handle) return { link, handle };
  }
  return null;
}

/**
 * The comment's words: the blocks after the line that shows the author's name and the time (the name line also
 * carries labels such as "Pinned", which are not the comment). Falls back to the row without its header parts.
 */
export function commentText(row: Element, timeLink: Element, handle: string): string {
  let nameLine: Element | null = null;
  for (let el = timeLink.parentElement; el && el !== row; el = el.parentElement) {
    if (namesAuthor(el, handle)) {
      nameLine = el;
      break;
    }
  }
  if (nameLine && nameLine !== row) {
    const parts: string[] = [];
    for (let next = nameLine.nextElementSibling; next; next = next.nextElementSibling) {
      const text = visibleText(next);
      if (text) parts.push(text);
    }
    return parts.join('\n');
  }
  const skip = new Set<Node>([timeLink]);
  for (const link of row.querySelectorAll(SEL.link)) {
    if (profileLinkHandle(link) === handle && precedes(link, timeLink)) skip.add(link);
  }
  return visibleText(row, skip);
}

function namesAuthor(el: Element, handle: string): boolean {
  for (const link of el.querySelectorAll(SEL.link)) {
    if (profileLinkHandle(link) === handle && !link.querySelector('img')) return true;
  }
  return false;
}

export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out for any realm
}

/**
 * The control that opens the reply box: the first worded control of the row that is not a count ("12 likes",
 * "79 J’aime") nor an icon (the heart). Reading never depends on what the word is.
 */
export function replyControlOf(row: Element): HTMLElement | null {
  for (const control of row.querySelectorAll<HTMLElement>(SEL.control)) {
    if (control.querySelector('svg, img')) continue;
    const text = visibleText(control).trim() || (control.textContent ?? '').trim();
    if (!text || /\p{N}/u.test(text)) continue;
    return control;
  }
  return null;
}
