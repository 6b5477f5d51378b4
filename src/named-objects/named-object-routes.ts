// POST/GET /v1/<slug> and GET/PATCH/DELETE /v1/<slug>/:id for one kind of named object
// (tags, lines, disposition statuses, sequences). Admin scope.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../http/id-params.js';
import { adminOnly, bearerSecurity } from '../management/admin-access.js';
import type { NamedObjectKind } from './named-object-kinds.js';
import type { NamedObjectInput } from './named-object-service.js';
import { namedObjectSchemas, toNamedJson } from './named-object-view.js';

export function namedObjectRoutes(kind: NamedObjectKind) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const schemas = namedObjectSchemas(kind);
    const common = { tags: [kind.title], security: bearerSecurity };
    const preValidation = adminOnly(app);
    const path = `/v1/${kind.slug}`;
    const service = () => app.services.namedObjects[kind.table];
    const json = (row: Parameters<typeof toNamedJson>[1]) => toNamedJson(kind, row);
    // The schemas are built per kind at run time, so their static type is a plain object; the
    // schema has checked the body, and this is what it checked it against.
    const input = (body: unknown) => body as NamedObjectInput;

    r.post(path, {
      schema: {
        ...common, summary: `Create a ${kind.noun}`, body: schemas.create,
        response: { 201: schemas.object },
        ...(kind.uniqueName ? { description: `409 when the account already has a ${kind.noun} of that name (ignoring case).` } : {}),
      },
      preValidation,
    }, async (request, reply) => {
      const row = await service().create(request.auth!.accountId, input(request.body) as NamedObjectInput & { name: string });
      return reply.code(201).send(json(row));
    });

    r.get(path, {
      schema: { ...common, summary: `List the ${kind.nouns} of the account`, response: { 200: Type.Object({ data: Type.Array(schemas.object) }) } },
      preValidation,
    }, async (request) => ({ data: (await service().list(request.auth!.accountId)).map(json) }));

    r.get(`${path}/:id`, {
      schema: { ...common, summary: `Get a ${kind.noun}`, params: IdParams, response: { 200: schemas.object } },
      preValidation,
    }, async (request) => json(await service().get(request.auth!.accountId, request.params.id)));

    r.patch(`${path}/:id`, {
      schema: { ...common, summary: `Change a ${kind.noun}`, params: IdParams, body: schemas.update, response: { 200: schemas.object } },
      preValidation,
    }, async (request) => json(await service().update(request.auth!.accountId, request.params.id, input(request.body))));

    r.delete(`${path}/:id`, {
      schema: { ...common, summary: `Delete a ${kind.noun}`, params: IdParams, response: { 204: Type.Null({ description: 'Deleted.' }) } },
      preValidation,
    }, async (request, reply) => {
      await service().remove(request.auth!.accountId, request.params.id);
      return reply.code(204).send(null);
    });
  };
}
