// happy-dom's compareDocumentPosition numbers every node under the two nodes' common ancestor to order them (for two
// rows of Facebook's post dialog capture, most of a 3 MB page): a quarter of the Facebook and Instagram fuzz's time per
// tree (CPU profiles, 2026-12-01). The fuzz swaps in this one, which orders the two ancestors' places among their
// shared parent's children, as browsers do. `fuzz-facebook.test.ts` checks it against happy-dom's own on the seeds.

const PROXIED = new Set(['form', 'select']);

type Compare = (this: Node, other: Node) => number;

/** The same answer as the DOM standard's steps, in time proportional to depth and one parent's children. */
export function compareByAncestors(original: Compare): Compare {
  return function compare(this: Node, other: Node): number {
    if (this === other) return 0;
    // Attributes, and the elements happy-dom hands out as proxies (their children's parentNode is the proxy's target).
    if (PROXIED.has((this as Element).localName) || PROXIED.has((other as Element).localName)) {
      return original.call(this, other);
    }
    if (this.nodeType === Node.ATTRIBUTE_NODE || other.nodeType === Node.ATTRIBUTE_NODE) {
      return original.call(this, other);
    }
    const mine: Node[] = [];
    for (let n: Node | null = this; n; n = n.parentNode) {
      if (n === other) return Node.DOCUMENT_POSITION_CONTAINS | Node.DOCUMENT_POSITION_PRECEDING;
      mine.push(n);
    }
    const theirs: Node[] = [];
    for (let n: Node | null = other; n; n = n.parentNode) {
      if (n === this) return Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING;
      theirs.push(n);
    }
    let i = mine.length - 1;
    let j = theirs.length - 1;
    if (mine[i] !== theirs[j]) return original.call(this, other); // not in one tree
    while (mine[i - 1] === theirs[j - 1]) {
      i--;
      j--;
    }
    // mine[i - 1] and theirs[j - 1] are different children of the common ancestor mine[i].
    const children = Array.prototype.slice.call(mine[i]!.childNodes) as Node[];
    const at = children.indexOf(mine[i - 1]!);
    const theirsAt = children.indexOf(theirs[j - 1]!);
    if (at < 0 || theirsAt < 0) return original.call(this, other); // a proxied child
    return theirsAt < at ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
  };
}

/** happy-dom's own, kept for the check. */
export const happyDomCompare: Compare = Node.prototype.compareDocumentPosition;

Node.prototype.compareDocumentPosition = compareByAncestors(happyDomCompare);
