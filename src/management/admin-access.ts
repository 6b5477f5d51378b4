// What every management route shares: a Bearer key with the admin scope, counted per key.
import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import { authenticate, bearerToken } from '../http/authenticate.js';
import { rateLimited } from '../http/rate-limit.js';

export function adminOnly(app: FastifyInstance): preValidationHookHandler[] {
  return [authenticate('admin', bearerToken), rateLimited(app)];
}

export const bearerSecurity = [{ bearer: [] }];
