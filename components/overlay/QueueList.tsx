// The queue's list. Up to a few dozen items it renders them all; beyond that only the rows in and near the panel's
// scrolled window (2,000 waiting comments must not mean 2,000 rows re-rendered on every change). Rows are
// estimated at the height measured on the rows shown; spacers above and below stand in for the others, so the
// scrollbar stays true to the length of the queue.
import type { ComponentChildren, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Lists up to this long render every row. */
export const RENDER_ALL_UP_TO = 40;
/** Rows rendered beyond the visible ones on each side (keeps Tab and small scrolls inside rendered rows). */
const OVERSCAN = 8;
const FIRST_ESTIMATE_PX = 64;

/** Which rows [start, end) to render for a list scrolled `offset` px into it, showing `height` px of it. */
export function windowFor(
  count: number,
  offset: number,
  height: number,
  rowHeight: number,
  overscan = OVERSCAN,
): [number, number] {
  if (count <= RENDER_ALL_UP_TO) return [0, count];
  const row = Math.max(1, rowHeight);
  const first = Math.floor(Math.max(0, offset) / row);
  const visible = Math.ceil(Math.max(0, height) / row) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return [start, Math.max(start + 1, end)];
}

export interface QueueListProps<T> {
  items: T[];
  keyOf(item: T): string;
  /** The scrolling container the list sits in (the panel body). */
  scroller: RefObject<HTMLElement>;
  /** The item to keep in view (Alt+J / Alt+K): scrolled to when it changes. */
  currentKey: string | null;
  label: string;
  renderItem(item: T, position: { index: number; count: number }): ComponentChildren;
}

export function QueueList<T>({ items, keyOf, scroller, currentKey, label, renderItem }: QueueListProps<T>) {
  const listRef = useRef<HTMLOListElement>(null);
  /** Row height, how far the panel is scrolled into the list and how much of it shows: read on scroll only. */
  const seen = useRef({ rowHeight: FIRST_ESTIMATE_PX, offset: 0, height: 600 });
  const [range, setRange] = useState<[number, number]>(() => windowFor(items.length, 0, 600, FIRST_ESTIMATE_PX));
  const count = items.length;
  const all = count <= RENDER_ALL_UP_TO;
  const countRef = useRef(count);
  countRef.current = count;

  const show = (next: [number, number]) =>
    setRange((prev) => (prev[0] === next[0] && prev[1] === next[1] ? prev : next));
  const fromSeen = () => windowFor(countRef.current, seen.current.offset, seen.current.height, seen.current.rowHeight);

  // Follow the panel's scrolling. Layout is read here only: a new batch of comments must not force a layout of
  // the whole page just to place the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: show and fromSeen only read refs and a state setter
  useLayoutEffect(() => {
    const body = scroller.current;
    if (all || !body) return;
    const onScroll = () => {
      const list = listRef.current;
      if (!list) return;
      const rows = list.querySelectorAll(':scope > li');
      const first = rows[0];
      const last = rows[rows.length - 1];
      if (first && last && rows.length > 1) {
        // Rows differ a little in height (one or two lines, labels): estimate from those rendered.
        const measured = (last.getBoundingClientRect().bottom - first.getBoundingClientRect().top) / rows.length;
        if (measured > 8) seen.current.rowHeight = measured;
      }
      seen.current.offset = body.getBoundingClientRect().top - list.getBoundingClientRect().top;
      seen.current.height = body.clientHeight;
      show(fromSeen());
    };
    body.addEventListener('scroll', onScroll, { passive: true });
    return () => body.removeEventListener('scroll', onScroll);
  }, [all, scroller]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the length is the trigger; the rest is read from refs
  useLayoutEffect(() => {
    if (!all) show(fromSeen());
  }, [count, all]);

  // The current item may be far outside the rendered rows: bring it near the middle, then render it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the current item is the trigger
  useLayoutEffect(() => {
    const body = scroller.current;
    const list = listRef.current;
    if (all || !body || !list || currentKey === null) return;
    const index = items.findIndex((item) => keyOf(item) === currentKey);
    if (index < 0 || (index > range[0] && index < range[1] - 1 && list.querySelector('[aria-current="true"]'))) return;
    const listTop = list.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    const offset = Math.max(0, index * seen.current.rowHeight - body.clientHeight / 2);
    body.scrollTop = listTop + offset;
    // From where it was asked to scroll, not where it got to: the row is rendered even before the scroll lands.
    seen.current.offset = offset;
    seen.current.height = body.clientHeight;
    show(fromSeen());
  }, [currentKey]);

  const [start, end] = all ? [0, count] : [Math.min(range[0], count), Math.min(range[1], count)];
  const shown = items.slice(start, end);
  const spacer = (rows: number) => (all ? 0 : Math.max(0, rows) * seen.current.rowHeight);
  return (
    <ol
      class="rr-list"
      aria-label={label}
      ref={listRef}
      style={all ? undefined : { paddingTop: `${spacer(start)}px`, paddingBottom: `${spacer(count - end)}px` }}
    >
      {shown.map((item, i) => renderItem(item, { index: start + i, count }))}
    </ol>
  );
}
