// Turns the badge's view (Badge.tsx, a pure function of what it shows) into plain DOM, and draws it again by
// writing only what differs. Thousands of badges live on a Facebook or Instagram page: a badge is only nodes in
// its shadow root — no Preact component, virtual tree or closure is kept per badge (issue #10: heap and time per
// batch). Text is only ever written as text.
import type { ComponentChild, VNode } from 'preact';
import { Badge, type BadgeContent } from './Badge';
import { flatten, type ViewProps } from './flatten-view';

export type { BadgeContent } from './Badge';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Props = ViewProps;

/** The page contract: the buttons of an unanswered comment's badge, by their data-rr-action. */
export const BADGE_ACTIONS = ['reply', 'templates', 'done', 'snooze'] as const;
export type BadgeAction = (typeof BADGE_ACTIONS)[number];

/**
 * Draws the badge into `mount` (an element in the badge's shadow root), changing only what differs from what it
 * showed: its buttons stay the same nodes, focus included, while they are shown (a redraw under a person's pointer
 * — a template saved in the options redraws every badge — must not take the button away between press and release).
 */
export function drawBadge(mount: HTMLElement, content: BadgeContent): void {
  morphChildren(mount, Badge(content), false);
}

/** The badge button a person pressed (forged events, disabled buttons and clicks beside the buttons: null). */
export function badgeActionOf(event: Event): BadgeAction | null {
  if (event.isTrusted !== true) return null;
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-rr-action]');
  const action = button && !button.disabled ? button.getAttribute('data-rr-action') : null;
  return (BADGE_ACTIONS as readonly (string | null)[]).includes(action) ? (action as BadgeAction) : null;
}

/** Whether `node` can show `view`: a text for a text, else the same element and class (Badge's buttons come in a
 * fixed order, so Done and Snooze, alike in class, never trade places). */
function fits(node: Node, view: VNode<Props> | string): boolean {
  if (typeof view === 'string') return node.nodeType === 3;
  const el = node as Element;
  return el.localName === view.type && el.getAttribute('class') === ((view.props.class as string) ?? null);
}

/**
 * Makes `parent`'s children show `view`, keeping each node that fits (the next one that does, in order: a marker
 * shown or hidden before the pill moves nothing else). Attributes `undefined` are absent, `true` ones empty (Badge
 * passes aria-* values as strings); text is only ever written as text.
 */
function morphChildren(parent: Node, view: ComponentChild, svg: boolean): void {
  const doc = parent.ownerDocument as Document;
  let at: Node | null = parent.firstChild;
  for (const next of flatten(view, [])) {
    let found: Node | null = at;
    while (found && !fits(found, next)) found = found.nextSibling;
    // What it skipped over is no longer shown.
    while (found && at && at !== found) {
      const gone: Node = at;
      at = gone.nextSibling;
      parent.removeChild(gone);
    }
    const node = found ?? create(doc, next, svg);
    if (found) at = found.nextSibling;
    if (typeof next === 'string') {
      if ((node as Text).data !== next) (node as Text).data = next;
    } else {
      const el = node as Element;
      const props = next.props;
      if (found) for (const name of el.getAttributeNames()) if (props[name] === undefined) el.removeAttribute(name);
      for (const name in props) {
        const value = props[name];
        if (name === 'children' || value === undefined) continue;
        const text = value === true ? '' : String(value);
        if (!found || el.getAttribute(name) !== text) el.setAttribute(name, text);
      }
      morphChildren(el, props.children as ComponentChild, svg || next.type === 'svg');
    }
    // A new node goes in whole, built while detached (cheaper than node by node into the page).
    if (!found) parent.insertBefore(node, at);
  }
  while (at) {
    const gone = at;
    at = at.nextSibling;
    parent.removeChild(gone);
  }
}

function create(doc: Document, view: VNode<Props> | string, svg: boolean): Node {
  if (typeof view === 'string') return doc.createTextNode(view);
  return svg || view.type === 'svg'
    ? doc.createElementNS(SVG_NS, view.type as string)
    : doc.createElement(view.type as string);
}
