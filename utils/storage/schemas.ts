// Record shapes shared by the database modules and the message protocol. Kept free of IndexedDB imports so content
// scripts can use them without pulling the storage code into their bundle.
import { z } from 'zod';
import { PlatformSchema } from '../core/model';

export const SkippedRecordSchema = z.object({
  store: z.string(),
  key: z.string(),
  problem: z.string(),
});
/** A record that failed validation on read: left untouched on disk, reported to the caller, never thrown. */
export type SkippedRecord = z.infer<typeof SkippedRecordSchema>;

export interface ListResult<T> {
  items: T[];
  skipped: SkippedRecord[];
}

export function listResultSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), skipped: z.array(SkippedRecordSchema) });
}

export const ResponseLevelSchema = z.enum(['ok', 'warn', 'breach']);

export const ResponseLogEntrySchema = z.object({
  /** `platform:id` of the answered comment. */
  key: z.string().min(1),
  platform: PlatformSchema,
  postId: z.string().min(1),
  postedAt: z.number().finite(),
  answeredAt: z.number().finite(),
  /** How the wait compared with the targets when it was answered. */
  level: ResponseLevelSchema.optional(),
});
export type ResponseLogEntry = z.infer<typeof ResponseLogEntrySchema>;
