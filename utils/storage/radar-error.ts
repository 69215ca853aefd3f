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

/** What the user reads for an error: its locale text, or, for a failure without one, "Something went wrong (…)". */
export function errorUserText(err: unknown): UserText {
  if (err instanceof RadarError && err.text) return err.text;
  return { key: 'error_unexpected', params: { detail: (err instanceof Error ? err.message : String(err)) || '?' } };
}
