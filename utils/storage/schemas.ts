// Record shapes shared by the database modules and the message protocol. Kept free of IndexedDB imports so content
// scripts can use them without pulling the storage code into their bundle.
import { z } from 'zod';

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

// The response log's record lives with its rules in utils/core/response-log.ts.
export {
  ResponseLevelSchema,
  type ResponseLogEntry,
  ResponseLogEntrySchema,
  type ResponseObservation,
  ResponseObservationSchema,
} from '../core/response-log';
