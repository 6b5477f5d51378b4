// leadgate's own capture endpoint: the Aloware fields in JSON with a Bearer key, and an answer
// that tells the caller every decision the capture made and why. Errors are problem details.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { bearerToken, requireKey } from '../http/authenticate.js';
import { handleCaptureErrors, redactedPayload } from '../http/capture-errors.js';
import { problemBody } from '../http/problem-details.js';
import { alowareBodySchema, fieldErrorsFromSchema, toLeadInput, type AlowareBody } from '../aloware/aloware-request.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const LeadResult = Type.Object({
  contact_id: Type.Integer(),
  outcome: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('unchanged')]),
  changed_fields: Type.Array(Type.String()),
  owner: Type.Object({
    user_id: Nullable(Type.Integer()),
    reason: Type.String({ description: 'existing_owner, requested_user, ring_group, ring_group_fallback, no_available_member, empty_ring_group, unknown_ring_group, unknown_user or not_requested' }),
  }),
  power_dialer: Nullable(Type.Object({ user_id: Type.Integer(), position: Type.Integer({ description: '1 = dialed next' }) })),
  sequence: Nullable(Type.Object({ id: Type.Integer(), moved: Type.Boolean() })),
  tags: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  warnings: Type.Array(Type.String()),
});

export async function leadRoutes(app: FastifyInstance): Promise<void> {
  handleCaptureErrors(app, { dialect: 'leadgate', tokenOf: bearerToken, envelope: problemBody, schemaErrors: fieldErrorsFromSchema, problem: true });

  app.withTypeProvider<TypeBoxTypeProvider>().post('/v1/leads', {
    schema: {
      summary: 'Capture a lead and see every decision: owner, dialer queue, sequence, tags',
      description: 'Takes the fields of the Aloware Lead API (phone_number required). 201 for a new contact, 200 otherwise.',
      tags: ['Leads'],
      security: [{ bearer: [] }],
      body: alowareBodySchema,
      response: { 200: LeadResult, 201: LeadResult },
    },
    preValidation: requireKey(app, 'leads:write'),
  }, async (request, reply) => {
    const result = await request.server.services.capture.capture(
      request.auth!,
      toLeadInput((request.body ?? {}) as AlowareBody, {}),
      { dialect: 'leadgate', requestId: request.id, payload: redactedPayload(request), createdStatus: 201 },
    );
    return reply.code(result.outcome === 'created' ? 201 : 200).send({
      contact_id: result.contactId,
      outcome: result.outcome,
      changed_fields: result.changedFields,
      owner: { user_id: result.owner.userId, reason: result.owner.reason },
      power_dialer: result.powerDialer && { user_id: result.powerDialer.userId, position: result.powerDialer.position },
      sequence: result.sequence,
      tags: result.tags,
      warnings: result.warnings,
    });
  });
}
