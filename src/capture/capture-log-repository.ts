import type { Executor } from '../db/transaction.js';
import type { CaptureLogTable } from '../db/schema.js';
import type { Insertable, Selectable } from 'kysely';
import { definedColumns, runShaped } from '../db/query-shapes.js';

export type CaptureLogEntry = Insertable<CaptureLogTable>;

export async function insertCaptureLog(db: Executor, entry: CaptureLogEntry): Promise<void> {
  const { row, columns, values } = definedColumns(entry);
  await runShaped(db, `insertCaptureLog:${columns}`, values, () => db.insertInto('capture_log').values(row));
}

export interface CaptureLogSearch {
  /** One account's entries; null: requests refused before any key was known; undefined: every entry. */
  accountId?: number | null;
  outcome?: string;
  /** Only ids below this one (newest first paging). */
  beforeId?: number;
  limit: number;
}

export async function listCaptureLog(db: Executor, search: CaptureLogSearch): Promise<Selectable<CaptureLogTable>[]> {
  let query = db.selectFrom('capture_log').selectAll();
  if (search.accountId === null) query = query.where('account_id', 'is', null);
  else if (search.accountId !== undefined) query = query.where('account_id', '=', search.accountId);
  if (search.outcome !== undefined) query = query.where('outcome', '=', search.outcome);
  if (search.beforeId !== undefined) query = query.where('id', '<', search.beforeId);
  return query.orderBy('id', 'desc').limit(search.limit).execute();
}

/** The newest id among entries written before `before` (ISO time), if any. */
export async function lastIdBefore(db: Executor, before: string): Promise<number | undefined> {
  const row = await db.selectFrom('capture_log').select((eb) => eb.fn.max('id').as('id')).where('created_at', '<', before).executeTakeFirst();
  return row?.id ?? undefined;
}

/** Deletes up to `limit` of the oldest entries written before `before`, up to id `maxId`. */
export async function deleteOldestBefore(db: Executor, maxId: number, before: string, limit: number): Promise<number> {
  const batch = db.selectFrom('capture_log').select('id').where('id', '<=', maxId).where('created_at', '<', before).orderBy('id').limit(limit);
  const result = await db.deleteFrom('capture_log').where('id', 'in', batch).executeTakeFirst();
  return Number(result.numDeletedRows);
}
