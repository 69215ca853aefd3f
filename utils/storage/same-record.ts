// Record equality as the JSON file sees it: an import's way to tell an unchanged record from a changed one.

/**
 * Equal records: the same fields with the same values, whatever order the keys come in; a field holding `undefined`
 * counts as absent, as in the JSON file. Compared in place (an import compares thousands of templates; writing each
 * out as sorted JSON cost more than the rest of their import).
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRecord(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    fields++;
    if (!Object.hasOwn(y, key) || !sameRecord(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) fields--;
  return fields === 0;
}
