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
