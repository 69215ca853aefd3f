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
}

export class RadarError extends Error {
  readonly code: ErrorCode;
  readonly path?: string;

  constructor(code: ErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'RadarError';
    this.code = code;
    if (path !== undefined) this.path = path;
  }

  toInfo(): ErrorInfo {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }
}
