// TemplateSchema for a template of the usual shape, without zod: an import checks every template of the file and
// every stored one (2,000 of each for the largest file). A template this does not pass goes through zod, which also
// accepts extra fields (and strips them) and names the problem; tests/unit/storage/quick-template.test.ts proves that
// whatever this passes, zod passes as the same value.
import type { Template } from '../core/template';

const FIELDS = new Set([
  'id',
  'title',
  'body',
  'shortcut',
  'language',
  'tags',
  'order',
  'createdAt',
  'updatedAt',
  'useCount',
  'lastUsedAt',
  'deletedAt',
]);
const SHORTCUT = /^\s*\S*\s*$/;
/** zod counts a length in code points; a string without a high surrogate has as many as UTF-16 units. */
const HIGH_SURROGATE = /[\ud800-\udbff]/;

const text = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'string' && v.length <= max && v.length >= min && (min <= 1 || !HIGH_SURROGATE.test(v));
const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
/** An optional number: absent, or finite (a field holding undefined goes to zod, which keeps it). */
const optionalFinite = (t: Record<string, unknown>, key: string): boolean => !(key in t) || finite(t[key]);

export function quickTemplate(value: unknown): value is Template {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const t = value as Record<string, unknown>;
  for (const key in t) if (!FIELDS.has(key)) return false;
  if (!text(t.id, 1, 200) || !text(t.title, 1, 200) || !text(t.body, 1, 10_000) || !text(t.language, 2, 35)) {
    return false;
  }
  if ('shortcut' in t && !(text(t.shortcut, 0, 32) && SHORTCUT.test(t.shortcut as string))) return false;
  const tags = t.tags;
  if (!Array.isArray(tags) || tags.length > 50) return false;
  for (const tag of tags) if (!text(tag, 0, 64)) return false;
  if (!finite(t.order) || !finite(t.createdAt) || !finite(t.updatedAt)) return false;
  const uses = t.useCount;
  if (!Number.isSafeInteger(uses) || (uses as number) < 0) return false;
  return optionalFinite(t, 'lastUsedAt') && optionalFinite(t, 'deletedAt');
}
