import type { Executor } from '../db/transaction.js';
import type { ApiKeyRow } from '../db/schema.js';
import { runShaped } from '../db/query-shapes.js';
import { canExist } from '../errors/not-found.js';

/** What authenticating a request reads: named columns, so PostgreSQL can keep the statement prepared. */
const AUTH_COLUMNS = ['api_keys.id', 'api_keys.account_id', 'api_keys.user_id', 'api_keys.scopes', 'api_keys.status', 'api_keys.expires_at', 'api_keys.rate_limit', 'api_keys.last_used_at', 'accounts.default_country'] as const;

export type KeyWithAccount = Pick<ApiKeyRow, 'id' | 'account_id' | 'user_id' | 'scopes' | 'status' | 'expires_at' | 'rate_limit' | 'last_used_at'> & { default_country: string };

export async function insertApiKey(db: Executor, row: Omit<ApiKeyRow, 'id'>): Promise<ApiKeyRow> {
  return db.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The one query an authenticated request costs: by the unique hash index, with the account. */
export async function findKeyByHash(db: Executor, hash: string): Promise<KeyWithAccount | undefined> {
  const { rows } = await runShaped(db, 'findKeyByHash', [hash], () => db.selectFrom('api_keys')
    .innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
    .select(AUTH_COLUMNS)
    .where('api_keys.token_hash', '=', hash));
  return rows[0];
}

export async function findApiKey(db: Executor, id: number): Promise<ApiKeyRow | undefined> {
  if (!canExist(id)) return undefined;
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listApiKeys(db: Executor, accountId: number): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

export async function updateApiKey(db: Executor, id: number, changes: Partial<Omit<ApiKeyRow, 'id'>>): Promise<void> {
  await db.updateTable('api_keys').set(changes).where('id', '=', id).execute();
}
