// The text a site shows in a node, as a person reads it (X and Facebook; Instagram's reader also skips its controls
// and our badge, utils/sites/instagram/text.ts).

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

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
