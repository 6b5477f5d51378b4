// /healthz: the process is up. /readyz: the database answers and migrations are current; a load
// balancer sends traffic only to ready nodes. Neither needs a key.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const Readiness = Type.Object({
  ready: Type.Boolean(),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  migrations: Type.Union([Type.Literal('current'), Type.Literal('pending'), Type.Literal('unknown')]),
});

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/healthz', {
    schema: { summary: 'Liveness: the process is up', tags: ['Health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));
  r.get('/readyz', {
    schema: { summary: 'Readiness: the database answers and the schema is current', tags: ['Health'], response: { 200: Readiness, 503: Readiness } },
  }, async (request, reply) => {
    const readiness = await request.server.services.health.readiness();
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });
}
