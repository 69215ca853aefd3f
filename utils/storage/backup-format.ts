// The JSON backup's format: the current schema, and each older version's schema with its upgrade step.
import { z } from 'zod';
import { ManualStateSchema } from '../core/model';
import { SettingsSchema } from '../core/settings';
import { TemplateSchema } from '../core/template';
import { ResponseLogEntrySchema } from './response-log';

export const EXPORT_FORMAT = 'reply-radar';
export const FORMAT_VERSION = 2;

export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  exportedAt: z.string(),
  templates: z.array(TemplateSchema),
  settings: SettingsSchema,
  commentStates: z.array(ManualStateSchema),
  responseLog: z.array(ResponseLogEntrySchema).optional(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** Format 1 (before tags): the template body was called `text`. */
const TemplateV1Schema = TemplateSchema.omit({ body: true, tags: true }).extend({
  text: TemplateSchema.shape.body,
});
const ExportFileV1Schema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.union([z.string(), z.number()]),
  templates: z.array(TemplateV1Schema),
  settings: SettingsSchema,
  commentStates: z.array(ManualStateSchema),
});

/** One schema and one upgrade step per older format version, applied in order up to FORMAT_VERSION. */
export const FORMATS: Record<number, { schema: z.ZodType; upgrade?: (file: unknown) => unknown }> = {
  1: {
    schema: ExportFileV1Schema,
    upgrade: (file) => {
      const v1 = file as z.infer<typeof ExportFileV1Schema>;
      return {
        ...v1,
        formatVersion: 2,
        exportedAt: typeof v1.exportedAt === 'number' ? new Date(v1.exportedAt).toISOString() : v1.exportedAt,
        templates: v1.templates.map(({ text, ...t }) => ({ ...t, body: text, tags: [] })),
      };
    },
  },
  2: { schema: ExportFileSchema },
};
