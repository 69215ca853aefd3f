// Saved replies in IndexedDB. Every write is one readwrite transaction that reads what it needs and writes in the
// same transaction, so two tabs writing at once are serialized by IndexedDB and no update is lost.
import { browser } from 'wxt/browser';
import { type Template, type TemplateDraft, TemplateDraftSchema, TemplateSchema } from '../core/template';
import { type ListResult, openRadarDb, readMeta, validateRead } from './db';
import { parseOrThrow, RadarError } from './errors';
import { bumpTemplatesRevision } from './revisions';
import type { SkippedRecord } from './schemas';
import { STARTER_TEMPLATES } from './starter-templates';
import { TEMPLATES_STORE, type TemplateChunk } from './template-chunks';
import { readTemplateRecord, readTemplates, type TemplatesTx, writeTemplates } from './template-store';

export { watchTemplatesRevision } from './revisions';

/** Deleted templates stay restorable this long. */
export const TRASH_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export const TemplatePatchSchema = TemplateDraftSchema.partial();
/** Fields to change; `shortcut: ''` removes the shortcut, an absent field stays as it is. */
export type TemplatePatch = Partial<TemplateDraft>;

const isLive = (t: Template) => t.deletedAt === undefined;
const byOrder = (a: Template, b: Template) => a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
/** How shortcuts are compared: without surrounding blanks, case-insensitively. */
export const shortcutKey = (s: string) => s.trim().toLowerCase();

/** Trim what people type by accident; an empty shortcut means none; tags without blanks or repeats. */
export function normalizeDraft(draft: TemplateDraft): TemplateDraft {
  const shortcut = draft.shortcut?.trim();
  const tags = [...new Set(draft.tags.map((t) => t.trim()).filter((t) => t !== ''))];
  const out: TemplateDraft = { title: draft.title.trim(), body: draft.body, language: draft.language.trim(), tags };
  if (shortcut) out.shortcut = shortcut;
  return out;
}

/** The live template (other than `exceptId`) that already uses this shortcut, compared case-insensitively. */
export function shortcutOwner(
  templates: readonly Template[],
  shortcut: string | undefined,
  exceptId?: string,
): Template | undefined {
  if (!shortcut) return undefined;
  const key = shortcutKey(shortcut);
  return templates.find((t) => isLive(t) && t.id !== exceptId && t.shortcut && shortcutKey(t.shortcut) === key);
}

function assertShortcutFree(templates: readonly Template[], shortcut: string | undefined, exceptId?: string): void {
  const owner = shortcutOwner(templates, shortcut, exceptId);
  if (owner) {
    throw new RadarError(
      'conflict',
      `Shortcut "${shortcut}" is already used by the template "${owner.title}".`,
      'shortcut',
      { key: 'form_shortcut_taken', params: { shortcut: shortcut ?? '', title: owner.title } },
    );
  }
}

function notFound(id: string): RadarError {
  return new RadarError('not-found', `No template with id "${id}".`, 'id', { key: 'error_template_gone' });
}

/** A write's transaction: the templates' chunks, and the quarantine for a chunk that must be written over. */
async function writeTx(): Promise<TemplatesTx> {
  const db = await openRadarDb();
  return db.transaction(['templateChunks', 'quarantine'], 'readwrite');
}

async function readTx() {
  const db = await openRadarDb();
  return db.transaction('templateChunks').store;
}

const damaged = (id: string, problem: string) =>
  new RadarError('internal', `The template "${id}" is damaged (${problem}).`, 'id', { key: 'error_template_damaged' });

/** Read one template inside a transaction; a record that fails validation is refused, never overwritten. */
async function getIn(tx: TemplatesTx | Awaited<ReturnType<typeof readTx>>, id: string): Promise<Template> {
  const store = 'objectStore' in tx ? tx.objectStore('templateChunks') : tx;
  const { raw, unreadable } = await readTemplateRecord(store, id);
  // i18n-ignore: English for logs (the RadarError's message); the user reads error_template_damaged
  if (unreadable) throw damaged(id, 'its chunk cannot be read');
  if (raw === undefined) throw notFound(id);
  const read = validateRead(TEMPLATES_STORE, id, raw, TemplateSchema);
  if (!read.ok) throw damaged(id, read.skipped.problem);
  return read.value;
}

/** Writes `records` (and deletes `removed`); `chunks`: the ones this transaction has read already, not read again. */
async function commit(
  tx: TemplatesTx,
  records: Template[],
  { removed = [], chunks }: { removed?: string[]; chunks?: Map<number, TemplateChunk> } = {},
): Promise<void> {
  const changes = new Map<string, Template | undefined>(records.map((t) => [t.id, parseOrThrow(TemplateSchema, t)]));
  for (const id of removed) changes.set(id, undefined);
  await writeTemplates(tx, changes, chunks);
  await tx.done;
  await bumpTemplatesRevision();
}

const readAllIn = (tx: TemplatesTx) => readTemplates(tx.objectStore('templateChunks'));

