import type { Executor } from '../db/transaction.js';
import type { CaptureLogTable } from '../db/schema.js';
import type { Insertable, Selectable } from 'kysely';
import { definedColumns, runShaped } from '../db/query-shapes.js';

export type CaptureLogEntry = Insertable<CaptureLogTable>;

export async function insertCaptureLog(db: Executor, entry: CaptureLogEntry): Promise<void> {
  const { row, columns, values } = definedColumns(entry);
  await runShaped(db, `insertCaptureLog:${columns}`, values, () => db.insertInto('capture_log').values(row));
}

export async function listCaptureLog(db: Executor, accountId: number | null, limit: number): Promise<Selectable<CaptureLogTable>[]> {
  let query = db.selectFrom('capture_log').selectAll();
  query = accountId === null ? query.where('account_id', 'is', null) : query.where('account_id', '=', accountId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
