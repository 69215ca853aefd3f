// The rows of one Instagram post that look like comment rows but show no readable timestamp (see `rowCandidateOf`),
// found from the profile pictures outside the comment rows. They still count: more candidates than comments says the
// view is not whole. Each picture is judged again when a change lands in the block its judgement looked at.
import type { CommentRows } from './comment-rows';
import { rowCandidateOf } from './conversation-parts';
import { addTo, removeFrom } from './hidden-parts';
import { profileLinkHandle } from './rows';
import { SEL } from './selectors';

export class TimelessRows {
  /** Rows without a readable timestamp, each with the profile pictures that found it. */
  readonly #avatarsOf = new Map<Element, Set<Element>>();
  readonly #rowOf = new Map<Element, Element>();
  /**
   * Profile pictures outside comment rows by the block their judgement ("a row without a timestamp", or not) looked
   * at, and back: a change inside that block judges them again (a caption whose link stops naming the post becomes
   * such a row).
   */
  readonly #judgedIn = new Map<Element, Set<Element>>();
  readonly #judgeBlockOf = new Map<Element, Element>();
  /** Rows that became or stopped being rows without a timestamp in this batch: their controls change sides. */
  readonly #moved = new Set<Element>();

  /** `owner`: the post's header link (never a row). */
  constructor(
    private readonly rows: CommentRows,
    private readonly owner: Element | null,
  ) {}

  get size(): number {
    return this.#avatarsOf.size;
  }

  /** Judges a profile picture (again): outside the comment rows, it may be a row without a timestamp. */
  place(avatar: Element): void {
    const { scope, base } = this.rows;
    this.rows.touch();
    this.forget(avatar);
    if (!profileLinkHandle(avatar) || !avatar.querySelector('img')) return;
    if (avatar === this.owner || !avatar.isConnected || !scope.contains(avatar) || this.rows.holds(avatar)) return;
    const { row, block } = rowCandidateOf(avatar, scope, this.owner, base);
    addTo(this.#judgedIn, block, avatar);
    this.#judgeBlockOf.set(avatar, block);
    if (!row) return;
    this.#rowOf.set(avatar, row);
    const found = this.#avatarsOf.get(row);
    if (found) found.add(avatar);
    else {
      this.#avatarsOf.set(row, new Set([avatar]));
      this.#moved.add(row);
    }
  }

  /** Forgets what a picture was judged. */
  forget(avatar: Element): void {
    const row = this.#rowOf.get(avatar);
    if (row) {
      this.#rowOf.delete(avatar);
      const found = this.#avatarsOf.get(row);
      found?.delete(avatar);
      if (found && !found.size) {
        this.#avatarsOf.delete(row);
        this.#moved.add(row);
      }
    }
    const block = this.#judgeBlockOf.get(avatar);
    if (!block) return;
    this.#judgeBlockOf.delete(avatar);
    removeFrom(this.#judgedIn, block, avatar);
  }

  /** Inside a row without a timestamp. */
  holds(el: Element): boolean {
    if (!this.#avatarsOf.size) return false;
    for (let at = el.parentElement; at && at !== this.rows.scope; at = at.parentElement)
      if (this.#avatarsOf.has(at)) return true;
    return false;
  }

  /** The pictures a change inside `at` judges again: those of the row `at` is, `at` itself, those judged in it. */
  around(at: Element, avatars: Set<Element>): void {
    const found = this.#avatarsOf.get(at);
    if (found) for (const avatar of found) avatars.add(avatar);
    if (at.localName === 'a' && this.#rowOf.has(at)) avatars.add(at);
    const judged = this.#judgedIn.get(at);
    if (judged) for (const avatar of judged) avatars.add(avatar);
  }

  /** The controls inside the rows that became or stopped being rows without a timestamp in this batch. */
  takeMoved(controls: Set<Element>): void {
    for (const row of this.#moved) for (const control of row.querySelectorAll(SEL.control)) controls.add(control);
    this.#moved.clear();
  }
}