/** Live templates in the user's order (Alt+1 is the first). Seeds the starter set the first time ever. */
export async function listTemplates(): Promise<ListResult<Template>> {
  await ensureSeeded();
  const { items, skipped } = await readTemplates(await readTx());
  return { items: items.filter(isLive).sort(byOrder), skipped };
}

/** The live list and the trash from one read of the store (the options page shows both). */
export async function listLibrary(): Promise<{ live: Template[]; trash: Template[]; skipped: SkippedRecord[] }> {
  await ensureSeeded();
  const { items, skipped } = await readTemplates(await readTx());
  return {
    live: items.filter(isLive).sort(byOrder),
    trash: items.filter((t) => !isLive(t)).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0)),
    skipped,
  };
}

/** Templates in the trash, most recently deleted first. */
export async function listTrash(): Promise<ListResult<Template>> {
  const { items, skipped } = await readTemplates(await readTx());
  return {
    items: items.filter((t) => !isLive(t)).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0)),
    skipped,
  };
}

export async function getTemplate(id: string): Promise<Template> {
  return getIn(await readTx(), id);
}

export async function createTemplate(draft: TemplateDraft): Promise<Template> {
  const clean = normalizeDraft(parseOrThrow(TemplateDraftSchema, draft));
  const tx = await writeTx();
  const { items, chunks } = await readAllIn(tx);
  assertShortcutFree(items, clean.shortcut);
  const now = Date.now();
  const template: Template = {
    ...clean,
    id: crypto.randomUUID(),
    order: items.reduce((max, t) => Math.max(max, t.order + 1), 0),
    createdAt: now,
    updatedAt: now,
    useCount: 0,
  };
  await commit(tx, [template], { chunks });
  return template;
}

export async function updateTemplate(id: string, patch: TemplatePatch): Promise<Template> {
  const changes = parseOrThrow(TemplatePatchSchema, patch);
  const tx = await writeTx();
  const current = await getIn(tx, id);
  if (!isLive(current)) {
    const text = { key: 'error_template_in_trash', params: { title: current.title } };
    throw new RadarError('conflict', `"${current.title}" is in the trash; restore it first.`, 'id', text);
  }
  const merged = normalizeDraft(parseOrThrow(TemplateDraftSchema, { ...pickDraft(current), ...changes }));
  const { items, chunks } = await readAllIn(tx);
  assertShortcutFree(items, merged.shortcut, id);
  const { shortcut: _old, ...rest } = current;
  const updated: Template = { ...rest, ...merged, updatedAt: Math.max(Date.now(), current.updatedAt) };
  await commit(tx, [updated], { chunks });
  return updated;
}

function pickDraft(t: Template): TemplateDraft {
  const d: TemplateDraft = { title: t.title, body: t.body, language: t.language, tags: t.tags };
  if (t.shortcut !== undefined) d.shortcut = t.shortcut;
  return d;
}

/** Move to the trash (undo with restoreTemplate for 30 days). Deleting a trashed template changes nothing. */
export async function deleteTemplate(id: string): Promise<Template> {
  const tx = await writeTx();
  const current = await getIn(tx, id);
  if (!isLive(current)) {
    await tx.done;
    return current;
  }
  const now = Date.now();
  const trashed: Template = { ...current, deletedAt: now, updatedAt: Math.max(now, current.updatedAt) };
  await commit(tx, [trashed]);
  return trashed;
}

/** Bring a template back from the trash at its old place; refused if its shortcut was taken meanwhile. */
export async function restoreTemplate(id: string): Promise<Template> {
  const tx = await writeTx();
  const current = await getIn(tx, id);
  if (isLive(current)) {
    await tx.done;
    return current;
  }
  const { items, chunks } = await readAllIn(tx);
  assertShortcutFree(items, current.shortcut, id);
  const { deletedAt: _gone, ...rest } = current;
  const restored: Template = { ...rest, updatedAt: Math.max(Date.now(), current.updatedAt) };
  await commit(tx, [restored], { chunks });
  return restored;
}

/** Delete for good the templates that have been in the trash longer than 30 days. Returns how many. */
export async function purgeTrash(now: number = Date.now()): Promise<number> {
  const tx = await writeTx();
  const cutoff = now - TRASH_KEEP_MS;
  // Only records that validate are deleted: a damaged record is kept for the user to see, never dropped.
  const { items, chunks } = await readAllIn(tx);
  const gone = new Map(
    items.flatMap((t) => (t.deletedAt !== undefined && t.deletedAt < cutoff ? [[t.id, undefined]] : [])),
  );
  await writeTemplates(tx, gone, chunks);
  await tx.done;
  if (gone.size > 0) await bumpTemplatesRevision();
  return gone.size;
}

/** Delete one trashed template now ("empty trash" for a single item). Live templates must be trashed first. */
export async function purgeTemplate(id: string): Promise<void> {
  const tx = await writeTx();
  const current = await getIn(tx, id);
  if (isLive(current)) {
    const text = { key: 'error_template_not_in_trash', params: { title: current.title } };
    throw new RadarError('conflict', `"${current.title}" is not in the trash.`, 'id', text);
  }
  await commit(tx, [], { removed: [id] });
}

