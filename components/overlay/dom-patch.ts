// Draws a view (JSX of elements, text and function components without state) into plain DOM, and draws it again by
// writing only what differs from the view drawn last: the queue panel's renderer instead of Preact's, which was the
// largest single part of each content script (issue #10: about 4 KB gzip). Children with a `key` keep their node
// wherever they move; a VNode drawn again as the very same object is skipped whole (the panel keeps each row's VNode
// while the row is unchanged). Attributes follow Preact's rules for what the panel uses; text is only ever text.
// With the panel it is deferred code now (utils/overlay/actions/panel-view.ts), out of the content scripts.
import type { ComponentChild, Ref, VNode } from 'preact';
import { type FlatView, flatten, type ViewProps } from './flatten-view';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Props = ViewProps;
type Drawn = FlatView;
type Handler = (event: Event) => unknown;

/** A node this module drew: the VNode it was drawn from, and the current handler of each event it listens to. */
interface DrawnNode extends Node {
  rrView?: VNode<Props>;
  rrOn?: Record<string, Handler | undefined>;
}

/** Makes `parent`'s children what `view` shows, reusing the nodes drawn there before. */
export function patch(parent: Node, view: ComponentChild): void {
  patchChildren(parent, flatten(view, []), false);
}

/** Draws `element` (drawn by `patch` before) again from `view`, an element VNode of the same type. */
export function redraw(element: Node, view: VNode): void {
  draw(element as DrawnNode, view as VNode<Props>, (element as Element).namespaceURI === SVG_NS);
}

/** Whether `node` can be drawn again as `view` (same element type without key, or a text). */
const fits = (node: DrawnNode, view: Drawn): boolean =>
  typeof view === 'string' ? node.nodeType === 3 : node.rrView?.type === view.type && node.rrView.key == null;

function patchChildren(parent: Node, next: Drawn[], svg: boolean): void {
  const keyed = new Map<unknown, DrawnNode>();
  const free: (DrawnNode | null)[] = [];
  for (let node = parent.firstChild as DrawnNode | null; node; node = node.nextSibling) {
    const key = node.rrView?.key;
    if (key == null) free.push(node);
    else keyed.set(key, node);
  }
  let from = 0;
  const nodes = next.map((view) => {
    let old: DrawnNode | null | undefined;
    if (typeof view !== 'string' && view.key != null) {
      old = keyed.get(view.key);
      keyed.delete(view.key);
      if (old && old.rrView?.type !== view.type) {
        keyed.set(view.key, old);
        old = null;
      }
    } else {
      // Unkeyed: the next old node of the same kind, in order (a child left out of the view is skipped over).
      for (let i = from; i < free.length; i++) {
        if (free[i] && fits(free[i]!, view)) {
          old = free[i];
          free[i] = null;
          from = i + 1;
          break;
        }
      }
    }
    return draw(old ?? null, view, svg);
  });
  for (const node of keyed.values()) parent.removeChild(node);
  for (const node of free) if (node) parent.removeChild(node);
  let at = parent.firstChild;
  for (const node of nodes) {
    if (node === at) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
}

function draw(old: DrawnNode | null, view: Drawn, svg: boolean): Node {
  if (typeof view === 'string') {
    if (!old) return document.createTextNode(view);
    if ((old as Text).data !== view) (old as Text).data = view;
    return old;
  }
  const before = old?.rrView;
  if (old && before === view) return old;
  const inSvg = svg || view.type === 'svg';
  const el = (old ??
    (inSvg
      ? document.createElementNS(SVG_NS, view.type as string)
      : document.createElement(view.type as string))) as Element & DrawnNode;
  const prev: Props = before?.props ?? {};
  const props = view.props;
  for (const name in prev) if (!(name in props)) setProp(el, name, undefined, prev[name]);
  for (const name in props) if (props[name] !== prev[name]) setProp(el, name, props[name], prev[name]);
  el.rrView = view;
  if (view.ref) (view.ref as Ref<Element> & { current: Element | null }).current = el;
  patchChildren(el, flatten(props.children as ComponentChild, []), inSvg);
  return el;
}

/** One event listener per type and element: it calls the handler the last draw gave (handlers change every draw). */
function listener(this: DrawnNode, event: Event): void {
  this.rrOn?.[event.type]?.(event);
}

function setProp(el: Element & DrawnNode, name: string, value: unknown, prev: unknown): void {
  if (name === 'children') return;
  if (name.startsWith('on')) {
    const type = name.slice(2).toLowerCase();
    el.rrOn ??= {};
    const on = el.rrOn;
    if (value && !on[type]) el.addEventListener(type, listener);
    else if (!value && on[type]) el.removeEventListener(type, listener);
    on[type] = value as Handler | undefined;
  } else if (name === 'style' && typeof (value ?? prev) === 'object') {
    // As Preact does: only the properties that changed (a list's spacers change on every scroll).
    const style = (el as HTMLElement).style as unknown as Record<string, string>;
    const was = (prev ?? {}) as Record<string, string>;
    const now = (value ?? {}) as Record<string, string>;
    for (const key in was) if (!(key in now)) style[key] = '';
    for (const key in now) if (now[key] !== was[key]) style[key] = now[key]!;
  } else if (value === null || value === undefined || (value === false && name[4] !== '-')) {
    el.removeAttribute(name);
  } else {
    // aria-* and data-* say true and false in words; other attributes are present or absent.
    el.setAttribute(name, value === true && name[4] !== '-' ? '' : String(value));
  }
}
