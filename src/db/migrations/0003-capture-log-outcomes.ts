// Filtering a long capture log by outcome (`GET /v1/capture-log?outcome=rejected`, `leadgate log
// --outcome ...`): without this index such a read scans every row of the account newest first,
// and on SQLite, whose reads block the server's event loop, captures wait meanwhile.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('capture_log_outcome').on('capture_log').columns(['account_id', 'outcome', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('capture_log_outcome').execute();
}
