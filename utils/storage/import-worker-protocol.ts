// What the options page and its import worker say to each other (import-worker-client.ts, import-worker-job.ts).
// Each side checks every message it gets against these schemas: a worker that answers something else has failed,
// and the page then lets its transaction go unwritten.
import { z } from 'zod';
import { SettingsSchema } from '../core/settings';
import { ErrorInfoSchema } from './errors';
import type { ImportSummary } from './import-summary';

const count = z.number().int().nonnegative();

const ImportDuplicateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('id'), id: z.string(), title: z.string(), kept: z.enum(['existing', 'imported']) }),
  z.object({ kind: z.literal('content'), line: count, title: z.string() }),
  z.object({ kind: z.literal('shortcut'), title: z.string(), shortcut: z.string(), usedBy: z.string() }),
]);

export const ImportSummarySchema: z.ZodType<ImportSummary> = z.object({
  added: count,
  updated: count,
  skipped: count,
  unchanged: count,
  removed: count,
  duplicates: z.array(ImportDuplicateSchema),
  commentStates: z.object({ added: count, updated: count, skipped: count, unchanged: count }),
  responseLog: z.object({ added: count, skipped: count }),
  settings: z.enum(['replaced', 'unchanged']),
});

/** Page → worker, first: the file's text and how to import it. */
export const ImportRequestSchema = z.object({
  type: z.literal('import'),
  text: z.string(),
  mode: z.enum(['merge', 'replace']),
  withSettings: z.boolean(),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

/** Page → worker, once the worker is ready: commit (the settings are written) or let everything go. */
export const PageAnswerSchema = z.object({ type: z.enum(['commit', 'abort']) });
export type PageAnswer = z.infer<typeof PageAnswerSchema>;

const Refused = z.object({ type: z.literal('refused'), error: ErrorInfoSchema });
const Failed = z.object({ type: z.literal('failed'), error: ErrorInfoSchema });

/**
 * Worker → page, first: the file is refused (nothing was written), or every write is queued in a transaction held
 * open until the page answers (with the file's settings when the page asked for them), or the worker failed.
 */
export const FirstAnswerSchema = z.discriminatedUnion('type', [
  Refused,
  z.object({ type: z.literal('ready'), summary: ImportSummarySchema, settings: SettingsSchema.nullable() }),
  Failed,
]);
/** Worker → page, last: the transaction committed, or it did not (nothing was written). */
export const LastAnswerSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('committed') }), Failed]);

export type WorkerAnswer = z.infer<typeof FirstAnswerSchema> | z.infer<typeof LastAnswerSchema>;
