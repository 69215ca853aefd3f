// The post of a dialog open over a page whose address names no post (Facebook opens a post's dialog over the feed, a
// Page or a group without changing the address). Asked at every batch while such an address is shown, so it is
// followed from the batch's changes: the links that named the post are remembered, and only added subtrees and
// changed links are looked at. A dialog coming or going, or a remembered link changing or leaving, looks again.
import type { PageChanges as Changes } from '../types';
import { parseCommentLink } from './links';
import { conversationScope, SEL } from './page';

const COMMENT_LINK = 'a[href*="comment_id="]';

export class DialogPost {
  /** Elements looked at by the last call (tests count them: on a batch they must not grow with the page). */
  visited = 0;
  #doc: Document | null = null;
  #base: URL | null = null;
  #scope: Element | null = null;
  /** The first shown comment link naming the post, and the first naming half of it (base64 ids). */
  #post: { el: Element; id: string } | null = null;
  #half: { el: Element; id: string } | null = null;
  /** The change set last followed (the page session and the reader hand the same one in one batch). */
  #followed: ReadonlySet<Node> | null = null;

  /**
   * The post the open dialog shows: the post path its comment links carry, else the post half of a base64 comment
   * id; null without such a dialog. `changed`: what changed since the last call (without it, look at the dialog).
   */
  id(doc: Document, changed?: Changes): string | null {
    this.visited = 0;
    this.#base = baseOf(doc);
    if (!changed || !this.#follow(doc, changed)) this.#look(doc);
    this.#followed = changed ?? null;
    return this.#post?.id ?? this.#half?.id ?? null;
  }

  #look(doc: Document): void {
    this.#doc = doc;
    this.#post = null;
    this.#half = null;
    const scope = conversationScope(doc);
    this.#scope = scope;
    if (!scope.matches(SEL.dialog)) return;
    for (const a of scope.querySelectorAll(COMMENT_LINK)) {
      this.#take(a);
      if (this.#post) return;
    }
  }

  /** Follows one batch; false when the dialog must be looked at again. */
  #follow(doc: Document, changed: Changes): boolean {
    if (changed === this.#followed) return true;
    const scope = this.#scope;
    if (doc !== this.#doc || !scope?.isConnected || dialogMayHaveMoved(changed, scope)) return false;
    if (!scope.matches(SEL.dialog)) return true; // no dialog, and none came
    for (const found of [this.#post, this.#half]) {
      if (found && (!found.el.isConnected || changed.has(found.el))) return false;
    }
    const added = changed.added;
    for (const node of changed) {
      if (node.nodeType !== 1 || !node.isConnected) continue;
      const el = node as Element;
      if (!scope.contains(el)) continue;
      // An added subtree is looked into; a link whose href changed is looked at alone; a node something left, not.
      if (el.matches(COMMENT_LINK)) this.#take(el);
      if (added ? added.has(el) : true) for (const a of el.querySelectorAll(COMMENT_LINK)) this.#take(a);
    }
    return true;
  }

  /** Notes a comment link when it names the post before the one known (document order). */
  #take(a: Element): void {
    this.visited++;
    if (!this.#base || a.closest(SEL.hidden)) return;
    const link = parseCommentLink(a.getAttribute('href') ?? '', this.#base);
    if (link?.postId && (!this.#post || precedes(a, this.#post.el))) this.#post = { el: a, id: link.postId };
    else if (link?.postHalf && (!this.#half || precedes(a, this.#half.el))) this.#half = { el: a, id: link.postHalf };
  }
}

function baseOf(doc: Document): URL | null {
  try {
    return new URL(doc.URL);
  } catch {
    return null;
  }
}

const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/** A dialog added or removed, or rows arriving in a dialog that is not the conversation read now. */
export function dialogMayHaveMoved(changed: Changes, scope: Element): boolean {
  for (const node of changed) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    // Only added and removed subtrees are looked into (a node something was removed from may be the whole list).
    const whole = !el.isConnected || (changed.added ? changed.added.has(el) : true);
    if (whole && (el.matches(SEL.dialog) || el.querySelector(SEL.dialog))) return true;
    if (el.isConnected && !scope.contains(el) && el.closest(SEL.dialog)) return true;
  }
  return false;
}
