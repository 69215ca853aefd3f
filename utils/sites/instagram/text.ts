// Reading Instagram's visible text: emoji images by their alt, <br> as a line break, and the whitespace React and
// formatters leave inside text nodes collapsed. Controls (Reply, like counts), icons and our own badge are skipped.

const SKIPPED_TAGS = new Set(['svg', 'style', 'script', 'button', 'rr-badge', 'textarea']);

function skipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.localName) || el.getAttribute('role') === 'button';
}

function collect(node: Node, skip: ReadonlySet<Node>, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (skip.has(child)) continue;
    if (child.nodeType === 3) out.push((child as Text).data.replace(/[ \t\r\n\f]+/g, ' '));
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.localName === 'img') out.push(el.getAttribute('alt') ?? '');
      else if (el.localName === 'br') out.push('\n');
      else if (!skipped(el)) collect(el, skip, out);
    }
  }
}

/** The text a person reads in `node`, lines trimmed; `skip` leaves out the given nodes (and what is inside them). */
export function visibleText(node: Node, skip: ReadonlySet<Node> = new Set()): string {
  const out: string[] = [];
  collect(node, skip, out);
  return out
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .trim();
}

/** What a control says: its text, else the label of its icon (Instagram's "Load more comments" is only an icon). */
export function controlLabel(control: Element): string {
  const own = control.getAttribute('aria-label')?.trim();
  if (own) return own;
  const out: string[] = [];
  collect(control, new Set(), out);
  const text = out.join('').replace(/\s+/g, ' ').trim();
  if (text) return text;
  for (const svg of control.querySelectorAll('svg[aria-label]')) {
    const label = svg.getAttribute('aria-label')?.trim();
    if (label) return label;
  }
  return '';
}
