// Every write starts here, in a service: one transaction per unit of work, retried when the
// database says a concurrent writer got there first (the unique index on numbers, a deadlock,
// a serialization failure, a busy SQLite file). The retry re-reads, so a lost race for a new
// number becomes an update of the contact the winner created.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

export type Executor = Kysely<DB> | Transaction<DB>;

// 23505 unique violation (a concurrent capture made the number first), 23503 foreign-key
// violation (a referenced user or group was deleted meanwhile: the retry sees it is gone and
// warns), 40001 serialization failure, 40P01 deadlock.
const RETRYABLE_PG = new Set(['23505', '23503', '40001', '40P01']);

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return false;
  return RETRYABLE_PG.has(code) || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code.startsWith('SQLITE_BUSY');
}

export async function inTransaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) throw err;
    }
  }
}
