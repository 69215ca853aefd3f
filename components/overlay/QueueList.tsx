// The queue's list. Up to a few dozen items it renders them all; beyond that only the rows in and near the panel's
// scrolled window (2,000 waiting comments must not mean 2,000 rows re-rendered on every change). Rows are
// estimated at the height measured on the rows shown; spacers above and below stand in for the others, so the
// scrollbar stays true to the length of the queue.
import { Component, type ComponentChildren, createRef, type RefObject } from 'preact';

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

type Range = [number, number];

/**
 * A class, not hooks: the content script carries no hooks runtime (issue #10: about 1 KB gzip of each content script;
 * only the deferred code's template picker uses hooks, and it brings them).
 */
export class QueueList<T> extends Component<QueueListProps<T>, { range: Range }> {
  private readonly list = createRef<HTMLOListElement>();
  /** Row height, how far the panel is scrolled into the list and how much of it shows: read on scroll only. */
  private readonly seen = { rowHeight: FIRST_ESTIMATE_PX, offset: 0, height: 600 };
  /** The scrolling body this list follows now (none while every row renders). */
  private followed: HTMLElement | null = null;
  private drawn: { count: number; all: boolean; currentKey: string | null } | null = null;

  constructor(props: QueueListProps<T>) {
    super(props);
    this.state = { range: windowFor(props.items.length, 0, 600, FIRST_ESTIMATE_PX) };
  }

  private get all(): boolean {
    return this.props.items.length <= RENDER_ALL_UP_TO;
  }

  private show(next: Range): void {
    this.setState((prev) => (prev.range[0] === next[0] && prev.range[1] === next[1] ? null : { range: next }));
  }

  private fromSeen(): Range {
    const { offset, height, rowHeight } = this.seen;
    return windowFor(this.props.items.length, offset, height, rowHeight);
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

  override componentDidMount(): void {
    this.settle();
  }

  override componentDidUpdate(): void {
    this.settle();
  }

  override componentWillUnmount(): void {
    this.followed?.removeEventListener('scroll', this.onScroll);
    this.followed = null;
  }

  /** After each render: follow the right scroller, and move the window when the length or current item changed. */
  private settle(): void {
    const { all } = this;
    const { items, keyOf, currentKey } = this.props;
    const body = all ? null : this.props.scroller.current;
    if (body !== this.followed) {
      this.followed?.removeEventListener('scroll', this.onScroll);
      body?.addEventListener('scroll', this.onScroll, { passive: true });
      this.followed = body;
    }
    const before = this.drawn;
    const count = items.length;
    this.drawn = { count, all, currentKey };
    if (all) return;
    if (before?.count !== count) this.show(this.fromSeen());
    // The current item may be far outside the rendered rows: bring it near the middle, then render it.
    const list = this.list.current;
    if (before && before.currentKey === currentKey) return;
    if (!body || !list || currentKey === null) return;
    const index = items.findIndex((item) => keyOf(item) === currentKey);
    const [start, end] = this.state.range;
    if (index < 0 || (index > start && index < end - 1 && list.querySelector('[aria-current="true"]'))) return;
    const listTop = list.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    const offset = Math.max(0, index * this.seen.rowHeight - body.clientHeight / 2);
    body.scrollTop = listTop + offset;
    // From where it was asked to scroll, not where it got to: the row is rendered even before the scroll lands.
    this.seen.offset = offset;
    this.seen.height = body.clientHeight;
    this.show(this.fromSeen());
  }

  override render() {
    const { items, label, renderItem } = this.props;
    const { all } = this;
    const count = items.length;
    const { range } = this.state;
    const [start, end] = all ? [0, count] : [Math.min(range[0], count), Math.min(range[1], count)];
    const spacer = (rows: number) => (all ? 0 : Math.max(0, rows) * this.seen.rowHeight);
    return (
      <ol
        class="rr-list"
        aria-label={label}
        ref={this.list}
        style={all ? undefined : { paddingTop: `${spacer(start)}px`, paddingBottom: `${spacer(count - end)}px` }}
      >
        {items.slice(start, end).map((item, i) => renderItem(item, { index: start + i, count }))}
      </ol>
    );
  }
}
