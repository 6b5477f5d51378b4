// What the capture endpoints of every dialect share when a request fails: the error becomes an
// AppError, the rejection is written to the capture log (with the token removed), and the
// dialect renders its own envelope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';
import type { Dialect } from '../capture/capture-lead.js';
import { toAppError } from './to-app-error.js';

/** What the capture log keeps of a request: body and query, without `api_token`. */
export function redactedPayload(request: FastifyRequest): unknown {
  const { api_token: _q, ...query } = (request.query ?? {}) as Record<string, unknown>;
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { query, body: body ?? null };
  const { api_token: _b, ...rest } = body as Record<string, unknown>;
  return { query, body: rest };
}

export interface CaptureErrorOptions {
  dialect: Dialect;
  envelope: (error: AppError) => Record<string, unknown>;
  /** How this dialect's schema errors read as field errors. */
  schemaErrors?: (validation: any[]) => FieldError[];
  /** RFC 9457: content type application/problem+json and the request id in the body. */
  problem?: boolean;
}

export function handleCaptureErrors(app: FastifyInstance, options: CaptureErrorOptions): void {
  app.setErrorHandler(async (err, request, reply) => {
    const error = toAppError(err, options.schemaErrors);
    if (error.status >= 500) request.log.error({ err }, 'capture failed');
    const body = options.envelope(error);
    // With the database gone there is nowhere to log to; the 503 says so to the client.
    if (error.code !== 'DATABASE_UNAVAILABLE') {
      await request.server.services.capture.recordRejection({
        auth: request.auth ?? null, dialect: options.dialect, requestId: request.id, status: error.status,
        error: JSON.stringify(body), payload: redactedPayload(request),
      }).catch((logErr: unknown) => request.log.error({ err: logErr }, 'could not record a rejected capture'));
    }
    if (options.problem) return reply.code(error.status).type('application/problem+json').send({ ...body, request_id: request.id });
    return reply.code(error.status).send(body);
  });
}
