// Two Ajv instances: one for bodies, which does not coerce types, and one for the URL (path
// parameters and query strings are text, so "25" must become 25 there). A body that says
// `"user_id": true` means something is wrong; coercion would quietly make it user 1.
// Where a schema closes its object (leadgate's own API), an unknown field is a 400 naming it,
// not silently dropped: `?phon=...` must not answer every contact, nor `{"stauts": ...}` a 200
// that changed nothing. The vendor dialects leave their objects open: forms send extra fields.
import { Ajv, type Options } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const common: Options = { useDefaults: true, removeAdditional: false, allErrors: true, allowUnionTypes: true, strict: false };

export function installValidators(app: FastifyInstance): void {
  const body = new Ajv({ ...common, coerceTypes: false });
  const url = new Ajv({ ...common, coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : url).compile(schema));
}

/**
 * leadgate's own API (not its capture endpoint, /v1/leads) takes only the query parameters a
 * route declares: a route that declares none gets an empty, closed query schema, so
 * `GET /v1/users?stauts=available` is a 400 rather than every user. Call before routes register.
 */
export function closeQueryStrings(app: FastifyInstance): void {
  const none = Type.Object({}, { additionalProperties: false });
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/v1/') || route.url === '/v1/leads') return;
    route.schema ??= {};
    route.schema.querystring ??= none;
  });
}
