// Content-script side of text insertion: hand the text to the page-world bridge (or run the strategy here, for
// tests), then verify by reading the editor. One attempt per call: a failed insertion is reported, never retried.

import type { EditorKind } from '../sites/types';
import type { UserText } from '../storage/radar-error';
import { requestInsert } from './bridge';
import { editorPlainText, looseText } from './plain-text';
import { runStrategy } from './strategies';
import { verifyInsertion } from './verify';

export { copyToClipboard } from './clipboard';
export { editorPlainText, looseText } from './plain-text';

/** What a failed answer from the page-world bridge is reported as, whatever text came with it. */
// i18n-ignore: English for the console (`reason`); the user reads `say`
export const BRIDGE_FAILED = 'The page could not insert the text';

/** `reason` in English for the console; `say` what the user reads, as a locale text (utils/i18n renders it). */
export type InsertResult = { ok: true } | { ok: false; reason: string; say: UserText };

export interface InsertOptions {
  /** How long to wait for the page-world bridge to answer (default 4 s). */
  timeoutMs?: number;
  /** Run the strategy in this world instead of asking the bridge (unit tests, pages without the bridge). */
  direct?: boolean;
  /** Replace these plain-text offsets (a typed ";shortcut") instead of the selection, as one undoable step. */
  replace?: { start: number; end: number };
}

/**
 * Inserts `text` into `editor` at its caret (its end when the caret is elsewhere) and leaves the caret at UTF-16
 * offset `cursor` of the inserted text.
 */
export async function insertIntoEditor(
  editor: HTMLElement,
  kind: EditorKind,
  text: string,
  cursor: number,
  opts: InsertOptions = {},
): Promise<InsertResult> {
  if (!editor.isConnected)
    return { ok: false, reason: 'The reply box is no longer on the page', say: { key: 'insert_box_gone' } };
  if (text.length === 0) return { ok: false, reason: 'There is no text to insert', say: { key: 'insert_no_text' } };
  const at = Math.max(0, Math.min(Number.isInteger(cursor) ? cursor : text.length, text.length));
  const before = editorPlainText(editor, kind);

  let problem: string | undefined;
  let problemSay: UserText = { key: 'insert_page_failed' };
  if (opts.direct) {
    try {
      await runStrategy(editor, kind, text, at, opts.replace);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
  } else {
    const request = { kind, text, cursor: at, ...(opts.replace ? { replace: opts.replace } : {}) };
    const answer = await requestInsert(editor, request, opts.timeoutMs ?? 4000);
    if (!answer) {
      // i18n-ignore: English for the console; problemSay is what the user reads
      problem = 'The page did not answer the insertion request';
      problemSay = { key: 'insert_page_silent' };
    }
    // Never the bridge's own words: the page can answer in its place, and what we show must be ours.
    else if (!answer.ok) problem = BRIDGE_FAILED;
  }

  const verdict = await verifyInsertion(editor, kind, before, text);
  if (verdict.ok || !problem) return verdict;
  return {
    ok: false,
    reason: `${verdict.reason} (${problem})`,
    say: { key: 'insert_reason_detail', params: { reason: verdict.say, detail: problemSay } },
  };
}

/**
 * Type-to-expand: replaces plain-text offsets start…end of the box (the typed ";shortcut") with `text`, caret at
 * offset `cursor` of it, as one step the editor's undo takes back. Checked by what the box holds afterwards.
 */
export async function replaceTypedRange(
  editor: HTMLElement,
  kind: EditorKind,
  range: { start: number; end: number },
  text: string,
  cursor: number,
  opts: Omit<InsertOptions, 'replace'> = {},
): Promise<InsertResult> {
  const before = editorPlainText(editor, kind);
  if (range.start < 0 || range.end > before.length || range.start >= range.end) {
    return {
      ok: false,
      reason: 'The typed shortcut is no longer in the reply box',
      say: { key: 'insert_shortcut_gone' },
    };
  }
  const expected = before.slice(0, range.start) + text + before.slice(range.end);
  const result = await insertIntoEditor(editor, kind, text, cursor, { ...opts, replace: range });
  if (!result.ok) return result;
  const typed = looseText(before.slice(range.start, range.end));
  const now = looseText(editorPlainText(editor, kind));
  const count = (text: string) => text.split(typed).length - 1;
  // The shortcut must be gone: a paste that landed beside it would leave ";thanks" in the reply.
  if (now === looseText(expected) || count(now) < count(looseText(before))) return { ok: true };
  return { ok: false, reason: 'The typed shortcut is still in the reply box', say: { key: 'insert_shortcut_left' } };
}
