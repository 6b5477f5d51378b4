import type { Kysely } from 'kysely';
import type { DB, ApiKeyRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findAccount } from '../accounts/account-repository.js';
import { findUser } from '../users/user-repository.js';
import { newToken, hashToken } from './api-token.js';
import { defaultScopes, isScope, type Scope } from './scopes.js';
import { parseRateLimit } from './rate-limit-spec.js';
import { findApiKey, findKeyByHash, insertApiKey, listApiKeys, updateApiKey } from './api-key-repository.js';

export const keyValidities = { '30d': 30, '90d': 90, '1y': 365, never: null } as const;
export type KeyValidity = keyof typeof keyValidities;

export interface CreateKeyOptions {
  accountId: number;
  userId?: number;
  name?: string;
  scopes?: readonly string[];
  expires?: KeyValidity;
  rateLimit?: string;
}

/** Who is calling, as every protected route sees it. */
export interface AuthContext {
  keyId: number;
  accountId: number;
  userId: number | null;
  scopes: ReadonlySet<string>;
  rateLimit: string | null;
  defaultCountry: string;
}

/** last_used_at is written at most this often per key, so reads do not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeyService {
  constructor(private readonly db: Kysely<DB>) {}

  async create(options: CreateKeyOptions): Promise<{ key: ApiKeyRow; token: string }> {
    const scopeList = options.scopes?.length ? [...new Set(options.scopes)] : [...defaultScopes];
    const bad = scopeList.find((s) => !isScope(s));
    if (bad !== undefined) throw AppError.validation([{ field: 'scopes', rule: 'in', params: { values: [bad] } }]);
    const validity = options.expires ?? 'never';
    if (!(validity in keyValidities)) throw AppError.validation([{ field: 'expires', rule: 'in' }]);
    if (options.rateLimit !== undefined && !parseRateLimit(options.rateLimit)) {
      throw AppError.validation([{ field: 'rate_limit', rule: 'in' }]);
    }
    if (!(await findAccount(this.db, options.accountId))) throw new AppError('NOT_FOUND', `No account ${options.accountId}.`);
    if (options.userId !== undefined && !(await findUser(this.db, options.accountId, options.userId))) {
      throw new AppError('NOT_FOUND', `No user ${options.userId} in account ${options.accountId}.`);
    }
    const days = keyValidities[validity];
    const now = new Date();
    const { token, prefix, hash } = newToken();
    const key = await insertApiKey(this.db, {
      account_id: options.accountId,
      user_id: options.userId ?? null,
      name: options.name?.trim() || 'API key',
      prefix,
      token_hash: hash,
      scopes: (scopeList as Scope[]).join(','),
      status: 'active',
      expires_at: days === null ? null : new Date(now.getTime() + days * 86_400_000).toISOString(),
      rate_limit: options.rateLimit?.replace(/\s+/g, '') ?? null,
      last_used_at: null,
      created_at: now.toISOString(),
      revoked_at: null,
    });
    return { key, token };
  }

  async list(accountId: number): Promise<ApiKeyRow[]> {
    if (!(await findAccount(this.db, accountId))) throw new AppError('NOT_FOUND', `No account ${accountId}.`);
    return listApiKeys(this.db, accountId);
  }

  async revoke(id: number): Promise<ApiKeyRow> {
    await this.mustFind(id);
    await updateApiKey(this.db, id, { status: 'revoked', revoked_at: new Date().toISOString() });
    return this.mustFind(id);
  }

  async setActive(id: number, active: boolean): Promise<ApiKeyRow> {
    const key = await this.mustFind(id);
    if (key.status === 'revoked') throw new AppError('CONFLICT', `Key ${id} is revoked; a revoked key cannot be changed. Create a new key.`);
    await updateApiKey(this.db, id, { status: active ? 'active' : 'inactive' });
    return this.mustFind(id);
  }

  /** Resolves a presented token, or throws UNAUTHENTICATED. Status and expiry are read on every call, so a revocation takes effect on the next request. */
  async authenticate(token: unknown): Promise<AuthContext> {
    if (typeof token !== 'string' || !token) throw new AppError('UNAUTHENTICATED');
    const key = await findKeyByHash(this.db, hashToken(token));
    const now = new Date();
    if (!key || key.status !== 'active' || (key.expires_at !== null && key.expires_at <= now.toISOString())) {
      throw new AppError('UNAUTHENTICATED');
    }
    if (!key.last_used_at || now.getTime() - Date.parse(key.last_used_at) >= LAST_USED_RESOLUTION_MS) {
      await updateApiKey(this.db, key.id, { last_used_at: now.toISOString() });
    }
    return {
      keyId: key.id,
      accountId: key.account_id,
      userId: key.user_id,
      scopes: new Set(key.scopes.split(',')),
      rateLimit: key.rate_limit,
      defaultCountry: key.default_country,
    };
  }

  private async mustFind(id: number): Promise<ApiKeyRow> {
    const key = await findApiKey(this.db, id);
    if (!key) throw new AppError('NOT_FOUND', `No API key ${id}.`);
    return key;
  }
}
