// A reply box that already starts with the commenter's "@handle" (Instagram's Reply writes it) must not get the
// handle again from the template's greeting ("@maria.lopez_ Hi maria.lopez_, …"). Pure: tested directly.
import { normalizeHandle } from './keys';
import type { TemplateVars } from './render-template';

const GREETING_VARS = ['first_name', 'name', 'handle'] as const;

/** True when `boxText` mentions `handle` ("@handle", any case) as a whole word. */
export function mentions(boxText: string, handle: string): boolean {
  const bare = normalizeHandle(handle);
  if (!bare) return false;
  const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9._])@${escaped}(?![A-Za-z0-9_]|\\.[A-Za-z0-9_])`, 'i').test(boxText);
}

/**
 * The variables to fill a template with when the box already holds `boxText`: the ones that would only repeat the
 * mentioned handle are left empty (the template renderer then drops the gap: "Hi {first_name}, thanks" → "Hi, thanks").
 * A real name stays: "@maria.lopez_ Hi María, …" repeats nothing.
 */
export function withoutRepeatedHandle(vars: TemplateVars, boxText: string): TemplateVars {
  const bare = normalizeHandle(vars.handle);
  if (!bare || !mentions(boxText, bare)) return vars;
  const next = { ...vars };
  for (const key of GREETING_VARS) {
    if (normalizeHandle(next[key].trim()) === bare) next[key] = '';
  }
  return next;
}
