import type { Executor } from '../db/transaction.js';
import type { AccountRow } from '../db/schema.js';
import { canExist } from '../errors/not-found.js';

export async function insertAccount(db: Executor, row: { name: string; default_country: string; created_at: string }): Promise<AccountRow> {
  return db.insertInto('accounts').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findAccount(db: Executor, id: number): Promise<AccountRow | undefined> {
  if (!canExist(id)) return undefined;
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAccounts(db: Executor): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
