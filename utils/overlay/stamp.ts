// The page contract: attributes every classified comment element carries (documented in the README).
import type { CommentView } from './view-model';

const ATTRS = [
  'data-rr-id',
  'data-rr-state',
  'data-rr-posted-at',
  'data-rr-precision',
  'data-rr-level',
  'data-rr-current',
];

export function stampComment(element: HTMLElement, view: CommentView, isCurrent: boolean): void {
  setAttr(element, 'data-rr-id', view.key);
  setAttr(element, 'data-rr-state', view.state);
  setAttr(element, 'data-rr-posted-at', new Date(view.comment.postedAt).toISOString());
  setAttr(element, 'data-rr-precision', view.comment.postedAtPrecision);
  setAttr(element, 'data-rr-level', view.level);
  if (isCurrent) setAttr(element, 'data-rr-current', '');
  else element.removeAttribute('data-rr-current');
}

export function unstamp(element: HTMLElement): void {
  for (const name of ATTRS) element.removeAttribute(name);
}

// Writing an attribute to the value it already has still queues work for the site; skip it.
function setAttr(element: HTMLElement, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
