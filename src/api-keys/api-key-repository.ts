import type { Executor } from '../db/transaction.js';
import type { ApiKeyRow } from '../db/schema.js';
import { runShaped } from '../db/query-shapes.js';
import { canExist } from '../errors/not-found.js';

export type KeyWithAccount = ApiKeyRow & { default_country: string };

export async function insertApiKey(db: Executor, row: Omit<ApiKeyRow, 'id'>): Promise<ApiKeyRow> {
  return db.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The one query an authenticated request costs: by the unique hash index, with the account. */
export async function findKeyByHash(db: Executor, hash: string): Promise<KeyWithAccount | undefined> {
  const { rows } = await runShaped(db, 'findKeyByHash', [hash], () => db.selectFrom('api_keys')
    .innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
    .selectAll('api_keys')
    .select('accounts.default_country')
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
