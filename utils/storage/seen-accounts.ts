// The accounts the user has been seen acting as on each site (X shows it in its side navigation), so the first-run
// setup can offer them as brand accounts in one click. Only names that pass the site's handle rules are kept, a few
// per site, in the extension's storage.local; nothing else from the page is stored.
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { z } from 'zod';
import { PLATFORMS, type Platform } from '../core/model';

const MAX_PER_SITE = 5;
const HANDLE_RULES: Record<Platform, RegExp> = {
  x: /^\w{1,15}$/,
  facebook: /^[\p{L}\p{N} .'’&-]{1,100}$/u,
  instagram: /^[\w.]{1,30}$/,
};

const SeenSchema = z.object({
  x: z.array(z.string()).max(MAX_PER_SITE),
  facebook: z.array(z.string()).max(MAX_PER_SITE),
  instagram: z.array(z.string()).max(MAX_PER_SITE),
});
export type SeenAccounts = z.infer<typeof SeenSchema>;
const EMPTY: SeenAccounts = { x: [], facebook: [], instagram: [] };

let item: WxtStorageItem<unknown, Record<string, unknown>> | undefined;
function seenItem() {
  item ??= storage.defineItem<unknown>('local:seenAccounts', { fallback: null });
  return item;
}

export function cleanHandle(platform: Platform, handle: string): string | null {
  const name = handle.trim().replace(/^@/, '');
  return HANDLE_RULES[platform].test(name) ? name : null;
}

export async function readSeenAccounts(): Promise<SeenAccounts> {
  const parsed = SeenSchema.safeParse(await seenItem().getValue());
  if (!parsed.success) return structuredClone(EMPTY);
  const out = structuredClone(EMPTY);
  for (const p of PLATFORMS) out[p] = parsed.data[p].filter((h) => cleanHandle(p, h) === h);
  return out;
}

/** Remember that the user acts as `handle` on `platform` (most recent first). Returns whether it was new. */
export async function noteSeenAccount(platform: Platform, handle: string): Promise<boolean> {
  const name = cleanHandle(platform, handle);
  if (!name) return false;
  const seen = await readSeenAccounts();
  if (seen[platform][0]?.toLowerCase() === name.toLowerCase()) return false;
  seen[platform] = [name, ...seen[platform].filter((h) => h.toLowerCase() !== name.toLowerCase())].slice(
    0,
    MAX_PER_SITE,
  );
  await seenItem().setValue(seen);
  return true;
}
