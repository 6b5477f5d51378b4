// Alohub's error envelope: {"success":"0","error_code":...,"error_message":...}.
import type { AppError, ErrorCode } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';
import { fieldDetail } from '../http/problem-details.js';

const codes: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'VALIDATION_ERROR',
  INVALID_JSON: 'VALIDATION_ERROR',
  BAD_REQUEST: 'VALIDATION_ERROR',
  PAYLOAD_TOO_LARGE: 'VALIDATION_ERROR',
  UNSUPPORTED_MEDIA_TYPE: 'VALIDATION_ERROR',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  INSUFFICIENT_SCOPE: 'INSUFFICIENT_SCOPE',
  RATE_LIMITED: 'RATE_LIMIT_EXCEEDED',
  DATABASE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

const messages: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'A valid API key is required in the Authorization header.',
  INSUFFICIENT_SCOPE: 'This API key does not have the leads:write scope.',
  RATE_LIMITED: 'Too many requests for this API key; retry after the Retry-After seconds.',
  INTERNAL: 'FAIL',
};

// The capture service names the number phone_number (its Aloware name); here it is `phone`.
const wireName = (e: FieldError) => (e.field === 'phone_number' ? 'phone' : e.field);

function sentence(e: FieldError): string {
  if (e.rule === 'phone') return `${wireName(e)} is not a valid Vietnamese phone number.`;
  return `${wireName(e)} ${fieldDetail(e)}.`;
}

export function alohubEnvelope(error: AppError): Record<string, unknown> {
  if (error.code === 'VALIDATION_FAILED') {
    const invalidPhone = error.fieldErrors.some((e) => wireName(e) === 'phone' && e.rule === 'phone');
    return { success: '0', error_code: invalidPhone ? 'INVALID_PHONE' : 'VALIDATION_ERROR', error_message: error.fieldErrors.map(sentence).join(' ') };
  }
  return { success: '0', error_code: codes[error.code] ?? 'FAIL', error_message: messages[error.code] ?? error.userMessage };
}
