// Per-key rate limits with @fastify/rate-limit, checked right after authentication so that the
// counter belongs to the key, not to an IP. A key's own limit (keys create --rate-limit) wins
// over the server default. With REDIS_URL the counters live in Redis and every node shares them.
import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';
import { parseRateLimit, type RateLimitSpec } from '../api-keys/rate-limit-spec.js';

export interface RateLimitOptions {
  defaultLimit: RateLimitSpec;
  redis?: Redis;
  /** Prefix of the Redis keys; several deployments may share one Redis. */
  nameSpace?: string;
}

export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const parsed = new Map<string, RateLimitSpec>();
  const limitOf = (request: FastifyRequest): RateLimitSpec => {
    const own = request.auth?.rateLimit;
    if (!own) return options.defaultLimit;
    let spec = parsed.get(own);
    if (!spec) parsed.set(own, (spec = parseRateLimit(own) ?? options.defaultLimit));
    return spec;
  };
  await app.register(rateLimit, {
    global: false,
    enableDraftSpec: true,
    ...(options.redis ? { redis: options.redis } : {}),
    nameSpace: options.nameSpace ?? 'leadgate-rate-',
    // A store outage must not cost leads: without the counter, requests go through.
    skipOnError: true,
    keyGenerator: (request) => (request.auth ? `key:${request.auth.keyId}` : `ip:${request.ip}`),
    max: async (request) => limitOf(request).max,
    timeWindow: async (request) => limitOf(request).windowMs,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
}

/** The hook a protected route adds after its authenticate hook. */
export function rateLimited(app: FastifyInstance): preValidationHookHandler {
  return app.rateLimit() as preValidationHookHandler;
}
