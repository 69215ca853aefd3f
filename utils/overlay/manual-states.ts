// Done / snoozed marks of this page's comments, asked from the background once per comment. Kept apart from the
// session so a slow or failed answer never blocks reading the page.
import type { ManualState } from '../core/model';

/**
 * Keys per question. The background refuses more than 5,000 at once (utils/messaging/protocol.ts, Keys): a page of
 * 10,000 comments asks in slices, else its one question fails, every mark on the page is lost and the 10,000 keys
 * are sent again with every batch (issue #10).
 */
export const KEYS_PER_QUESTION = 1_000;

export class ManualStates {
  readonly map = new Map<string, ManualState>();
  /** Keys whose question failed: asked again with the next batch rather than never. */
  private retry: string[] = [];

  constructor(
    private readonly load: (keys: string[]) => Promise<ManualState[]>,
    private readonly signal: AbortSignal,
    /** Called when an answer changed what is known. */
    private readonly onChange: () => void,
  ) {}

  /**
   * Asks for `keys`, which are new (the page session hands each key once: KnownComments names a comment new the
   * first time it is read, so no set of the keys asked is kept: 0.16 MB at 10,000 comments, issue #10), and again
   * for those whose answer failed.
   */
  fetchNew(keys: Iterable<string>): void {
    const fresh = [...this.retry, ...keys];
    this.retry = [];
    for (const slice of slices(fresh)) {
      this.load(slice)
        .then((states) => {
          if (this.signal.aborted || !states.length) return;
          for (const st of states) this.map.set(st.key, st);
          this.onChange();
        })
        .catch((error) => {
          // Ask again with the next batch rather than never.
          this.retry.push(...slice);
          console.warn('[reply-radar] could not load comment states', error);
        });
    }
  }

  /** States changed in another tab: ask again for every key; the answers replace the map once all have arrived. */
  reload(keys: string[]): void {
    if (!keys.length) return;
    Promise.all(slices(keys).map((slice) => this.load(slice)))
      .then((answers) => {
        if (this.signal.aborted) return;
        this.map.clear();
        for (const states of answers) for (const st of states) this.map.set(st.key, st);
        this.onChange();
      })
      .catch((error) => console.warn('[reply-radar] could not load comment states', error));
  }
}

function slices(keys: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_QUESTION) out.push(keys.slice(i, i + KEYS_PER_QUESTION));
  return out;
}
