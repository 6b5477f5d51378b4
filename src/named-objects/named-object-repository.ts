// One repository for the four tables of named objects. They share their columns, so Kysely is
// told each is `sequences`; the extra columns (lines.phone_number, tags.name_key) travel as values.
import type { Insertable } from 'kysely';
import type { Executor } from '../db/transaction.js';
import type { NamedTable } from '../db/schema.js';
import { canExist } from '../errors/not-found.js';
import type { NamedTableName } from './named-object-kinds.js';

export interface NamedRow {
  id: number;
  account_id: number;
  name: string;
  created_at: string;
  updated_at: string;
  /** lines only */
  phone_number?: string | null;
  /** tags only */
  name_key?: string;
}

export type NamedExtras = Pick<NamedRow, 'phone_number' | 'name_key'>;

const as = (table: NamedTableName) => table as 'sequences';

export async function insertNamed(db: Executor, table: NamedTableName, row: Insertable<NamedTable> & NamedExtras): Promise<NamedRow> {
  return db.insertInto(as(table)).values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findNamed(db: Executor, table: NamedTableName, accountId: number, id: number): Promise<NamedRow | undefined> {
  if (!canExist(id)) return undefined;
  return db.selectFrom(as(table)).selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function listNamed(db: Executor, table: NamedTableName, accountId: number): Promise<NamedRow[]> {
  return db.selectFrom(as(table)).selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

export async function updateNamed(db: Executor, table: NamedTableName, id: number, changes: Partial<Omit<NamedRow, 'id' | 'account_id'>>): Promise<NamedRow> {
  return db.updateTable(as(table)).set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteNamed(db: Executor, table: NamedTableName, accountId: number, id: number): Promise<boolean> {
  if (!canExist(id)) return false;
  const result = await db.deleteFrom(as(table)).where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
