// Record shapes shared by the database modules and the message protocol. Kept free of IndexedDB imports so content
// scripts can use them without pulling the storage code into their bundle.
import { z } from 'zod';

/**
 * What is wrong with a stored record, without words: a problem code (a `problem_<code>` locale text), where in the
 * record (zod's path), the numbers the text needs (`max`, `min`) and how many more problems it has. The options page
 * words it in the interface language when it shows the record, so a report written in one language reads in another.
 */
export const RecordIssueSchema = z.object({
  code: z.string().max(40),
  path: z.array(z.union([z.string().max(100), z.number()])).max(20),
  params: z.record(z.string().max(20), z.number()).optional(),
  more: z.number().int().nonnegative().optional(),
});
export type RecordIssue = z.infer<typeof RecordIssueSchema>;

export const SkippedRecordSchema = z.object({
  store: z.string(),
  key: z.string(),
  /** English, for logs; records reported before `issue` existed have only this. */
  problem: z.string(),
  issue: RecordIssueSchema.optional(),
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
