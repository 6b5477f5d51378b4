// The preValidation hook of every protected route: resolve the key, then check the scope.
// It runs after the body is parsed (Aloware may send its token in the body) and before the
// schema, so an unauthenticated request is a 401 whatever its body says.
import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { grants, type Scope } from '../api-keys/scopes.js';
import { rateLimited } from './rate-limit.js';
import { idsAsDigits } from './id-params.js';

export type TokenSource = (request: FastifyRequest) => string | undefined;

export function authenticate(scope: Scope, tokenOf: TokenSource) {
  return async function authenticateHook(request: FastifyRequest): Promise<void> {
    request.auth = await request.server.services.apiKeys.authenticate(tokenOf(request));
    if (!grants(request.auth.scopes, scope)) throw new AppError('INSUFFICIENT_SCOPE');
  };
}

/** `Authorization: Bearer <key>` (leadgate's own API). */
export const bearerToken: TokenSource = (request) => {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return m?.[1];
};

/** The hooks of every protected route: the key is checked, its requests are counted, then its URL's ids. */
export function requireKey(app: FastifyInstance, scope: Scope, tokenOf: TokenSource = bearerToken): preValidationHookHandler[] {
  return [authenticate(scope, tokenOf), rateLimited(app), idsAsDigits];
}
