// Which rows a batch's changes touch: what was read of every other row stays valid.
import { SEL } from './selectors';

export interface Dirty {
  article(article: Element): boolean;
  cell(cell: Element): boolean;
}

/**
 * Which articles and cells a set of changed nodes touches: a change inside an article or a cell (or the cell
 * itself, added). A change to the list itself (a row added or removed) touches no other row: the walk over the
 * cells finds the new ones, which nothing was cached for, and the ones gone are simply not there.
 */
export function dirtyTest(changed: ReadonlySet<Node>): Dirty {
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
