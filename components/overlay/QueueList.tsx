// The queue's list. Up to a few dozen items it renders them all; beyond that only the rows in and near the panel's
// scrolled window (2,000 waiting comments must not mean 2,000 rows re-rendered on every change). Rows are
// estimated at the height measured on the rows shown; spacers above and below stand in for the others, so the
// scrollbar stays true to the length of the queue. A row is drawn again only when what it shows changed.
import type { VNode } from 'preact';
import { redraw } from './dom-patch';

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
  /** The item to keep in view (Alt+J / Alt+K): scrolled to when it changes. */
  currentKey: string | null;
  label: string;
  /** What a row's view depends on besides the list's length: an unchanged row keeps its view (and its nodes). */
  rowInputs(item: T, index: number): unknown[];
  /** A row (an <li> carrying aria-posinset and aria-setsize, which the list keeps true as its length changes). */
  renderItem(item: T, position: { index: number; count: number }): VNode;
}

type Range = [number, number];
interface Row {
  inputs: unknown[];
  view: VNode;
  /** The list's length the view says. */
  count: number;
}

const same = (a: unknown[], b: unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The list's state (which rows show, what was measured), kept across the panel's draws: `view` gives the list for
 * the panel's view, `settle` runs once the panel is drawn. While the list is not in the panel it starts afresh.
 */
export class QueueList<T> {
  private readonly list: { current: HTMLOListElement | null } = { current: null };
  /** Row height, how far the panel is scrolled into the list and how much of it shows: read on scroll only. */
  private seen = { rowHeight: FIRST_ESTIMATE_PX, offset: 0, height: 600 };
  private range: Range | null = null;
  private props: QueueListProps<T> | null = null;
  /** The rows drawn last, by key. */
  private rows = new Map<string, Row>();
  /** Rows whose view was kept though the list's length changed: their aria-setsize is written after the draw. */
  private stale: number[] = [];
  /** The scrolling body this list follows now (none while every row renders). */
  private followed: HTMLElement | null = null;
  private drawn: { count: number; all: boolean; currentKey: string | null } | null = null;

  /** `scroller`: the scrolling container the list sits in (the panel body). */
  constructor(private readonly scroller: () => HTMLElement | null) {}

  private get all(): boolean {
    return (this.props?.items.length ?? 0) <= RENDER_ALL_UP_TO;
  }

  /** The list for the panel's view (the panel calls `settle` once it has drawn it). */
  view(props: QueueListProps<T>): VNode {
    this.props = props;
    this.range ??= windowFor(props.items.length, 0, 600, FIRST_ESTIMATE_PX);
    const { items, label, keyOf, rowInputs, renderItem } = props;
    const { all } = this;
    const count = items.length;
    const range = this.range;
    const [start, end] = all ? [0, count] : [Math.min(range[0], count), Math.min(range[1], count)];
    const spacer = (rows: number) => Math.max(0, rows) * this.seen.rowHeight;
    const rows = new Map<string, Row>();
    this.stale = [];
    const views: VNode[] = [];
    for (let index = start; index < end; index++) {
      const item = items[index]!;
      const key = keyOf(item);
      const inputs = rowInputs(item, index);
      const kept = this.rows.get(key);
      let row: Row;
      if (kept && same(kept.inputs, inputs)) {
        row = kept;
        if (kept.count !== count) this.stale.push(index - start);
      } else {
        row = { inputs, view: renderItem(item, { index, count }), count };
      }
      rows.set(key, row);
      views.push(row.view);
    }
    this.rows = rows;
    return (
      <ol
        class="rr-list"
        aria-label={label}
        ref={this.list}
        style={all ? undefined : { paddingTop: `${spacer(start)}px`, paddingBottom: `${spacer(count - end)}px` }}
      >
        {views}
      </ol>
    );
  }

  private show(next: Range): void {
    const range = this.range;
    if (range && range[0] === next[0] && range[1] === next[1]) return;
    this.range = next;
    const list = this.list.current;
    if (list && this.props) {
      redraw(list, this.view(this.props));
      this.writeSetsize();
    }
  }

  private fromSeen(): Range {
    const { offset, height, rowHeight } = this.seen;
    return windowFor(this.props?.items.length ?? 0, offset, height, rowHeight);
  }

  // Follow the panel's scrolling. Layout is read here only: a new batch of comments must not force a layout of
  // the whole page just to place the list.
  private readonly onScroll = () => {
    const list = this.list.current;
    const body = this.followed;
    if (!list || !body) return;
    const rows = list.querySelectorAll(':scope > li');
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first && last && rows.length > 1) {
      // Rows differ a little in height (one or two lines, labels): estimate from those rendered.
      const measured = (last.getBoundingClientRect().bottom - first.getBoundingClientRect().top) / rows.length;
      if (measured > 8) this.seen.rowHeight = measured;
    }
    this.seen.offset = body.getBoundingClientRect().top - list.getBoundingClientRect().top;
    this.seen.height = body.clientHeight;
    this.show(this.fromSeen());
  };

  /** A row kept from an earlier draw says the list's length it had then: write the new one (one attribute). */
  private writeSetsize(): void {
    const list = this.list.current;
    const count = this.props?.items.length ?? 0;
    for (const at of this.stale) list?.children[at]?.setAttribute('aria-setsize', String(count));
    for (const row of this.rows.values()) row.count = count;
    this.stale = [];
  }

  /**
   * After each draw of the panel: follow the right scroller, and move the window when the length or current item
   * changed. Without the list in the panel (filtered empty, collapsed, not tracked), forget it all.
   */
  settle(): void {
    const list = this.list.current;
    if (!list?.isConnected || !this.props) {
      this.follow(null);
      this.list.current = null;
      this.seen = { rowHeight: FIRST_ESTIMATE_PX, offset: 0, height: 600 };
      this.range = null;
      this.props = null;
      this.rows = new Map();
      this.drawn = null;
      return;
    }
    this.writeSetsize();
    const { all } = this;
    const { items, keyOf, currentKey } = this.props;
    const body = all ? null : this.scroller();
    this.follow(body);
    const before = this.drawn;
    const count = items.length;
    this.drawn = { count, all, currentKey };
    if (all) return;
    if (before?.count !== count) this.show(this.fromSeen());
    // The current item may be far outside the rendered rows: bring it near the middle, then render it.
    if (before && before.currentKey === currentKey) return;
    if (!body || currentKey === null) return;
    const index = items.findIndex((item) => keyOf(item) === currentKey);
    const [start, end] = this.range!;
    if (index < 0 || (index > start && index < end - 1 && list.querySelector('[aria-current="true"]'))) return;
    const listTop = list.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    const offset = Math.max(0, index * this.seen.rowHeight - body.clientHeight / 2);
    body.scrollTop = listTop + offset;
    // From where it was asked to scroll, not where it got to: the row is rendered even before the scroll lands.
    this.seen.offset = offset;
    this.seen.height = body.clientHeight;
    this.show(this.fromSeen());
  }

  private follow(body: HTMLElement | null): void {
    if (body === this.followed) return;
    this.followed?.removeEventListener('scroll', this.onScroll);
    body?.addEventListener('scroll', this.onScroll, { passive: true });
    this.followed = body;
  }
}
