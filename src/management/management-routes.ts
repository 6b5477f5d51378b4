// The management API (admin scope): users, ring groups, tags, lines, disposition statuses,
// sequences and power-dialer queues. Registered by app.ts.
import type { FastifyInstance } from 'fastify';
import { userRoutes } from '../users/user-routes.js';
import { ringGroupRoutes } from '../ring-groups/ring-group-routes.js';
import { namedObjectKinds } from '../named-objects/named-object-kinds.js';
import { namedObjectRoutes } from '../named-objects/named-object-routes.js';
import { powerDialerRoutes } from '../power-dialer/power-dialer-routes.js';

export async function managementRoutes(app: FastifyInstance): Promise<void> {
  await app.register(userRoutes);
  await app.register(ringGroupRoutes);
  for (const kind of Object.values(namedObjectKinds)) await app.register(namedObjectRoutes(kind));
  await app.register(powerDialerRoutes);
}
