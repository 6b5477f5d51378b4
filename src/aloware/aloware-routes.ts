// The Aloware Lead API dialect: a thin adapter over the capture service. It reads the wire
// format, calls capture, and answers in Laravel's envelope; no business rule lives here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireKey } from '../http/authenticate.js';
import { handleCaptureErrors, redactedPayload } from '../http/capture-errors.js';
import type { AppError, ErrorCode } from '../errors/app-error.js';
import { alowareBodySchema, alowareQuerySchema, fieldErrorsFromSchema, toLeadInput, type AlowareBody } from './aloware-request.js';
import { laravelErrors } from './laravel-messages.js';

const messages: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The given data was invalid.',
  INVALID_JSON: 'The given data was invalid.',
  BAD_REQUEST: 'The given data was invalid.',
  UNAUTHENTICATED: 'Unauthenticated.',
  INSUFFICIENT_SCOPE: 'This action is unauthorized.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than 1 MiB.',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported Media Type: send application/json or application/x-www-form-urlencoded.',
  RATE_LIMITED: 'Too Many Attempts.',
  DATABASE_UNAVAILABLE: 'Service Unavailable.',
  INTERNAL: 'Server Error.',
};

type Query = { api_token?: string; phone_number?: string };

/** The token may come in the body or the query string; Aloware's own n8n node sends both. */
function tokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as { api_token?: unknown } | undefined;
  const fromBody = body && typeof body === 'object' && typeof body.api_token === 'string' ? body.api_token : undefined;
  // A repeated query parameter arrives as an array: that is no token.
  const fromQuery = (request.query as Record<string, unknown>).api_token;
  return fromBody || (typeof fromQuery === 'string' ? fromQuery : undefined) || undefined;
}

function envelope(error: AppError): Record<string, unknown> {
  const message = messages[error.code] ?? error.userMessage;
  if (error.code === 'VALIDATION_FAILED') return { message, errors: laravelErrors(error.fieldErrors) };
  if (error.code === 'INVALID_JSON') return { message, errors: { body: ['The body must be valid JSON.'] } };
  if (error.code === 'BAD_REQUEST') return { message, errors: { body: [error.userMessage] } };
  return { message };
}

export async function alowareRoutes(app: FastifyInstance): Promise<void> {
  handleCaptureErrors(app, { dialect: 'aloware', tokenOf, envelope, schemaErrors: fieldErrorsFromSchema });

  app.withTypeProvider<TypeBoxTypeProvider>().post('/api/v1/webhook/forms', {
    schema: {
      summary: 'Create or update a contact (Aloware Lead API)',
      tags: ['Aloware'],
      body: alowareBodySchema,
      querystring: alowareQuerySchema,
      response: {
        201: Type.Object({ message: Type.Literal('Contact created.'), contact_id: Type.Integer(), warnings: Type.Optional(Type.Array(Type.String())) }),
        200: Type.Object({ message: Type.Literal('Contact updated.'), contact_id: Type.Integer(), warnings: Type.Optional(Type.Array(Type.String())) }),
      },
    },
    // The vendor page names api_token and phone_number query parameters: a POST with only a
    // query string (no body at all) is a lead too.
    preValidation: [async (request) => { request.body ??= {}; }, ...requireKey(app, 'leads:write', tokenOf)],
  }, async (request, reply) => {
    const result = await request.server.services.capture.capture(
      request.auth!,
      toLeadInput((request.body ?? {}) as AlowareBody, request.query as Query),
      { dialect: 'aloware', requestId: request.id, payload: redactedPayload(request), createdStatus: 201 },
    );
    const created = result.outcome === 'created';
    return reply.code(created ? 201 : 200).send({
      message: created ? 'Contact created.' : 'Contact updated.',
      contact_id: result.contactId,
      ...(result.warnings.length ? { warnings: result.warnings } : {}),
    });
  });
}
