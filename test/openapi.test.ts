// /openapi.json documents every route from its schema, and /docs serves the docs page; neither
// needs a key.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness } from './support/harness.js';

const managementRoutes = [
  ...['users', 'ring-groups', 'tags', 'lines', 'disposition-statuses', 'sequences'].flatMap((p) => [
    `post /v1/${p}`, `get /v1/${p}`, `get /v1/${p}/{id}`, `patch /v1/${p}/{id}`, `delete /v1/${p}/{id}`,
  ]),
  'get /v1/users/{id}/power-dialer', 'delete /v1/users/{id}/power-dialer/{contact_id}',
  'patch /v1/contacts/{id}', 'get /v1/contacts/{id}', 'get /v1/contacts',
];

describe('OpenAPI and /docs', () => {
  let h: Harness;
  let spec: any;
  before(async () => {
    h = await Harness.start('sqlite');
    const res = await h.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    spec = res.json();
  });
  after(() => h.close());

  it('is OpenAPI 3.1 with the bearer and alohubKey security schemes', () => {
    assert.equal(spec.openapi, '3.1.0');
    assert.deepEqual(spec.components.securitySchemes.bearer, { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <key>`' });
    assert.deepEqual({ ...spec.components.securitySchemes.alohubKey, description: undefined }, { type: 'apiKey', in: 'header', name: 'Authorization', description: undefined });
  });

  it('lists every management route with a summary, a tag and bearer security', () => {
    for (const route of managementRoutes) {
      const [method, path] = route.split(' ') as [string, string];
      const op = spec.paths[path]?.[method];
      assert.ok(op, `${route} is documented`);
      assert.ok(op.summary, `${route} has a summary`);
      assert.equal(op.tags.length, 1, `${route} has a tag`);
      assert.ok(spec.tags.some((t: { name: string }) => t.name === op.tags[0]), `${route}'s tag ${op.tags[0]} is declared`);
      assert.deepEqual(op.security, [{ bearer: [] }], route);
    }
    for (const [path, ops] of Object.entries<Record<string, { summary?: string }>>(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) assert.ok(op.summary, `${method} ${path} has a summary`);
    }
    assert.ok(!Object.keys(spec.paths).some((p) => p.startsWith('/docs') || p === '/openapi.json'), 'the docs do not document themselves');
  });

  it('carries the route schemas: bodies, enums and responses', () => {
    const createUser = spec.paths['/v1/users'].post;
    const body = createUser.requestBody.content['application/json'].schema;
    assert.deepEqual(body.required, ['name']);
    assert.deepEqual(body.properties.status.enum, ['offline', 'available', 'busy', 'on_break', 'on_call', 'wrap_up', 'ringing']);
    assert.deepEqual(Object.keys(createUser.responses['201'].content['application/json'].schema.properties), ['id', 'name', 'email', 'status', 'created_at', 'updated_at']);
    const layer = spec.paths['/v1/ring-groups'].post.requestBody.content['application/json'].schema.properties.layers.items;
    assert.deepEqual(layer.properties.strategy.enum, ['round_robin', 'random']);
    const line = spec.paths['/v1/lines/{id}'].get.responses['200'].content['application/json'].schema;
    assert.ok(line.properties.phone_number, 'a line shows its number');
    assert.ok(!spec.paths['/v1/tags/{id}'].get.responses['200'].content['application/json'].schema.properties.phone_number, 'a tag has none');
    const contact = spec.paths['/v1/contacts/{id}'].get.responses['200'].content['application/json'].schema;
    for (const field of ['line_id', 'disposition_status_id', 'tags', 'sequence', 'user_id']) assert.ok(contact.properties[field], field);
  });

  it('/docs answers 200 with the docs page, without a key', async () => {
    const res = await h.inject({ method: 'GET', url: '/docs' });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /swagger-ui/i);
    const json = await h.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(json.statusCode, 200);
    assert.deepEqual(Object.keys(json.json().paths), Object.keys(spec.paths));
  });
});
