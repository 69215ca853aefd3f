// One error shape for everything storage and messaging can refuse, so the UI shows one kind of message whether the
// call went through the background or straight to the database (options page).
import { z } from 'zod';
import { issuesText, recordIssue } from './issue-text';
import { ERROR_CODES, errorUserText, RadarError, type TextParam, type UserText } from './radar-error';
import type { RecordIssue } from './schemas';

/** A locale text crossing a message: keys and params bounded, nesting allowed ("{place}: {problem}"). */
export const UserTextSchema: z.ZodType<UserText> = z.lazy(() =>
  z.object({
    key: z.string().max(100),
    params: z.record(z.string().max(100), TextParamSchema).optional(),
  }),
);
const TextParamSchema: z.ZodType<TextParam> = z.lazy(() => z.union([z.string().max(2000), z.number(), UserTextSchema]));

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorInfoSchema = z.object({
  code: ErrorCodeSchema,
  /** Plain sentence for the user, naming the place and the problem. */
  message: z.string(),
  /** Where in the request or file the problem is, e.g. "templates[3].body". */
  path: z.string().optional(),
  /** The sentence for the user as a locale message (utils/i18n), when there is one; `message` stays for logs. */
  key: z.string().max(100).optional(),
  params: z.record(z.string().max(100), TextParamSchema).optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export { RadarError, type UserText };

/** "templates[3].body" from zod's ['templates', 3, 'body']. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Missing fields read "required" instead of zod's "expected string, received undefined". */
const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined;

/** Parse or throw a bad-request RadarError whose message names the first problem: "templates[3].body: required". */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: ReadonlyArray<PropertyKey> = [],
): z.output<S> {
  const result = schema.safeParse(value, { error: errorMap });
  if (result.success) return result.data;
  const { message, path, text } = describeIssues(result.error, where);
  throw new RadarError('bad-request', message, path, text);
}

/** The first issue as "path: problem" (plus how many more), for reports and errors. */
export function describeIssues(
  error: z.ZodError,
  where: ReadonlyArray<PropertyKey> = [],
): { message: string; path: string | undefined; text: UserText } {
  const first = error.issues[0];
  const text = issuesText(error.issues, { where });
  if (!first) return { message: 'invalid', path: undefined, text };
  const path = formatPath([...where, ...first.path]);
  // i18n-ignore: the English message for logs; `text` is what the user reads
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return {
    message: `${path === '' ? '' : `${path}: `}${first.message}${more}`,
    path: path === '' ? undefined : path,
    text,
  };
}

/** Validate without throwing; used on read, where a bad record is reported instead of thrown. */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; value: z.output<S> } | { ok: false; problem: string; issue: RecordIssue } {
  const result = schema.safeParse(value, { error: errorMap });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problem: describeIssues(result.error).message, issue: recordIssue(result.error.issues) };
}

/** What the user reads when the browser refuses a write for lack of space; the write did not happen. */
// i18n-ignore-start: English for logs; STORAGE_FULL_TEXT is what the user reads
export const STORAGE_FULL_MESSAGE =
  "The browser's storage for Reply Radar is full, so nothing was saved. Empty the template trash or clear old response times on the dashboard, then try again.";
// i18n-ignore-end
/** The same sentence as a locale text; `STORAGE_FULL_MESSAGE` stays for logs. */
export const STORAGE_FULL_TEXT: UserText = { key: 'error_storage_full' };

/** IndexedDB's QuotaExceededError, or storage.local's "QUOTA_BYTES quota exceeded" (Chrome) / quota error (Firefox). */
export function isQuotaError(err: unknown): boolean {
  if (typeof DOMException !== 'undefined' && err instanceof DOMException && err.name === 'QuotaExceededError') {
    return true;
  }
  const name = (err as { name?: unknown } | null)?.name;
  const message = (err as { message?: unknown } | null)?.message;
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof RadarError) return err.toInfo();
  if (isQuotaError(err)) return { code: 'internal', message: STORAGE_FULL_MESSAGE, key: STORAGE_FULL_TEXT.key };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message || 'unexpected error' };
}

/** What the user reads for any error in the extension's pages and background: a full disk is named as such. */
export function userTextOf(err: unknown): UserText {
  return !(err instanceof RadarError) && isQuotaError(err) ? STORAGE_FULL_TEXT : errorUserText(err);
}
