// User settings, kept in the extension's storage.local (see utils/storage/settings.ts).
import { z } from 'zod';
import { DEFAULT_TRIGGER, TRIGGER_PATTERN } from './expand';
import { BrandIdentitySchema } from './model';
import { LABEL_KINDS, SHORTCUT_ACTIONS } from './setting-names';

export const WEEK_DAYS = [0, 1, 2, 3, 4, 5, 6] as const; // 0 = Sunday, as Date.getDay()

export const TargetsSchema = z
  .object({
    /** Minutes after which a waiting comment turns "warn" (32% of customers expect a reply within 30 min). */
    warnMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30),
    /** Minutes after which it is "breach" (42% expect a reply within the hour). */
    breachMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30),
  })
  .refine((t) => t.warnMinutes < t.breachMinutes, { message: 'warn must come before breach' });
export type Targets = z.infer<typeof TargetsSchema>;

export const BusinessHoursSchema = z.object({
  enabled: z.boolean(),
  days: z.array(z.number().int().min(0).max(6)),
  /** "HH:MM", 24-hour clock, in `timeZone`. */
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/),
  /** IANA time zone, e.g. "Europe/Budapest". */
  timeZone: z.string().min(1),
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

export const ShortcutActionSchema = z.enum(SHORTCUT_ACTIONS);
export type ShortcutAction = z.infer<typeof ShortcutActionSchema>;

/** A chord matched on KeyboardEvent.code, so Option+J on a Mac still means J. */
export const ChordSchema = z.object({
  code: z.string().min(1),
  alt: z.boolean(),
  ctrl: z.boolean(),
  shift: z.boolean(),
  meta: z.boolean(),
});
export type Chord = z.infer<typeof ChordSchema>;

export const LabelKindSchema = z.enum(LABEL_KINDS);
export type LabelKind = z.infer<typeof LabelKindSchema>;

export const SettingsSchema = z.object({
  version: z.literal(1),
  brand: BrandIdentitySchema,
  /** Track comments on every post, not only the brand's own. */
  trackAllPosts: z.boolean(),
  targets: TargetsSchema,
  businessHours: BusinessHoursSchema,
  shortcuts: z.record(ShortcutActionSchema, ChordSchema),
  /** "auto" follows the browser's UI language. */
  language: z.string().max(35),
  /** Signs {agent} in templates. */
  agentName: z.string().max(100),
  sites: z.object({ x: z.boolean(), facebook: z.boolean(), instagram: z.boolean() }),
  /** Extra words per label and language, added to the built-in lists: { question: { en: ["…"] } }. */
  labelWords: z.record(LabelKindSchema, z.record(z.string().max(35), z.array(z.string().max(200)).max(1000))),
  panelCollapsed: z.boolean(),
  /** Typed before a template's shortcut in a reply box (";thanks" then Tab or Space); '' turns expansion off. */
  expandTrigger: z.string().regex(TRIGGER_PATTERN),
  /** Days the response log keeps an entry (counted from its answer, else its last sighting). */
  responseLogRetentionDays: z.number().int().min(1).max(3650),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Some top-level fields, each given whole (the overlay's toggles, adopting a brand account). */
export const SettingsPatchSchema = z.object(SettingsSchema.shape).partial();

const chord = (code: string): Chord => ({ code, alt: true, ctrl: false, shift: false, meta: false });

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  brand: { x: [], facebook: [], instagram: [] },
  trackAllPosts: false,
  targets: { warnMinutes: 30, breachMinutes: 60 },
  businessHours: { enabled: false, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'UTC' },
  shortcuts: {
    next: chord('KeyJ'),
    previous: chord('KeyK'),
    reply: chord('KeyR'),
    done: chord('KeyD'),
    snooze: chord('KeyS'),
    togglePanel: chord('KeyQ'),
    template1: chord('Digit1'),
    template2: chord('Digit2'),
    template3: chord('Digit3'),
    template4: chord('Digit4'),
    template5: chord('Digit5'),
    template6: chord('Digit6'),
    template7: chord('Digit7'),
    template8: chord('Digit8'),
    template9: chord('Digit9'),
  },
  language: 'auto',
  agentName: '',
  sites: { x: true, facebook: true, instagram: true },
  labelWords: { question: {}, complaint: {}, order: {} },
  panelCollapsed: false,
  expandTrigger: DEFAULT_TRIGGER,
  responseLogRetentionDays: 90,
};
