// One error type for the whole service. A code says what went wrong; each wire dialect renders
// it in its own envelope (Laravel JSON, Alohub's envelope, RFC 9457 problem details). The
// internal `message` never reaches a client for a 5xx.
import type { FieldError } from './field-error.js';

export const errorCodes = {
  VALIDATION_FAILED: { status: 400, title: 'The given data was invalid.' },
  INVALID_JSON: { status: 400, title: 'The request body is not valid JSON.' },
  BAD_REQUEST: { status: 400, title: 'The request is malformed.' },
  UNAUTHENTICATED: { status: 401, title: 'A valid API key is required.' },
  INSUFFICIENT_SCOPE: { status: 403, title: 'The API key lacks the scope this action needs.' },
  NOT_FOUND: { status: 404, title: 'Not found.' },
  CONFLICT: { status: 409, title: 'The request conflicts with the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is larger than 1 MiB.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type: send application/json or application/x-www-form-urlencoded.' },
  RATE_LIMITED: { status: 429, title: 'Too many requests.' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side.' },
  DATABASE_UNAVAILABLE: { status: 503, title: 'The database is unavailable; try again shortly.' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    /** Safe to show a client. */
    readonly userMessage: string = errorCodes[code].title,
    readonly fieldErrors: FieldError[] = [],
    options?: { cause?: unknown; internal?: string },
  ) {
    super(options?.internal ?? userMessage, options?.cause ? { cause: options.cause } : undefined);
    this.status = errorCodes[code].status;
  }

  static validation(fieldErrors: FieldError[]): AppError {
    return new AppError('VALIDATION_FAILED', errorCodes.VALIDATION_FAILED.title, fieldErrors);
  }
}
