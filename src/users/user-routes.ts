// Users (agents): POST/GET /v1/users, GET/PATCH/DELETE /v1/users/:id. Admin scope.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../http/id-params.js';
import { adminOnly, bearerSecurity } from '../management/admin-access.js';
import { CreateUserBody, toUserJson, UpdateUserBody, UserSchema } from './user-view.js';

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const common = { tags: ['Users'], security: bearerSecurity };
  const preValidation = adminOnly(app);

  r.post('/v1/users', {
    schema: { ...common, summary: 'Create a user (agent)', body: CreateUserBody, response: { 201: UserSchema } },
    preValidation,
  }, async (request, reply) => {
    const user = await request.server.services.users.create({ accountId: request.auth!.accountId, ...request.body });
    return reply.code(201).send(toUserJson(user));
  });

  r.get('/v1/users', {
    schema: { ...common, summary: 'List the users of the account', response: { 200: Type.Object({ data: Type.Array(UserSchema) }) } },
    preValidation,
  }, async (request) => ({ data: (await request.server.services.users.list(request.auth!.accountId)).map(toUserJson) }));

  r.get('/v1/users/:id', {
    schema: { ...common, summary: 'Get a user', params: IdParams, response: { 200: UserSchema } },
    preValidation,
  }, async (request) => toUserJson(await request.server.services.users.get(request.auth!.accountId, request.params.id)));

  r.patch('/v1/users/:id', {
    schema: { ...common, summary: 'Change a user\'s name, email or status', params: IdParams, body: UpdateUserBody, response: { 200: UserSchema } },
    preValidation,
  }, async (request) => toUserJson(await request.server.services.users.update(request.auth!.accountId, request.params.id, request.body)));

  r.delete('/v1/users/:id', {
    schema: {
      ...common, summary: 'Delete a user',
      description: 'Their contacts keep no owner; they leave every ring group and their power-dialer queue is dropped.',
      params: IdParams, response: { 204: Type.Null({ description: 'Deleted.' }) },
    },
    preValidation,
  }, async (request, reply) => {
    await request.server.services.users.remove(request.auth!.accountId, request.params.id);
    return reply.code(204).send(null);
  });
}
