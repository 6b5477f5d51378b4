// RFC 9457 problem details: the error envelope of leadgate's own API (/v1/...).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorCodes, type AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';

const detailOf: Record<FieldError['rule'], string> = {
  required: 'is required', string: 'must be a string', email: 'must be a valid email address',
  date_format: 'must be a date as MM/DD/YYYY or YYYY-MM-DD', boolean: 'must be true or false',
  integer: 'must be a positive integer', timezone: 'must be an IANA time zone such as America/Los_Angeles',
  phone: 'is not a possible phone number', in: 'is not one of the allowed values', max: 'is too long',
  array: 'must be an array', object: 'must be an object', country: 'must be a two-letter country code',
  no_nul: 'must not contain NUL characters', unknown: 'is not a field of this endpoint',
};

export function fieldDetail(e: FieldError): string {
  if (e.rule === 'max' && e.params?.max) return `must be at most ${e.params.max} ${e.params.items ? 'items' : 'characters'}`;
  return detailOf[e.rule];
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(error.status).type('application/problem+json').send({ ...problemBody(error), request_id: request.id });
}

/** The problem document of an error, without the request id. */
export function problemBody(error: AppError): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: `urn:leadgate:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: errorCodes[error.code].title,
    status: error.status,
    ...(error.userMessage !== errorCodes[error.code].title ? { detail: error.userMessage } : {}),
    code: error.code,
  };
  if (error.fieldErrors.length) {
    body.errors = error.fieldErrors.map((e) => ({ field: e.field, rule: e.rule, detail: `${e.field} ${fieldDetail(e)}` }));
  }
  return body;
}
