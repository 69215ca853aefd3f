// The two identities every part of Reply Radar compares by. Free of schemas (zod) so the content scripts, which need
// only these, do not carry the validation library (issue #10: each content script under 30 KB gzip).
import type { Platform } from './model';

/** `platform:id` — the key of a comment everywhere (page contract `data-rr-id`, comment states). */
export function commentKey(c: { platform: Platform; id: string }): string {
  return `${c.platform}:${c.id}`;
}

/** Handles compare lower-cased, without a leading "@". */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}
