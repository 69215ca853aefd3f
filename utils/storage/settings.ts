// User settings in the extension's storage.local (not IndexedDB), so content scripts read and watch them directly:
// storage.local belongs to the extension, not to the site the script runs on.

import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_SETTINGS, type Settings, SettingsPatchSchema, SettingsSchema } from '../core/settings';
import { parseOrThrow } from './errors';
import { SETTINGS_LOCAL_KEY } from './local-keys';

export const SETTINGS_KEY = `local:${SETTINGS_LOCAL_KEY}` as const;
/** Version of the stored shape; add an entry to SETTINGS_MIGRATIONS for each step up. */
export const SETTINGS_STORAGE_VERSION = 1;
/** version → function turning the value stored at version-1 into that version's shape. */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

export function defineSettingsItem(
  version: number = SETTINGS_STORAGE_VERSION,
  migrations: Record<number, (old: unknown) => unknown> = SETTINGS_MIGRATIONS,
): WxtStorageItem<unknown, Record<string, unknown>> {
  // `unknown`: whatever is on disk is repaired field by field on read, never trusted as is.
  return storage.defineItem<unknown>(SETTINGS_KEY, { fallback: null, version, migrations });
}

// Defined on first use, not at import: WXT imports modules at build time, where there is no storage.
let item: WxtStorageItem<unknown, Record<string, unknown>> | undefined;
function settingsItem() {
  item ??= defineSettingsItem();
  return item;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keep every part of `value` that is valid and put the default in place of every part that is not, going down into
 * objects and records so one bad shortcut does not cost the user their brand handles. Whole-object rules (warn
 * before breach) fall back to the default object.
 */
export function repair<S extends z.ZodType>(schema: S, value: unknown, fallback: z.output<S>): z.output<S> {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  if (!isPlainObject(value)) return fallback;
  let candidate: unknown = fallback;
  if (schema instanceof z.ZodObject && isPlainObject(fallback)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const [key, fieldSchema] of Object.entries(shape)) {
      out[key] = repair(fieldSchema, value[key], (fallback as Record<string, unknown>)[key]);
    }
    candidate = out;
  } else if (schema instanceof z.ZodRecord) {
    const valueSchema = schema.valueType as z.ZodType;
    const keySchema = schema.keyType as z.ZodType;
    const defaults: Record<string, unknown> = isPlainObject(fallback) ? fallback : {};
    const out: Record<string, unknown> = { ...defaults };
    for (const [key, v] of Object.entries(value)) {
      if (!keySchema.safeParse(key).success) continue;
      const fixed = repair(valueSchema, v, defaults[key]);
      if (fixed !== undefined) out[key] = fixed;
    }
    candidate = out;
  }
  const repaired = schema.safeParse(candidate);
  return repaired.success ? repaired.data : fallback;
}

export function repairSettings(value: unknown): Settings {
  return repair(SettingsSchema, value, DEFAULT_SETTINGS);
}

/** The settings, never throwing: a missing or invalid field reads as its default. */
export async function readSettings(): Promise<Settings> {
  try {
    return repairSettings(await settingsItem().getValue());
  } catch (err) {
    console.error('[reply-radar] could not read settings, using defaults', err);
    return structuredClone(DEFAULT_SETTINGS);
  }
}

export { SettingsPatchSchema };

/** Change some top-level fields (each given whole); the result is validated before anything is written. */
export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const changes = parseOrThrow(SettingsPatchSchema, patch);
  const next = parseOrThrow(SettingsSchema, { ...(await readSettings()), ...changes });
  await settingsItem().setValue(next);
  return next;
}

/** Replace the settings as a whole (import). Validated like writeSettings. */
export async function replaceSettings(value: Settings): Promise<Settings> {
  const next = parseOrThrow(SettingsSchema, value);
  await settingsItem().setValue(next);
  return next;
}

/** Call `cb` with the repaired settings whenever they change, in any tab or page. Returns the unwatch function. */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem().watch((value) => cb(repairSettings(value)));
}

/** Run pending migrations now (the background calls this after an update). */
export function migrateSettings(): Promise<void> {
  return settingsItem().migrate();
}
