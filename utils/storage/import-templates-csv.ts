// The templates alone, imported from CSV (the rows are read in csv.ts), all or nothing as a JSON import is.
import { type Template, TemplateSchema } from '../core/template';
import { csvToDrafts } from './csv';
import { checkSize, refuse } from './import-file';
import { emptySummary, type ImportMode, type ImportSummary } from './import-summary';
import { applyAtomically } from './import-transaction';
import { readExistingTemplates, sendTemplates } from './import-writes';
import { placeText } from './issue-text';
import { normalizeDraft, shortcutOwner } from './templates';

/**
 * Import templates from CSV. Merge adds the rows as new templates (rows equal to a live template are skipped);
 * replace moves the current live templates to the trash (restorable for 30 days) and adds the rows.
 */
export async function importTemplatesCsv(text: string, opts: { mode: ImportMode }): Promise<ImportSummary> {
  checkSize(text);
  const rows = csvToDrafts(text);
  const firstLineOf = new Map<string, number>();
  for (const { line, draft } of rows) {
    if (!draft.shortcut) continue;
    const key = draft.shortcut.toLowerCase();
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      throw refuse(
        `line ${line}: shortcut "${draft.shortcut}" is also used on line ${first}`,
        {
          key: 'error_at',
          params: {
            place: placeText(['shortcut'], { line }) ?? '',
            problem: { key: 'import_shortcut_on_line', params: { shortcut: draft.shortcut, line: first } },
          },
        },
        `line ${line}, shortcut`,
      );
    }
    firstLineOf.set(key, line);
  }
  const summary = emptySummary();
  return applyAtomically(
    undefined,
    async (w) => {
      const existing = await readExistingTemplates(w);
      // Every change is gathered first, then each touched chunk is written once.
      const changes = new Map<string, Template>();
      const now = Date.now();
      let live = existing.items.filter((t) => t.deletedAt === undefined);
      if (opts.mode === 'replace') {
        for (const t of live) changes.set(t.id, { ...t, deletedAt: now, updatedAt: Math.max(now, t.updatedAt) });
        summary.removed = live.length;
        live = [];
      }
      let order = existing.items.reduce((max, t) => Math.max(max, t.order + 1), 0);
      for (const { line, draft: raw } of rows) {
        const draft = normalizeDraft(raw);
        const same = live.find(
          (t) => t.title === draft.title && t.body === draft.body && t.language === draft.language,
        );
        if (same) {
          summary.skipped++;
          summary.duplicates.push({ kind: 'content', line, title: draft.title });
          continue;
        }
        const owner = shortcutOwner(live, draft.shortcut);
        if (owner && draft.shortcut) {
          summary.duplicates.push({
            kind: 'shortcut',
            title: draft.title,
            shortcut: draft.shortcut,
            usedBy: owner.title,
          });
          delete draft.shortcut;
        }
        const t: Template = TemplateSchema.parse({
          ...draft,
          id: crypto.randomUUID(),
          order: order++,
          createdAt: now,
          updatedAt: now,
          useCount: 0,
        });
        changes.set(t.id, t);
        live.push(t);
        summary.added++;
      }
      sendTemplates(w, existing, changes);
    },
    summary,
  );
}
