// Tiny DOM helpers for the overlay component tests (no @testing-library): render with Preact (the template picker),
// draw the panel and badges as the content script does (without Preact), into a container inside an open shadow
// root, like the overlay does, and fire real DOM events.
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';
import { type BadgeAction, type BadgeContent, badgeActionOf, drawBadge } from '../../../components/overlay/badge-dom';
import { QueuePanel, type QueuePanelProps } from '../../../components/overlay/QueuePanel';

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const host of mounted.splice(0)) {
    const mount = host.shadowRoot?.querySelector<HTMLElement>('[data-rr-mount]');
    if (mount) act(() => render(null, mount));
    host.remove();
  }
});

export interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  mount: HTMLElement;
  rerender(vnode: ComponentChild): void;
  $<E extends Element = HTMLElement>(selector: string): E | null;
  $$<E extends Element = HTMLElement>(selector: string): E[];
  /** All text, including screen-reader-only text, with whitespace collapsed. */
  text(): string;
}

export function mount(vnode: ComponentChild): Mounted {
  const host = document.createElement('rr-test-host');
  document.body.append(host);
  mounted.push(host);
  const root = host.attachShadow({ mode: 'open' });
  const mountEl = document.createElement('div');
  mountEl.setAttribute('data-rr-mount', '');
  root.append(mountEl);
  act(() => render(vnode, mountEl));
  return {
    host,
    root,
    mount: mountEl,
    rerender: (v) => act(() => render(v, mountEl)),
    $: (s) => root.querySelector(s),
    $$: <E extends Element = HTMLElement>(s: string) => [...root.querySelectorAll<E>(s)],
    text: () => (mountEl.textContent ?? '').replace(/\s+/g, ' ').trim(),
  };
}

/**
 * Marks an event as a person's, as the browser does for real input (happy-dom has no isTrusted at all, so every
 * event it dispatches reads as forged to the overlay's guards).
 */
export function asTrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A person's click. */
export function click(el: Element | null): void {
  if (!el) throw new Error('click: no element');
  act(() => {
    el.dispatchEvent(asTrusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
  });
}

/** A click made by page script (isTrusted false): the overlay must ignore it. */
export function forgedClick(el: Element | null): void {
  if (!el) throw new Error('forgedClick: no element');
  act(() => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  });
}

/** A person's key press (`forged: true`: one made by page script). */
export function press(
  el: Element | null,
  key: string,
  init: KeyboardEventInit = {},
  type = 'keydown',
  forged = false,
): KeyboardEvent {
  if (!el) throw new Error('press: no element');
  const made = new KeyboardEvent(type, { key, bubbles: true, cancelable: true, composed: true, ...init });
  const event = forged ? made : asTrusted(made);
  act(() => {
    el.dispatchEvent(event);
  });
  return event;
}

export function typeInto(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('typeInto: no input');
  input.value = value;
  act(() => {
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The buttons whose text (including screen-reader text) contains `text`. */
export function buttonsWith(m: Pick<Mounted, '$$'>, text: string): HTMLButtonElement[] {
  return m.$$<HTMLButtonElement>('button').filter((b) => (b.textContent ?? '').includes(text));
}

/** A badge drawn by the plain-DOM renderer in a shadow root, with the actions its buttons asked for, in order. */
export interface MountedBadge extends Omit<Mounted, 'rerender'> {
  actions: BadgeAction[];
  redraw(content: BadgeContent): void;
}

export function mountBadge(content: BadgeContent): MountedBadge {
  const m = mount(null);
  const actions: BadgeAction[] = [];
  // As the badge layer does: one listener on the mount asks which button a person pressed.
  m.mount.addEventListener('click', (event) => {
    const action = badgeActionOf(event);
    if (action) actions.push(action);
  });
  drawBadge(m.mount, content);
  return { ...m, actions, redraw: (c) => drawBadge(m.mount, c) };
}

/** The queue panel drawn as the panel layer draws it (without Preact), redrawn with new props as a batch does. */
export interface MountedPanel extends Omit<Mounted, 'rerender'> {
  panel: QueuePanel;
  redraw(props: QueuePanelProps): void;
}

export function mountPanel(props: QueuePanelProps): MountedPanel {
  const m = mount(null);
  const panel = new QueuePanel(m.mount);
  panel.draw(props);
  return { ...m, panel, redraw: (p) => panel.draw(p) };
}
