// Done / snoozed marks of this page's comments, asked from the background once per comment. Kept apart from the
// session so a slow or failed answer never blocks reading the page.
import type { ManualState } from '../core/model';

export class ManualStates {
  readonly map = new Map<string, ManualState>();
  private readonly asked = new Set<string>();
  /** Keys whose question failed: asked again with the next batch rather than never. */
  private retry: string[] = [];

  constructor(
    private readonly load: (keys: string[]) => Promise<ManualState[]>,
    private readonly signal: AbortSignal,
    /** Called when an answer changed what is known. */
    private readonly onChange: () => void,
  ) {}

  /** Asks for the keys never asked before (new comments of this batch), and again for those whose answer failed. */
  fetchNew(keys: Iterable<string>): void {
    const fresh: string[] = [];
    const again = this.retry;
    this.retry = [];
    for (const key of [...again, ...keys]) {
      if (this.asked.has(key)) continue;
      this.asked.add(key);
      fresh.push(key);
    }
    if (!fresh.length) return;
    this.load(fresh)
      .then((states) => {
        if (this.signal.aborted || !states.length) return;
        for (const st of states) this.map.set(st.key, st);
        this.onChange();
      })
      .catch((error) => {
        // Ask again with the next batch rather than never.
        for (const key of fresh) this.asked.delete(key);
        this.retry.push(...fresh);
        console.warn('[reply-radar] could not load comment states', error);
      });
  }

  /** States changed in another tab: ask again for every key; the answer replaces the map only when it arrives. */
  reload(keys: string[]): void {
    if (!keys.length) return;
    this.load(keys)
      .then((states) => {
        if (this.signal.aborted) return;
        this.map.clear();
        for (const st of states) this.map.set(st.key, st);
        this.onChange();
      })
      .catch((error) => console.warn('[reply-radar] could not load comment states', error));
  }
}
