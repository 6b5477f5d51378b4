// The `:id` of a route. Ids past the database's integer range are not found (errors/not-found.ts).
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors/app-error.js';

export const Id = (description?: string) => Type.Integer({ minimum: 1, ...(description ? { description } : {}) });

export const IdParams = Type.Object({ id: Id() });

/** An id as a URL writes it: digits, no leading zero. */
const ID_TEXT = /^[1-9][0-9]*$/;

/**
 * The URL's validator coerces text to numbers, and to JavaScript '1e3', '0x10' and '+5' are
 * numbers: /v1/contacts/1e3 would read contact 1000. Every `id` or `*_id` path parameter must be
 * written as an id, or the request is a 400 naming it. It runs after the key is checked
 * (requireKey), so a request without a good key is a 401 whatever its URL.
 */
export function idsAsDigits(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const params = request.params as Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(params ?? {})) {
    if ((name === 'id' || name.endsWith('_id')) && typeof value === 'string' && !ID_TEXT.test(value)) {
      done(AppError.validation([{ field: name, rule: 'integer' }]));
      return;
    }
  }
  done();
}