/**
 * Put the given live templates first, in this order; live templates not named (created meanwhile in another tab)
 * follow in their current order, and ids no longer live are ignored. Returns the live list in its new order.
 */
export async function reorderTemplates(ids: readonly string[]): Promise<Template[]> {
  if (new Set(ids).size !== ids.length) throw new RadarError('bad-request', 'ids: the same id appears twice.', 'ids');
  const tx = await writeTx();
  const { items, chunks } = await readAllIn(tx);
  const live = items.filter(isLive).sort(byOrder);
  const byId = new Map(live.map((t) => [t.id, t]));
  const named = ids.flatMap((id) => byId.get(id) ?? []);
  const rest = live.filter((t) => !ids.includes(t.id));
  const next = [...named, ...rest].map((t, order) => ({ ...t, order }));
  const changed = next.filter((t) => byId.get(t.id)?.order !== t.order);
  await commit(tx, changed, { chunks });
  return next;
}

/** Count one use of a template (inserted into a reply box). */
export async function markTemplateUsed(id: string, at: number = Date.now()): Promise<Template> {
  const tx = await writeTx();
  const current = await getIn(tx, id);
  if (!isLive(current)) {
    const text = { key: 'error_template_in_trash', params: { title: current.title } };
    throw new RadarError('conflict', `"${current.title}" is in the trash.`, 'id', text);
  }
  const used: Template = {
    ...current,
    useCount: current.useCount + 1,
    lastUsedAt: Math.max(at, current.lastUsedAt ?? 0),
  };
  await commit(tx, [used]);
  return used;
}

// --- starter set ---------------------------------------------------------------------------------------------

const primaryTag = (tag: string) => (tag.split(/[-_]/)[0] ?? '').toLowerCase();

/**
 * Starters in the UI language first (so Alt+1 speaks the user's language), then the rest of that language, then
 * the other languages in their given order. Without any starter in the UI language, English leads.
 */
export function orderStarters<T extends { language: string }>(starters: readonly T[], uiLanguage: string): T[] {
  const ui = primaryTag(uiLanguage);
  const lead = starters.some((s) => primaryTag(s.language) === ui) ? ui : 'en';
  return [
    ...starters.filter((s) => primaryTag(s.language) === lead),
    ...starters.filter((s) => primaryTag(s.language) !== lead),
  ];
}

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

export interface SeedOptions {
  uiLanguage?: string;
  starters?: ReadonlyArray<TemplateDraft & { key: string }>;
  now?: number;
}

/**
 * Write the starter set once in the life of the database, recorded in meta.seededAt so deleting every template does
 * not bring them back. A database that already holds templates (an older install) is marked seeded, not filled.
 * Returns whether starters were written.
 */
export async function seedStarterTemplates(opts: SeedOptions = {}): Promise<boolean> {
  const now = opts.now ?? Date.now();
  const ui = opts.uiLanguage ?? uiLanguage();
  // The interface language and English, not every language in every picker; the options page adds the others.
  const wanted = new Set(['en', primaryTag(ui)]);
  const chosen = (opts.starters ?? STARTER_TEMPLATES).filter((s) => wanted.has(primaryTag(s.language)));
  const drafts = orderStarters(chosen, ui).flatMap((s) => {
    const parsed = TemplateDraftSchema.safeParse(s);
    if (!parsed.success) console.warn('[reply-radar] invalid starter template skipped', s.key);
    return parsed.success ? [{ key: s.key, draft: normalizeDraft(parsed.data) }] : [];
  });
  const db = await openRadarDb();
  const tx = db.transaction(['templateChunks', 'meta', 'quarantine'], 'readwrite');
  if ((await tx.objectStore('meta').get('seededAt')) !== undefined) {
    await tx.done;
    return false;
  }
  const empty = (await tx.objectStore('templateChunks').count()) === 0;
  const written: Template[] = [];
  if (empty) {
    for (const { key, draft } of drafts) {
      // Starters may share a shortcut across languages; the first (in the user's language) keeps it.
      const d = shortcutOwner(written, draft.shortcut) ? { ...draft, shortcut: undefined } : draft;
      if (d.shortcut === undefined) delete d.shortcut;
      const t: Template = {
        ...d,
        id: `starter-${key}`,
        order: written.length,
        createdAt: now,
        updatedAt: now,
        useCount: 0,
      };
      written.push(parseOrThrow(TemplateSchema, t));
    }
    await writeTemplates(tx, new Map(written.map((t) => [t.id, t])));
  }
  await tx.objectStore('meta').put(now, 'seededAt');
  await tx.done;
  if (written.length > 0) await bumpTemplatesRevision();
  return written.length > 0;
}

/** The lazy path for databases that never went through onInstalled (cleared storage, missed event). */
async function ensureSeeded(): Promise<void> {
  if ((await readMeta('seededAt')) === undefined) await seedStarterTemplates();
}
