// Counts the queries a piece of reading makes with a combinator in their selector ('a[href] img'): Chrome's
// querySelector(All) with one costs in proportion to the page, not to the element queried (20 new Instagram threads:
// 0.03 ms at 200 comments, 1.3–2.8 ms at 10,000), so a batch's reading must make none (issue #10).

/** True when a selector (list) has a combinator outside its brackets, quotes and parentheses. */
export function hasCombinator(selector: string): boolean {
  let depth = 0;
  let quote = '';
  for (const [i, ch] of [...selector].entries()) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (depth === 0 && /[\s>+~]/.test(ch)) {
      // A space next to a comma only separates the list's selectors.
      const before = selector.slice(0, i).trimEnd().at(-1);
      const after = selector.slice(i + 1).trimStart()[0];
      if (
        /\s/.test(ch) &&
        (before === undefined || before === ',' || after === ',' || after === undefined || /[>+~]/.test(after ?? ''))
      )
        continue;
      return true;
    }
  }
  return false;
}

/** Runs `fn`, listing the selectors with a combinator it queried elements or documents with. */
export function combinatorQueries<T>(fn: () => T): { result: T; selectors: string[] } {
  const selectors: string[] = [];
  const protos = [Element.prototype, Document.prototype] as const;
  const saved = protos.map((p) => ({ one: p.querySelector, all: p.querySelectorAll }));
  for (const [i, proto] of protos.entries()) {
    const { one, all } = saved[i]!;
    proto.querySelector = function (this: ParentNode, selector: string) {
      if (hasCombinator(selector)) selectors.push(selector);
      return one.call(this as Element & Document, selector);
    } as typeof one;
    proto.querySelectorAll = function (this: ParentNode, selector: string) {
      if (hasCombinator(selector)) selectors.push(selector);
      return all.call(this as Element & Document, selector);
    } as typeof all;
  }
  try {
    return { result: fn(), selectors };
  } finally {
    for (const [i, proto] of protos.entries()) {
      proto.querySelector = saved[i]!.one as never;
      proto.querySelectorAll = saved[i]!.all as never;
    }
  }
}
