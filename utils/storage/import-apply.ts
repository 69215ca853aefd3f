// What a JSON import does to each store (templates, comment states, the response log), in merge or replace mode,
// through the import's one transaction (import-writes.ts).

import { shortcutKey } from '../core/expand';
import type { ManualState } from '../core/model';
import { mergeEntries } from '../core/response-log';
import type { Template } from '../core/template';
import { quarantine, type SkippedRecord } from './db';
import type { ImportMode, ImportSummary } from './import-summary';
import {
  type Existing,
  type ExistingTemplates,
  type ImportWrites,
  putOver,
  queue,
  remove,
  send,
  sendTemplates,
} from './import-writes';
import type { ResponseLogEntry } from './response-log';
import { sameRecord } from './same-record';
import {
  chunkLabel,
  chunkOf,
  encodeChunk,
  readChunk,
  STATES_STORE,
  sameState,
  statesText,
  validateState,
} from './state-chunks';

export async function importTemplates(
  w: ImportWrites,
  existing: ExistingTemplates,
  incoming: Template[],
  mode: ImportMode,
  summary: ImportSummary,
): Promise<void> {
  // Every change is gathered first, then each touched chunk is written once.
  const changes = new Map<string, Template | undefined>();
  const byId = new Map(existing.items.map((t) => [t.id, t]));
  const incomingIds = new Set(incoming.map((t) => t.id));
  if (mode === 'replace') {
    for (const t of existing.items) {
      if (!incomingIds.has(t.id)) {
        changes.set(t.id, undefined);
        summary.removed++;
      }
    }
    for (const t of incoming) {
      const mine = byId.get(t.id);
      if (mine && sameRecord(mine, t)) {
        summary.unchanged++;
        continue;
      }
      if (mine) summary.updated++;
      else summary.added++;
      changes.set(t.id, t);
    }
    sendTemplates(w, existing, changes);
    return;
  }
  // Merge: the version edited last wins; new templates go after the user's own, in the file's order.
  let nextOrder = existing.items.reduce((max, t) => Math.max(max, t.order + 1), 0);
  const winners: Template[] = [];
  for (const t of [...incoming].sort((a, b) => a.order - b.order)) {
    const mine = byId.get(t.id);
    if (!mine) {
      winners.push({ ...t, order: nextOrder++ });
      summary.added++;
    } else if (sameRecord({ ...t, order: mine.order }, mine)) {
      // The same template (its place in this list is this list's own): not a conflict, nothing to do.
      summary.unchanged++;
    } else if (t.updatedAt > mine.updatedAt) {
      winners.push({ ...t, order: mine.order });
      summary.updated++;
      summary.duplicates.push({ kind: 'id', id: t.id, title: t.title, kept: 'imported' });
    } else {
      summary.skipped++;
      summary.duplicates.push({ kind: 'id', id: t.id, title: mine.title, kept: 'existing' });
    }
  }
  // Shortcuts stay unique among live templates: the user's own keep theirs, an imported one gives it up. Owners by
  // shortcut in a Map, the first live one in list order (as shortcutOwner finds it), not a scan per template.
  const winnerIds = new Set(winners.map((t) => t.id));
  const owners = new Map<string, Template>();
  const claim = (t: Template) => {
    if (t.deletedAt !== undefined || !t.shortcut) return;
    const key = shortcutKey(t.shortcut);
    if (!owners.has(key)) owners.set(key, t);
  };
  for (const t of existing.items) if (!winnerIds.has(t.id)) claim(t);
  for (const t of winners) {
    const owner = t.shortcut ? owners.get(shortcutKey(t.shortcut)) : undefined;
    let written = t;
    if (owner && t.shortcut && t.deletedAt === undefined) {
      summary.duplicates.push({ kind: 'shortcut', title: t.title, shortcut: t.shortcut, usedBy: owner.title });
      const { shortcut: _dropped, ...rest } = t;
      written = rest;
    }
    claim(written);
    changes.set(written.id, written);
  }
  sendTemplates(w, existing, changes);
}

/**
 * The file's states by chunk, in the file's order: each chunk is then settled on its own, against its own entries
 * (no map of every state here and no set of every state in the file).
 */
export function byChunk(incoming: ManualState[]): Map<number, ManualState[]> {
  const fileChunks = new Map<number, ManualState[]>();
  for (const s of incoming) {
    const id = chunkOf(s.key);
    const list = fileChunks.get(id);
    if (list) list.push(s);
    else fileChunks.set(id, [s]);
  }
  return fileChunks;
}

