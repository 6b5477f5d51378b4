// Ring groups: POST/GET /v1/ring-groups, GET/PATCH/DELETE /v1/ring-groups/:id. Admin scope.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../http/id-params.js';
import { adminOnly, bearerSecurity } from '../management/admin-access.js';
import { CreateRingGroupBody, RingGroupSchema, UpdateRingGroupBody } from './ring-group-view.js';

export async function ringGroupRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const common = { tags: ['Ring groups'], security: bearerSecurity };
  const preValidation = adminOnly(app);

  r.post('/v1/ring-groups', {
    schema: { ...common, summary: 'Create a ring group', body: CreateRingGroupBody, response: { 201: RingGroupSchema } },
    preValidation,
  }, async (request, reply) => reply.code(201).send(await request.server.services.ringGroups.create(request.auth!.accountId, request.body)));

  r.get('/v1/ring-groups', {
    schema: { ...common, summary: 'List the ring groups of the account', response: { 200: Type.Object({ data: Type.Array(RingGroupSchema) }) } },
    preValidation,
  }, async (request) => ({ data: await request.server.services.ringGroups.list(request.auth!.accountId) }));

  r.get('/v1/ring-groups/:id', {
    schema: { ...common, summary: 'Get a ring group', params: IdParams, response: { 200: RingGroupSchema } },
    preValidation,
  }, async (request) => request.server.services.ringGroups.get(request.auth!.accountId, request.params.id));

  r.patch('/v1/ring-groups/:id', {
    schema: { ...common, summary: 'Rename a ring group or replace its layers', params: IdParams, body: UpdateRingGroupBody, response: { 200: RingGroupSchema } },
    preValidation,
  }, async (request) => request.server.services.ringGroups.update(request.auth!.accountId, request.params.id, request.body));

  r.delete('/v1/ring-groups/:id', {
    schema: { ...common, summary: 'Delete a ring group', params: IdParams, response: { 204: Type.Null({ description: 'Deleted.' }) } },
    preValidation,
  }, async (request, reply) => {
    await request.server.services.ringGroups.remove(request.auth!.accountId, request.params.id);
    return reply.code(204).send(null);
  });
}
