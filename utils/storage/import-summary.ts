// What an import did, as the options page reports it to the user.

export type ImportMode = 'merge' | 'replace';

export type ImportDuplicate =
  /** The same id exists here and in the file; the one edited last was kept. */
  | { kind: 'id'; id: string; title: string; kept: 'existing' | 'imported' }
  /** A CSV row equal (title, body, language) to a live template; not added again. */
  | { kind: 'content'; line: number; title: string }
  /** The imported template's shortcut was already used here; it was imported without the shortcut. */
  | { kind: 'shortcut'; title: string; shortcut: string; usedBy: string };

export interface ImportSummary {
  /** Templates. */
  added: number;
  updated: number;
  /** Differing from the file, and kept as they are here (edited here more recently). */
  skipped: number;
  /** Exactly as in the file already: nothing to do (importing the file just exported). */
  unchanged: number;
  /** Templates taken out by replace mode: deleted by a JSON import, moved to the trash by a CSV import. */
  removed: number;
  duplicates: ImportDuplicate[];
  commentStates: { added: number; updated: number; skipped: number; unchanged: number };
  responseLog: { added: number; skipped: number };
  settings: 'replaced' | 'unchanged';
}

/** Whether an import changed anything at all (a round trip export → import changes nothing). */
export function importChangedNothing(s: ImportSummary): boolean {
  const st = s.commentStates;
  return (
    s.added + s.updated + s.skipped + s.removed + st.added + st.updated + st.skipped + s.responseLog.added === 0 &&
    s.duplicates.length === 0 &&
    s.settings === 'unchanged'
  );
}

export function emptySummary(): ImportSummary {
  return {
    added: 0,
    updated: 0,
    skipped: 0,
    unchanged: 0,
    removed: 0,
    duplicates: [],
    commentStates: { added: 0, updated: 0, skipped: 0, unchanged: 0 },
    responseLog: { added: 0, skipped: 0 },
    settings: 'unchanged',
  };
}
