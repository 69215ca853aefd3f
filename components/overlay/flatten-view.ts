// A JSX view (elements, text, arrays and function components without state) as the flat list of elements and texts
// it draws: what both plain-DOM renderers walk (badge-dom.ts for badges, dom-patch.ts for the queue panel).
import type { ComponentChild, VNode } from 'preact';

export type ViewProps = Record<string, unknown>;
/** An element's VNode or a text, once arrays and function components are flattened. */
export type FlatView = VNode<ViewProps> | string;

/** Appends `child`'s elements and texts to `out` (function components called; nothing and booleans left out). */
export function flatten(child: ComponentChild, out: FlatView[]): FlatView[] {
  if (child === null || child === undefined || typeof child === 'boolean') return out;
  if (typeof child !== 'object') out.push(String(child));
  else if (Array.isArray(child)) for (const c of child) flatten(c, out);
  else {
    const { type, props } = child as VNode<ViewProps>;
    if (typeof type === 'function') flatten((type as (p: ViewProps) => ComponentChild)(props), out);
    else out.push(child as VNode<ViewProps>);
  }
  return out;
}
