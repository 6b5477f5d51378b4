// Whatever was thrown, as an AppError: errors from Fastify's own machinery (body parsing, size,
// content type, rate limit), a lost database, or a bug. Only AppErrors carry client-safe text.
import { AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';
import { NO_NUL_PATTERN } from './input-text.js';

const DB_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '53300']);

export function toAppError(err: unknown, fieldErrors?: (validation: any[]) => FieldError[]): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; statusCode?: number; validation?: unknown[]; message?: string };
  if (e?.validation) return AppError.validation(fieldErrors ? fieldErrors(e.validation) : genericFieldErrors(e.validation as never));
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  // PostgreSQL refuses text with a NUL character (22021) or that its encoding cannot hold (22P05).
  if (e?.code === '22021' || e?.code === '22P05') return new AppError('BAD_REQUEST', 'Text may not contain NUL characters.', [], { cause: err });
  if (isDatabaseUnavailable(e)) return new AppError('DATABASE_UNAVAILABLE', undefined, [], { cause: err });
  if (e?.statusCode === 429) return new AppError('RATE_LIMITED');
  // Another client error from Fastify's machinery (a bad URL, a bad content length): no internals.
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('BAD_REQUEST', undefined, [], { cause: err });
  return new AppError('INTERNAL', undefined, [], { cause: err, internal: e?.message });
}

// node-postgres reports a dropped or unreachable server by message, not by code.
const DB_DOWN_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|connect ECONNREFUSED/i;

function isDatabaseUnavailable(e: { code?: string; message?: string } | undefined): boolean {
  if (!e) return false;
  if (e.code && (DB_DOWN.has(e.code) || /^SQLITE_(FULL|IOERR|CANTOPEN|BUSY)/.test(e.code))) return true;
  return typeof e.message === 'string' && DB_DOWN_MESSAGE.test(e.message);
}

interface SchemaError { keyword: string; instancePath: string; params: Record<string, unknown> }

/** Ajv errors of leadgate's own routes, one per field. */
export function genericFieldErrors(errors: SchemaError[]): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const e of errors) {
    const path = e.instancePath.split('/').slice(1);
    if (e.keyword === 'required') path.push(String(e.params.missingProperty));
    if (e.keyword === 'additionalProperties') path.push(String(e.params.additionalProperty));
    const field = path.join('.') || 'body';
    if (out.has(field)) continue;
    const rule = e.keyword === 'required' ? 'required'
      : e.keyword === 'maxLength' ? 'max'
      : e.keyword === 'additionalProperties' ? 'unknown'
      : e.keyword === 'pattern' && e.params.pattern === NO_NUL_PATTERN ? 'no_nul'
      : e.keyword === 'enum' || e.keyword === 'anyOf' || e.keyword === 'const' ? 'in'
      : e.keyword === 'type' ? typeRule(String(e.params.type))
      : 'in';
    out.set(field, { field, rule, ...(e.keyword === 'maxLength' ? { params: { max: Number(e.params.limit) } } : {}) });
  }
  return [...out.values()];
}

function typeRule(type: string): FieldError['rule'] {
  // A field that takes text (alone or beside a number) is described as text.
  if (type.includes('string')) return 'string';
  if (type.includes('integer') || type.includes('number')) return 'integer';
  if (type.includes('boolean')) return 'boolean';
  if (type.includes('array')) return 'array';
  if (type.includes('object')) return 'object';
  return 'string';
}
