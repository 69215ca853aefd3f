// Reading the panel's markup for the panel-markup tests.
import type { QueuePanelProps } from '../../../components/overlay/QueuePanel';
import { mountPanel } from './dom';

/** The panel's markup for `props`, its body's id (a counter per panel) made constant. */
export function drawnMarkup(props: QueuePanelProps): string {
  const m = mountPanel(props);
  const html = m.mount.innerHTML.replace(/rr-queue-\d+/g, 'rr-queue-N');
  m.host.remove();
  return html;
}

/** The tree as text with each element's attributes in name order (their order means nothing to CSS or the page). */
export function shape(node: Node): string {
  if (node.nodeType !== Node.ELEMENT_NODE) return JSON.stringify(node.nodeValue);
  const el = node as Element;
  const attrs = el
    .getAttributeNames()
    .sort()
    .map((n) => `${n}=${JSON.stringify(el.getAttribute(n)?.replace(/rr-queue-\d+/g, 'rr-queue-N'))}`);
  return `<${el.localName} ${attrs.join(' ')}>${[...el.childNodes].map(shape).join('')}</${el.localName}>`;
}
