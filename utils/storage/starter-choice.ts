// The first-run choice of starter template languages: keep the starters in the chosen languages (adding any that are
// missing) and move the untouched starters of the other languages to the trash, where they stay restorable.
import type { Template } from '../core/template';
import { STARTER_TEMPLATES } from './starter-templates';
import { createTemplate, deleteTemplate, listTemplates, shortcutOwner } from './templates';

const primary = (tag: string) => (tag.split(/[-_]/)[0] ?? '').toLowerCase();

/** Languages (primary tags) that have starter templates, in their given order. */
export function starterLanguages(): string[] {
  return [...new Set(STARTER_TEMPLATES.map((s) => primary(s.language)))];
}

const untouched = (t: Template) => t.id.startsWith('starter-') && t.useCount === 0 && t.updatedAt === t.createdAt;

export async function applyStarterLanguages(keep: readonly string[]): Promise<{ added: number; removed: number }> {
  const wanted = new Set(keep.map(primary));
  const live = (await listTemplates()).items;
  let removed = 0;
  for (const t of live) {
    if (untouched(t) && !wanted.has(primary(t.language))) {
      await deleteTemplate(t.id);
      removed++;
    }
  }
  const added = await addStarters(wanted);
  return { added, removed };
}

/** Starter languages none of whose starters is in `live` (the options page offers to add them). */
export function missingStarterLanguages(live: readonly Template[]): string[] {
  const there = (key: string, title: string, lang: string) =>
    live.some((t) => t.id === `starter-${key}` || (t.title === title && primary(t.language) === lang));
  const present = new Set(
    STARTER_TEMPLATES.filter((s) => there(s.key, s.title, primary(s.language))).map((s) => primary(s.language)),
  );
  return starterLanguages().filter((lang) => !present.has(lang));
}

/** Add one language's starter templates (after the user's own; none already there is added twice). */
export async function addStarterLanguage(lang: string): Promise<number> {
  return addStarters(new Set([primary(lang)]));
}

async function addStarters(wanted: ReadonlySet<string>): Promise<number> {
  const present = (await listTemplates()).items;
  let added = 0;
  for (const { key, ...draft } of STARTER_TEMPLATES) {
    if (!wanted.has(primary(draft.language))) continue;
    const there = present.some(
      (t) => t.id === `starter-${key}` || (t.title === draft.title && primary(t.language) === primary(draft.language)),
    );
    if (there) continue;
    const clash = draft.shortcut ? shortcutOwner(present, draft.shortcut) : undefined;
    const created = await createTemplate(clash ? { ...draft, shortcut: undefined } : draft);
    present.push(created);
    added++;
  }
  return added;
}
