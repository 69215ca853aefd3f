// One MutationObserver for the whole page. Its callback notes where the page changed and runs the batch at once, in
// its own microtask: still in the task that changed the page, before the frame that lays the change out. In the frame
// (an animation frame callback, as before) the batch's script came on top of the page's own style, layout and
// PrePaint, and on a long page that frame is long already (Facebook at 2,000 comments: about 34 ms alone, 50–90 with
// the batch); in the page's task the script stays apart from it, and what it adds is still laid out in the same
// frame. One batch per frame runs so: changes made after it, before the frame, wait for the frame (or a short
// timeout when the tab is hidden and frames do not come), so many small changes still make one batch.
export interface DomWatcher {
  /** Asks for one more batch soon, e.g. after a navigation or a settings change. */
  schedule(): void;
  /**
   * Runs now what changed since the last batch, records not yet delivered included (a person's action needs the
   * page as it is, and must not cost a read of the whole page). Nothing changed: nothing runs.
   */
  flush(): void;
}

/**
 * `changed`: where the page changed (targets of text and attribute changes, nodes added, nodes removed and where
 * from); `stripped`: stamped comment elements something was removed from (their badge may have gone with it).
 */
export type BatchHandler = (changed: ReadonlySet<Node>, stripped: ReadonlySet<HTMLElement>) => void;

export function watchDom(root: Node, onBatch: BatchHandler, signal: AbortSignal): DomWatcher {
  let pending = false;
  /** Where the page changed since the last batch; the site adapter re-reads only rows in or under these. */
  let changed = changeSet();
  let stripped = new Set<HTMLElement>();
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A batch ran in an observer's microtask since the last frame: the next one waits for the frame. */
  let ranEarly = false;
  const frameCame = () => {
    ranEarly = false;
  };

  const run = () => {
    if (!pending || signal.aborted) return;
    pending = false;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    const batch = changed;
    const lost = stripped;
    changed = changeSet();
    stripped = new Set<HTMLElement>();
    onBatch(batch, lost);
  };
  const schedule = () => {
    if (pending || signal.aborted) return;
    pending = true;
    frame = requestAnimationFrame(run);
    // Frames stop in background tabs; a reply arriving there must still be counted.
    timer = setTimeout(run, 250);
  };

  const take = (records: MutationRecord[]) => {
    // Only note where; the reading happens in the batch. Our own badges and panel changing must not wake us up.
    for (const record of records) {
      if (isOurs(record.target)) continue;
      if (record.type === 'childList' && record.removedNodes.length > 0) {
        const stamped = (record.target as Element).closest?.<HTMLElement>('[data-rr-id]');
        if (stamped) {
          stripped.add(stamped);
          schedule();
        }
      }
      if (onlyOurNodes(record)) continue;
      noteChange(record, changed);
      schedule();
    }
    if (!pending || ranEarly || signal.aborted) return;
    ranEarly = true;
    requestAnimationFrame(frameCame);
    run();
  };
  const observer = new MutationObserver(take);
  observer.observe(root, OBSERVED);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  });
  const flush = () => {
    if (signal.aborted) return;
    take(observer.takeRecords());
    run();
  };
  return { schedule, flush };
}

/**
 * What the watcher observes. Recycled rows may change only a link or a time attribute, and a row may stop being one
 * in place (its role changed): watch those too.
 */
export const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['href', 'datetime', 'lang', 'role'],
};

/**
 * Notes where one record changed the page. The new nodes say where, not the list they joined (a row added to a list
 * of 2,000 must not make the adapter look at the other 1,999). A removal names where it happened and the nodes
 * removed (no longer connected when the batch runs): an adapter releases the rows they held without looking at the
 * others.
 */
export function noteChange(
  record: MutationRecord,
  changed: Set<Node> & { added?: Set<Node>; removedFrom?: Set<Node> },
): void {
  if (record.type !== 'childList') {
    changed.add(record.target);
    return;
  }
  if (record.removedNodes.length > 0) {
    changed.add(record.target);
    changed.removedFrom?.add(record.target);
  }
  for (const node of record.removedNodes) changed.add(node);
  for (const node of record.addedNodes) {
    changed.add(node);
    changed.added?.add(node);
  }
}

/**
 * Where the page changed, which of those nodes were added (an adapter looks into their subtrees only), and which had
 * something removed from them (nothing new inside: such a node may be a whole list, never to be searched).
 */
export type ChangeSet = Set<Node> & { added: Set<Node>; removedFrom: Set<Node> };

export const changeSet = (): ChangeSet =>
  Object.assign(new Set<Node>(), { added: new Set<Node>(), removedFrom: new Set<Node>() });

function isOurs(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el?.closest('reply-radar, rr-badge');
}

function onlyOurNodes(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n.nodeName === 'RR-BADGE' || n.nodeName === 'REPLY-RADAR');
}
