// Turns the badge's view (Badge.tsx, a pure function of what it shows) into plain DOM, and draws it again by
// writing only what differs. Thousands of badges live on a Facebook or Instagram page: a badge is only nodes in
// its shadow root — no Preact component, virtual tree or closure is kept per badge (issue #10: heap and time per
// batch). Text is only ever written as text.
import type { ComponentChild, VNode } from 'preact';
import { Badge, type BadgeContent } from './Badge';

export type { BadgeContent } from './Badge';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The page contract: the buttons of an unanswered comment's badge, by their data-rr-action. */
export const BADGE_ACTIONS = ['reply', 'templates', 'done', 'snooze'] as const;
export type BadgeAction = (typeof BADGE_ACTIONS)[number];

/**
 * Draws the badge into `mount` (an element in the badge's shadow root), replacing what it showed. A button that
 * had the focus hands it to its successor (the picker gives it back to Templates when it closes).
 */
export function drawBadge(mount: HTMLElement, content: BadgeContent): void {
  const root = mount.getRootNode() as ShadowRoot;
  // Only when the focus is in this badge (the page's focus sits on our host then).
  const inside = mount.ownerDocument.activeElement === root.host;
  const focused = inside ? root.activeElement?.getAttribute('data-rr-action') : null;
  mount.replaceChildren(...toDom(mount.ownerDocument, Badge(content), false));
  for (const button of focused ? mount.querySelectorAll<HTMLElement>('[data-rr-action]') : []) {
    if (button.getAttribute('data-rr-action') === focused) button.focus({ preventScroll: true });
  }
}

/** The badge button a person pressed (forged events, disabled buttons and clicks beside the buttons: null). */
export function badgeActionOf(event: Event): BadgeAction | null {
  if (event.isTrusted !== true) return null;
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-rr-action]');
  const action = button && !button.disabled ? button.getAttribute('data-rr-action') : null;
  return (BADGE_ACTIONS as readonly (string | null)[]).includes(action) ? (action as BadgeAction) : null;
}

/**
 * DOM for a view made of elements, text and function components without state (what Badge uses): attributes
 * `undefined` are left out, `true` ones written empty (Badge passes aria-* values as strings).
 */
function toDom(doc: Document, child: ComponentChild, svg: boolean): Node[] {
  if (child === null || child === undefined || typeof child === 'boolean') return [];
  if (typeof child !== 'object') return [doc.createTextNode(String(child))];
  if (Array.isArray(child)) return child.flatMap((c) => toDom(doc, c, svg));
  const { type, props } = child as VNode<Record<string, unknown>>;
  if (typeof type === 'function') return toDom(doc, (type as (p: object) => ComponentChild)(props), svg);
  const inSvg = svg || type === 'svg';
  const el = inSvg ? doc.createElementNS(SVG_NS, type as string) : doc.createElement(type as string);
  for (const [name, value] of Object.entries(props)) {
    if (name !== 'children' && value !== undefined) el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...toDom(doc, props.children as ComponentChild, inSvg));
  return [el];
}
