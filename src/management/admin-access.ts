// What every management route shares: a Bearer key with the admin scope, counted per key.
import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import { requireKey } from '../http/authenticate.js';

export function adminOnly(app: FastifyInstance): preValidationHookHandler[] {
  return requireKey(app, 'admin');
}

export const bearerSecurity = [{ bearer: [] }];
