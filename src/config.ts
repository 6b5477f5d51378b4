// The only module that reads process.env. Everything else receives a Config.
import path from 'node:path';
import { parseRateLimit, type RateLimitSpec } from './api-keys/rate-limit-spec.js';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize: number; schema?: string };

export interface Config {
  host: string;
  port: number;
  database: DatabaseConfig;
  defaultCountry: string;
  logLevel: string;
  /** Per-key limit for keys without their own (LEADGATE_RATE_LIMIT, e.g. 600/10s). */
  rateLimit: RateLimitSpec;
  /** Shared rate-limit store when several nodes serve one account. */
  redisUrl: string | undefined;
  /** Base URL shown in the first-start curl example; by default http://localhost:<port>. */
  publicUrl: string | undefined;
}

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string | undefined, poolSize = 10): DatabaseConfig {
  if (!url) return { kind: 'sqlite', file: path.resolve('data', 'leadgate.db') };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url, poolSize };
  if (url.startsWith('sqlite:')) {
    // sqlite:/abs/path, sqlite:relative/path and sqlite:///abs/path all name a file.
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL: "sqlite:" needs a file path, e.g. sqlite:./data/leadgate.db');
    return { kind: 'sqlite', file: path.resolve(file) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new ConfigError(`DATABASE_URL: unsupported scheme in "${url.split(':')[0]}:"; use a file path, sqlite:PATH or postgres://...`);
  }
  return { kind: 'sqlite', file: path.resolve(url) };
}

function intFrom(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

export function countryFrom(name: string, value: string | undefined, fallback: string): string {
  const c = (value ?? fallback).trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw new ConfigError(`${name} must be a two-letter country code such as US or VN, got "${value}"`);
  return c;
}

export const DEFAULT_RATE_LIMIT = '600/10s';

function rateLimitFrom(value: string | undefined): RateLimitSpec {
  const spec = parseRateLimit(value || DEFAULT_RATE_LIMIT);
  if (!spec) throw new ConfigError(`LEADGATE_RATE_LIMIT must look like 600/10s (max/window, window in ms, s, m or h), got "${value}"`);
  return spec;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom('PORT', env.PORT, 3000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const poolSize = intFrom('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10, 1, 1000);
  return {
    host,
    port,
    database: parseDatabaseUrl(env.DATABASE_URL, poolSize),
    defaultCountry: countryFrom('LEADGATE_DEFAULT_COUNTRY', env.LEADGATE_DEFAULT_COUNTRY, 'US'),
    logLevel: env.LOG_LEVEL || 'info',
    rateLimit: rateLimitFrom(env.LEADGATE_RATE_LIMIT),
    redisUrl: env.REDIS_URL || undefined,
    publicUrl: env.LEADGATE_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
  };
}
