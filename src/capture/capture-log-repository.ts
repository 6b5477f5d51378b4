import type { Executor } from '../db/transaction.js';
import type { CaptureLogTable } from '../db/schema.js';
import type { Insertable } from 'kysely';
import { definedColumns, runShaped } from '../db/query-shapes.js';

export type CaptureLogEntry = Insertable<CaptureLogTable>;

export async function insertCaptureLog(db: Executor, entry: CaptureLogEntry): Promise<void> {
  const { row, columns, values } = definedColumns(entry);
  await runShaped(db, `insertCaptureLog:${columns}`, values, () => db.insertInto('capture_log').values(row));
}
