// The one error shape storage and messaging refuse with. Free of zod so content scripts can throw and read it
// without the validation library (errors.ts adds the schemas and zod helpers for the background and pages).
export const ERROR_CODES = ['bad-request', 'forbidden', 'not-found', 'conflict', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  /** Plain sentence for the user, naming the place and the problem. */
  message: string;
  /** Where in the request or file the problem is, e.g. "templates[3].body". */
  path?: string | undefined;
  /** The sentence for the user as a locale message key (utils/i18n), when there is one; `message` stays for logs. */
  key?: string | undefined;
  params?: Record<string, TextParam> | undefined;
}

/** A placeholder's value: text, a number (written in the interface language), or another locale text. */
export type TextParam = string | number | UserText;

/**
 * A locale message key and its {placeholders}: how the user reads an error, in the interface language. A param may
 * itself be a locale text ("{place}: {problem}"), so a message can be put together from parts; utils/i18n renders it.
 */
export interface UserText {
  key: string;
  params?: Record<string, TextParam>;
}

export class RadarError extends Error {
  readonly code: ErrorCode;
  readonly path?: string;
  readonly text?: UserText;

  constructor(code: ErrorCode, message: string, path?: string, text?: UserText) {
    super(message);
    this.name = 'RadarError';
    this.code = code;
    if (path !== undefined) this.path = path;
    if (text !== undefined) this.text = text;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.path !== undefined) info.path = this.path;
    if (this.text) {
      info.key = this.text.key;
      if (this.text.params) info.params = this.text.params;
    }
    return info;
  }
}

/** The sentence for a full disk, as a locale text; the English `message` below stays for logs. */
export const STORAGE_FULL_TEXT: UserText = { key: 'error_storage_full' };
export const STORAGE_FULL_MESSAGE =
  "The browser's storage for Reply Radar is full, so nothing was saved. Empty the template trash or clear old response times on the dashboard, then try again.";

/** IndexedDB's QuotaExceededError, or storage.local's "QUOTA_BYTES quota exceeded" (Chrome) / quota error (Firefox). */
export function isQuotaError(err: unknown): boolean {
  if (typeof DOMException !== 'undefined' && err instanceof DOMException && err.name === 'QuotaExceededError') {
    return true;
  }
  const name = (err as { name?: unknown } | null)?.name;
  const message = (err as { message?: unknown } | null)?.message;
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

/** Any thrown value as the one error shape (no zod: content scripts use this too). */
export function errorInfoOf(err: unknown): ErrorInfo {
  if (err instanceof RadarError) return err.toInfo();
  if (isQuotaError(err)) return { code: 'internal', message: STORAGE_FULL_MESSAGE, key: STORAGE_FULL_TEXT.key };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message || 'unexpected error' };
}

/** What the user reads for an error: its locale text, or, for a failure without one, "Something went wrong (…)". */
export function errorUserText(err: unknown): UserText {
  const info = errorInfoOf(err);
  if (info.key) return info.params ? { key: info.key, params: info.params } : { key: info.key };
  return { key: 'error_unexpected', params: { detail: info.message } };
}
