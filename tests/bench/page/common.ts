// What every generated bench page shares: a tiny element builder, the record of when each comment entered the DOM
// and when Reply Radar stamped it and gave it a badge, and the hooks the runner drives (window.__bench).

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export const BRAND = 'acmecoffee';
export const WORDS = ['order', 'coffee', 'late', 'refund', 'where', 'is', 'my', 'love', 'the', 'new', 'beans', 'why'];

export function words(i: number): string {
  let text = '';
  for (let w = 0; w < 8 + (i % 7); w++) text += `${WORDS[(i * 7 + w * 3) % WORDS.length]} `;
  return `${text}?`;
}

export const params = new URLSearchParams(location.search);
export const COUNT = Number(params.get('n') ?? 200);

/** When each comment id (as `site:id`) was put on the page, and when Reply Radar stamped it and drew its badge. */
const inserted = new Map<string, number>();
const stamped = new Map<string, number>();
const badged = new Map<string, number>();
/** Ids currently mounted (the page says which). */
let mountedIds: () => Iterable<string> = () => [];

const BADGE_TAG = 'rr-badge';

function noteBadge(comment: Element | null, t: number): void {
  const id = comment?.getAttribute('data-rr-id');
  if (id && !badged.has(id)) badged.set(id, t);
}

/** A badge counts once drawn: its host may be placed earlier, empty, holding the badge's room (no shadow root). */
const drawn = (host: Element | null): host is Element => !!host?.shadowRoot;

/** The runner's wait (whenStamped), told by the stamps themselves rather than by polling the page. */
let waiter: (() => void) | null = null;

new MutationObserver((records) => {
  const t = performance.now();
  const stampsBefore = stamped.size;
  for (const r of records) {
    const target = r.target as Element;
    if (r.type === 'attributes' && target.localName === BADGE_TAG) {
      // A placed host gets its language when its badge is first drawn into it.
      if (drawn(target)) noteBadge(target.closest('[data-rr-id]'), t);
    } else if (r.type === 'attributes') {
      const id = target.getAttribute('data-rr-id');
      if (!id) continue;
      if (!stamped.has(id)) stamped.set(id, t);
      // The badge host may have gone in before the stamp (a recycled row keeps no old host: its content is new).
      if (drawn(target.querySelector(BADGE_TAG))) noteBadge(target, t);
    } else {
      for (const node of r.addedNodes) {
        if (node.nodeType === 1 && (node as Element).localName === BADGE_TAG && drawn(node as Element)) {
          noteBadge((node as Element).closest('[data-rr-id]'), t);
        }
      }
    }
  }
  if (waiter && stamped.size > stampsBefore) waiter();
}).observe(document.documentElement, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ['data-rr-id', 'lang'],
});

/** Notes when comments entered the DOM (the first time only: a recycled list mounts a status again later). */
export function noteInserted(ids: Iterable<string>): void {
  const t = performance.now();
  for (const id of ids) if (!inserted.has(id)) inserted.set(id, t);
}

export interface PageHooks {
  /** Adds `n` new customer comments the way the site does; returns their `site:id`s. */
  addBatch(n: number): string[];
  /** A bare pass: one querySelectorAll of the comment anchors, reading the attributes the adapter reads (ms). */
  baselinePass(): number;
  mounted(): Iterable<string>;
}

declare global {
  interface Window {
    __bench: unknown;
  }
}

function unstamped(): number {
  let n = 0;
  for (const id of mountedIds()) if (!stamped.has(id)) n++;
  return n;
}

export function install(site: string, hooks: PageHooks): void {
  mountedIds = hooks.mounted;
  window.__bench = {
    site,
    count: COUNT,
    addBatch: hooks.addBatch,
    baselinePass: hooks.baselinePass,
    /** Mounted comments Reply Radar has not stamped yet. */
    unstamped,
    /**
     * Resolves with how many mounted comments are left unstamped: at once when none is, else on the stamp that
     * leaves none, or after `timeoutMs`. One call per wait and no polling, so the wait costs the page the same work
     * with the extension and without it (0 ms there: nothing stamps).
     */
    whenStamped(timeoutMs: number): Promise<number> {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiter = null;
          resolve(unstamped());
        };
        const timer = setTimeout(done, timeoutMs);
        waiter = () => {
          if (unstamped() === 0) done();
        };
        waiter();
      });
    },
    /** How many comments got a stamp, and how many a badge host. */
    counts: () => ({ stamped: stamped.size, badged: badged.size }),
    /**
     * Empties this page's own records before the heap is measured: they fill only with the extension (nothing stamps
     * without it), about 0.4 MB at 10,000 comments that are the bench's, not Reply Radar's.
     */
    forgetRecords(): void {
      for (const record of [inserted, stamped, badged]) record.clear();
    },
    /**
     * Per id that entered the DOM: ms to its stamp and to its badge host (null when it never got one). Ids a
     * virtual list never mounted (pushed out of the viewport by the next ones) are left out.
     */
    latencies(ids: string[]): Array<{ stamp: number | null; badge: number | null }> {
      return ids
        .filter((id) => inserted.has(id))
        .map((id) => {
          const a = inserted.get(id);
          const s = stamped.get(id);
          const b = badged.get(id);
          return {
            stamp: a !== undefined && s !== undefined ? s - a : null,
            badge: a !== undefined && b !== undefined ? b - a : null,
          };
        });
    },
  };
}

/** A sink the baseline pass writes to, so the engine cannot skip its reads. */
export function sink(n: number): void {
  (window as unknown as { __sink: number }).__sink = n;
}
