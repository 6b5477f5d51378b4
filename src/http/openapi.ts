// OpenAPI at /openapi.json and a docs page at /docs, generated from the route schemas: each
// route's TypeBox schema is the one declaration that validates, serialises and documents it.
// Registered before any route, since @fastify/swagger collects routes as they are added.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

const description = [
  'Self-hosted lead intake. Errors of leadgate\'s own API (`/v1/...`) are RFC 9457 problem details',
  '(`application/problem+json`) with `code`, `title`, `request_id` and, for bad input,',
  '`errors: [{field, rule, detail}]`. Another account\'s object is a 404.',
  'Keys and their scopes: `leads:write` (capture), `contacts:read`, `contacts:write`, `admin` (everything).',
].join(' ');

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    // 3.1: the schemas use JSON Schema's `null` type and type arrays, which 3.0 lacks.
    openapi: {
      openapi: '3.1.0',
      info: { title: 'leadgate', version: '0.1.0', description },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <key>`' },
          alohubKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'The raw key, as Alohub sends it (`Bearer <key>` and `X-Api-Key` work too).' },
        },
      },
      tags: [
        { name: 'Aloware', description: 'The Aloware Lead API wire format (`api_token` in the body or query string).' },
        { name: 'Alohub', description: 'The Alohub CRM lead API wire format.' },
        { name: 'Leads', description: 'leadgate\'s own capture endpoint, which reports every decision it made.' },
        { name: 'Contacts', description: 'Contacts: read with `contacts:read`, edit with `contacts:write`.' },
        { name: 'Capture log', description: 'Every capture request and its answer, rejected ones included (`contacts:read`).' },
        { name: 'Users', description: 'Agents and their status (`admin`).' },
        { name: 'Ring groups', description: 'Ordered layers of agents that leads are distributed to (`admin`).' },
        { name: 'Power dialer', description: 'Each agent\'s dialing queue (`admin`).' },
        { name: 'Tags', description: '`admin`' },
        { name: 'Lines', description: '`admin`' },
        { name: 'Disposition statuses', description: '`admin`' },
        { name: 'Sequences', description: '`admin`' },
        { name: 'Health', description: 'Liveness and readiness probes; no key.' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
