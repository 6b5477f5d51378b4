// What the capture endpoints of every dialect share when a request fails: the error becomes an
// AppError, the rejection is written to the capture log (with the token removed), and the
// dialect renders its own envelope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';
import type { Dialect } from '../capture/capture-lead.js';
import { toAppError } from './to-app-error.js';
import type { TokenSource } from './authenticate.js';
import type { AuthContext } from '../api-keys/api-key-service.js';

/** Refused while reading the body, which comes before the key is checked. */
const BODY_ERRORS = new Set(['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST']);

/** How much of a body that could not be parsed the capture log keeps. */
const UNPARSED_KEPT = 65_536;

/**
 * What the capture log keeps of a request: body and query, without `api_token`. A JSON body that
 * could not be parsed is kept as text (`unparsed_body`, its first 64 KiB), the token removed.
 */
export function redactedPayload(request: FastifyRequest): unknown {
  const { api_token: _q, ...query } = (request.query ?? {}) as Record<string, unknown>;
  const body = request.body;
  if (body === undefined && request.unparsedBody !== undefined) {
    const text = request.unparsedBody.slice(0, UNPARSED_KEPT).replace(/("api_token"\s*:\s*")[^"]*/gi, '$1[REDACTED]');
    return { query, body: null, unparsed_body: text };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { query, body: body ?? null };
  const { api_token: _b, ...rest } = body as Record<string, unknown>;
  return { query, body: rest };
}

export interface CaptureErrorOptions {
  dialect: Dialect;
  /** Where this dialect's key is; read again when the body failed before the key was checked. */
  tokenOf: TokenSource;
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
      const auth = request.auth ?? (BODY_ERRORS.has(error.code) ? await keyOfUnreadBody(request, options.tokenOf) : null);
      await request.server.services.capture.recordRejection({
        auth, dialect: options.dialect, requestId: request.id, status: error.status,
        error: JSON.stringify(body), payload: redactedPayload(request),
      }).catch((logErr: unknown) => request.log.error({ err: logErr }, 'could not record a rejected capture'));
    }
    if (options.problem) return reply.code(error.status).type('application/problem+json').send({ ...body, request_id: request.id });
    return reply.code(error.status).send(body);
  });
}

/**
 * The key of a request whose body could not be read, when the query or a header carries it: its
 * rejection then belongs to the key's account, which can read it in GET /v1/capture-log. A key
 * that does not authenticate leaves the row without an account, as any refused key does.
 */
async function keyOfUnreadBody(request: FastifyRequest, tokenOf: TokenSource): Promise<AuthContext | null> {
  const token = tokenOf(request);
  if (!token) return null;
  return request.server.services.apiKeys.authenticate(token).catch(() => null);
}
