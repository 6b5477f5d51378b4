// GET /v1/capture-log: the account's capture requests, newest first, with contacts:read (the log
// holds what leads said, as contacts do). Errors as problem details.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireKey } from '../http/authenticate.js';
import { CaptureLogEntrySchema, captureOutcomes } from './capture-log-view.js';
import { MAX_LOG_PAGE } from './capture-log-service.js';

export async function captureLogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/v1/capture-log', {
    schema: {
      summary: 'What every capture request sent and was answered, accepted or rejected (newest first)',
      description: 'A rejected lead is kept here with what it sent (the API token removed) and the error its client got, so it can be fixed and sent again.',
      tags: ['Capture log'],
      security: [{ bearer: [] }],
      querystring: Type.Object({
        outcome: Type.Optional(Type.Enum([...captureOutcomes])),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LOG_PAGE, default: 25 })),
        cursor: Type.Optional(Type.String({ maxLength: 64, description: 'next_cursor of the previous page.' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(CaptureLogEntrySchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) },
    },
    preValidation: requireKey(app, 'contacts:read'),
  }, async (request) => request.server.services.captureLog.list(request.auth!.accountId, request.query));
}
