import type { Updateable } from 'kysely';
import type { Executor } from '../db/transaction.js';
import type { UserRow, UsersTable } from '../db/schema.js';
import { canExist } from '../errors/not-found.js';

export async function insertUser(db: Executor, row: Omit<UserRow, 'id'>): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A user of this account; undefined for another account's user or an id that cannot exist. */
export async function findUser(db: Executor, accountId: number, id: number): Promise<UserRow | undefined> {
  if (!canExist(id)) return undefined;
  return db.selectFrom('users').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

/** By id alone, for the CLI, which acts on the whole database. */
export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  if (!canExist(id)) return undefined;
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Executor, accountId: number): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

/** Which of `ids` are users of the account. */
export async function existingUserIds(db: Executor, accountId: number, ids: number[]): Promise<Set<number>> {
  const wanted = [...new Set(ids.filter(canExist))];
  if (!wanted.length) return new Set();
  const rows = await db.selectFrom('users').select('id').where('account_id', '=', accountId).where('id', 'in', wanted).execute();
  return new Set(rows.map((r) => r.id));
}

export async function updateUser(db: Executor, id: number, changes: Updateable<UsersTable>): Promise<UserRow> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Their contacts keep no owner, their keys no user; their ring-group seats and queue go with them. */
export async function deleteUser(db: Executor, accountId: number, id: number): Promise<boolean> {
  if (!canExist(id)) return false;
  const result = await db.deleteFrom('users').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
