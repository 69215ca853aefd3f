// What Reply Radar put in each reply box, so a second template replaces the first instead of landing inside it.
// Rule: while a box still holds exactly what we inserted (after whatever it held before, e.g. the site's own
// @mention), a new template replaces ours and the same template again changes nothing; once the user has typed in
// it, a template goes in at the caret like any insertion. The result is checked against what should be there now.
import type { EditorKind } from '../sites/types';
import { delay, selectRange } from './caret';
import { type InsertOptions, type InsertResult, insertIntoEditor } from './index';
import { editorPlainText, looseText } from './plain-text';

interface Filled {
  /** What the box held before our first template (empty, or the site's @mention). */
  base: string;
  /** The template text we put after it. */
  text: string;
}

const filled = new WeakMap<HTMLElement, Filled>();
/** The last fill anywhere: a site that re-creates its editor element keeps the same box for the user. */
let lastFill: { editor: WeakRef<HTMLElement>; record: Filled } | null = null;

function remember(editor: HTMLElement, record: Filled): void {
  filled.set(editor, record);
  lastFill = { editor: new WeakRef(editor), record };
}

/** What we put in this box, else (the site re-created its editor) the last fill, if the box holds exactly that. */
function recordFor(editor: HTMLElement): Filled | undefined {
  const own = filled.get(editor);
  if (own) return own;
  const last = lastFill;
  if (!last) return undefined;
  const previous = last.editor.deref();
  return previous && previous !== editor && previous.isConnected ? undefined : last.record;
}

/** Only a site's @mention (or nothing) before our text: the box is still ours to replace. */
const MENTIONS_ONLY = /^\s*(?:@[\p{L}\p{N}_.]+\s*)*$/u;

const same = (a: string, b: string): boolean => looseText(a).trim() === looseText(b).trim();

export type FillResult = InsertResult & { replaced?: boolean; unchanged?: boolean };

/** The decision alone, from the box's text now: pure, so it is tested directly. */
export function fillPlan(
  now: string,
  previous: Filled | undefined,
  text: string,
): { kind: 'unchanged' } | { kind: 'replace'; base: string; from: number } | { kind: 'insert' } {
  if (previous && same(now, previous.base + previous.text)) {
    if (same(previous.text, text)) return { kind: 'unchanged' };
    return { kind: 'replace', base: previous.base, from: previous.base.length };
  }
  return { kind: 'insert' };
}

/** Fills under way, per box: a key pressed while one is still landing waits for it, then decides on what it left. */
const inFlight = new WeakMap<HTMLElement, Promise<FillResult>>();

/** Inserts a template into `editor` by the rule above, one fill at a time per box. */
export function fillTemplate(
  editor: HTMLElement,
  kind: EditorKind,
  text: string,
  cursor: number,
  opts: InsertOptions = {},
): Promise<FillResult> {
  const before = inFlight.get(editor);
  const run = (before ? before.catch(() => undefined) : Promise.resolve()).then(() =>
    fillNow(editor, kind, text, cursor, opts),
  );
  inFlight.set(editor, run);
  void run.finally(() => {
    if (inFlight.get(editor) === run) inFlight.delete(editor);
  });
  return run;
}

async function fillNow(
  editor: HTMLElement,
  kind: EditorKind,
  text: string,
  cursor: number,
  opts: InsertOptions,
): Promise<FillResult> {
  if (!editor.isConnected)
    return { ok: false, reason: 'The reply box is no longer on the page', say: { key: 'insert_box_gone' } };
  const now = editorPlainText(editor, kind);
  const plan = fillPlan(now, recordFor(editor), text);
  if (plan.kind === 'unchanged') return { ok: true, unchanged: true };
  if (plan.kind === 'replace') {
    await selectRange(editor, kind, plan.from, now.length);
    const result = await insertIntoEditor(editor, kind, text, cursor, opts);
    const expected = plan.base + text;
    const after = await textOnceRendered(editor, kind, expected);
    if (same(after, expected)) {
      remember(editor, { base: plan.base, text });
      return { ok: true, replaced: true };
    }
    filled.delete(editor);
    return result.ok
      ? { ok: false, reason: 'The reply box does not hold the new template', say: { key: 'insert_not_replaced' } }
      : result;
  }
  const result = await insertIntoEditor(editor, kind, text, cursor, opts);
  // The insertion layer has verified the text landed; whether the box is still ours is decided at the next key,
  // by comparing what it holds then (the editor may draw the text later than its model takes it).
  if (result.ok && MENTIONS_ONLY.test(now)) remember(editor, { base: now, text });
  else filled.delete(editor);
  return result;
}

/**
 * The box's text once the editor has drawn `expected`, or what it holds after a short while. The editor's model can
 * take the text before its view shows it (React renders later on a busy page): reading at once would forget that
 * the box is ours, and the next template would land inside this one.
 */
async function textOnceRendered(editor: HTMLElement, kind: EditorKind, expected: string): Promise<string> {
  let now = editorPlainText(editor, kind);
  for (let waited = 0; !same(now, expected) && waited < 1_000; waited += 50) {
    await delay(50);
    now = editorPlainText(editor, kind);
  }
  return now;
}

/** Whether the box still holds our template: false once it is gone, emptied back to its @mention, or edited away. */
export function stillHoldsTemplate(editor: HTMLElement, kind: EditorKind): boolean {
  if (!editor.isConnected) return false;
  const record = filled.get(editor);
  const now = editorPlainText(editor, kind);
  if (!record) return looseText(now).trim() !== '';
  return !same(now, record.base) && looseText(now).includes(looseText(record.text).trim());
}