/**
 * States are merged in memory chunk by chunk and each changed chunk is written once (a few hundred puts for the
 * largest file, not one per state). A chunk whose stored text is exactly the file's states for it (importing a
 * backup again) is settled by that comparison, without decoding it. Damaged states and chunks are never dropped: a
 * damaged state the file replaces is copied to the quarantine first, one the file does not name stays where it is,
 * and an unreadable chunk is quarantined whole before its key is rewritten.
 */
export async function importStates(
  w: ImportWrites,
  stored: Map<number, unknown>,
  fileChunks: Map<number, ManualState[]>,
  mode: ImportMode,
  summary: ImportSummary,
): Promise<void> {
  const ids = mode === 'replace' ? new Set([...stored.keys(), ...fileChunks.keys()]) : fileChunks.keys();
  const skipped: SkippedRecord[] = [];
  for (const id of ids) {
    const states = fileChunks.get(id) ?? [];
    const record = stored.get(id);
    // The file's keys are unique (checked when it was read): its states' compact entries are the chunk's text, no map
    // needed. That text settles a chunk stored as it (the same file again), and is what a chunk not stored yet becomes.
    const text = states.length > 0 ? statesText(states) : null;
    if (text !== null && record === text) {
      summary.commentStates.unchanged += states.length;
      continue;
    }
    if (text !== null && record === undefined) {
      summary.commentStates.added += states.length;
      send(w, 'stateChunks', text, id);
      continue;
    }
    const read = record === undefined ? null : readChunk(id, record);
    if (read) for (const s of read.skipped) skipped.push(s);
    const chunk = read?.chunk;
    const damagedStates = read?.damaged ?? new Map<string, { skipped: SkippedRecord; raw: unknown }>();
    const entries = chunk?.ok ? chunk.entries : new Map<string, unknown>();
    let changed = false;
    if (mode === 'replace') {
      // Readable states the file does not name go; damaged ones stay where they are (reported, never dropped).
      const named = new Set(states.map((s) => s.key));
      for (const key of entries.keys()) {
        if (named.has(key) || damagedStates.has(key)) continue;
        entries.delete(key);
        changed = true;
      }
    }
    for (const s of states) {
      const damaged = damagedStates.get(s.key);
      const raw = damaged ? undefined : entries.get(s.key);
      const known = raw === undefined ? null : validateState(s.key, raw);
      const mine = known?.ok ? known.value : undefined;
      if (mine && sameState(mine, s)) {
        summary.commentStates.unchanged++;
        continue;
      }
      if (mode === 'merge' && mine && mine.at >= s.at) {
        summary.commentStates.skipped++;
        continue;
      }
      if (mine) summary.commentStates.updated++;
      else summary.commentStates.added++;
      if (chunk && !chunk.ok && !changed) {
        // An unreadable chunk is copied aside whole before its key is written again.
        queue(
          w,
          quarantine(w.tx, {
            store: STATES_STORE,
            key: chunkLabel(id),
            problem: chunk.problem,
            issue: chunk.issue,
            value: chunk.raw,
          }),
        );
      }
      if (damaged) queue(w, quarantine(w.tx, { ...damaged.skipped, value: damaged.raw }));
      entries.set(s.key, s);
      changed = true;
    }
    if (changed) send(w, 'stateChunks', entries.size === 0 ? undefined : encodeChunk(entries), id);
  }
  if (skipped.length > 0) console.warn('[reply-radar] skipped invalid records', skipped);
}

export async function importResponseLog(
  w: ImportWrites,
  existing: Existing<ResponseLogEntry>,
  incoming: ResponseLogEntry[],
  mode: ImportMode,
  summary: ImportSummary,
): Promise<void> {
  const byKey = new Map(existing.items.map((e) => [e.key, e]));
  if (mode === 'replace') {
    const incomingKeys = new Set(incoming.map((e) => e.key));
    for (const e of existing.items) if (!incomingKeys.has(e.key)) remove(w, 'responseLog', e.key);
  }
  for (const e of incoming) {
    const mine = byKey.get(e.key);
    // The first answer of a comment is the one that counts: a merge keeps the earlier of the two.
    const next = mode === 'merge' && mine ? mergeEntries(mine, e) : e;
    if (mine && JSON.stringify(next) === JSON.stringify(mine)) {
      summary.responseLog.skipped++;
      continue;
    }
    summary.responseLog.added++;
    putOver(w, 'responseLog', e.key, next, existing);
  }
}
