// Checks that an insertion landed, by reading the editor's text (never by trusting an answer, never by retrying).
import type { EditorKind } from '../sites/types';
import type { UserText } from '../storage/radar-error';
import { delay } from './caret';
import { editorPlainText, looseText } from './plain-text';

/** `reason` in English for the console; `say` what the user reads, as a locale text (utils/i18n renders it). */
export type Verdict = { ok: true } | { ok: false; reason: string; say: UserText };

function occurrences(haystack: string, needle: string): number {
  if (needle.length === 0) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** How many more times the text appears in the editor than before (line breaks and NBSP compared loosely). */
function timesAdded(before: string, after: string, text: string): number {
  const needle = looseText(text);
  if (needle.length === 0) return after.length > before.length ? 1 : 0;
  return occurrences(looseText(after), needle) - occurrences(looseText(before), needle);
}

function verdictFor(added: number): Verdict {
  if (added === 1) return { ok: true };
  if (added > 1)
    return {
      ok: false,
      reason: `The text landed ${added} times in the reply box; please check it`,
      say: { key: 'insert_landed_times', params: { count: added } },
    };
  return { ok: false, reason: 'The reply box did not take the text', say: { key: 'insert_not_taken' } };
}

/** Compares the editor text before and after: the inserted text must appear exactly once more than before. */
export function judgeInsertion(before: string, after: string, text: string): Verdict {
  return verdictFor(timesAdded(before, after, text));
}

/**
 * Looks from `firstLookMs` after the insertion until `lastLookMs` for the text, and stops at the first sign of it
 * (a duplicate is reported at once, not waited out).
 */
export async function verifyInsertion(
  editor: HTMLElement,
  kind: EditorKind,
  before: string,
  text: string,
  firstLookMs = 200,
  lastLookMs = 1000,
): Promise<Verdict> {
  await delay(firstLookMs);
  const deadline = Date.now() + (lastLookMs - firstLookMs);
  for (;;) {
    const added = timesAdded(before, editorPlainText(editor, kind), text);
    if (added >= 1 || Date.now() >= deadline) return verdictFor(added);
    await delay(100);
  }
}
