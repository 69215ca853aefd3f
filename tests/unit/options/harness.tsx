// Mount Preact trees into happy-dom and drive them the way a user would: type, click, press keys, then wait for
// what appears on the page.
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';
import { closeRadarDb } from '../../../utils/storage/db';

const mounted: HTMLElement[] = [];

afterEach(async () => {
  for (const el of mounted.splice(0)) {
    await act(() => render(null, el));
    el.remove();
  }
  await closeRadarDb();
});

export async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  const el = document.createElement('div');
  document.body.append(el);
  mounted.push(el);
  await act(() => render(vnode, el));
  return el;
}

/** Let pending promises, timers and effects run, inside act so Preact renders. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
}

/** Wait until `find` returns something (IndexedDB and storage are asynchronous); fail with `what` otherwise. */
export async function waitFor<T>(
  find: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
): Promise<T> {
  // Generous: under a loaded test run, fake IndexedDB can take a while; this bounds a hang, it times nothing.
  for (let i = 0; i < 1000; i++) {
    const found = await find();
    if (found) return found;
    await settle();
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error('not a text field');
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(el: Element | null | undefined, value: string): Promise<void> {
  if (!(el instanceof HTMLSelectElement)) throw new Error('not a select');
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!(el instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => {
    el.click();
  });
}

export async function submit(form: Element | null | undefined): Promise<void> {
  if (!(form instanceof HTMLFormElement)) throw new Error('not a form');
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

/** The button whose visible text (or aria-label) is `name`. */
export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  const matches = (s: string | null) => s !== null && (typeof name === 'string' ? s.trim() === name : name.test(s));
  return Array.from(root.querySelectorAll('button')).find(
    (b) => matches(b.getAttribute('aria-label')) || matches(b.textContent),
  );
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
