// The management API (admin scope): users, ring groups, tags, lines, disposition statuses,
// sequences and power-dialer queues. Registered by app.ts.
import type { FastifyInstance } from 'fastify';

export async function managementRoutes(_app: FastifyInstance): Promise<void> {}
