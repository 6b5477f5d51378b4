import type { Executor } from '../db/transaction.js';
import type { UserRow } from '../db/schema.js';

export async function insertUser(db: Executor, row: Omit<UserRow, 'id'>): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findUser(db: Executor, accountId: number, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}
