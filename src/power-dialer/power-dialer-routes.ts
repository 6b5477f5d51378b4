// GET /v1/users/:id/power-dialer and DELETE /v1/users/:id/power-dialer/:contact_id. Admin scope.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id, IdParams } from '../http/id-params.js';
import { adminOnly, bearerSecurity } from '../management/admin-access.js';
import { ContactSchema } from '../contacts/contact-view.js';
import { MAX_QUEUE_PAGE } from './power-dialer-service.js';

const QueueItemSchema = Type.Object({
  position: Type.Integer({ minimum: 1, description: '1-based place in dialing order.' }),
  contact: ContactSchema,
  added_at: Type.String(),
});

export async function powerDialerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const common = { tags: ['Power dialer'], security: bearerSecurity };
  const preValidation = adminOnly(app);

  r.get('/v1/users/:id/power-dialer', {
    schema: {
      ...common, summary: 'A user\'s power-dialer queue, in dialing order',
      params: IdParams,
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_QUEUE_PAGE, default: 100 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Items to skip; `position` counts from the head of the queue.' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(QueueItemSchema) }) },
    },
    preValidation,
  }, async (request) => ({ data: await request.server.services.powerDialer.list(request.auth!.accountId, request.params.id, request.query) }));

  r.delete('/v1/users/:id/power-dialer/:contact_id', {
    schema: {
      ...common, summary: 'Take a contact out of a user\'s power-dialer queue',
      params: Type.Object({ id: Id(), contact_id: Id() }),
      response: { 204: Type.Null({ description: 'Deleted.' }) },
    },
    preValidation,
  }, async (request, reply) => {
    await request.server.services.powerDialer.remove(request.auth!.accountId, request.params.id, request.params.contact_id);
    return reply.code(204).send(null);
  });
}
