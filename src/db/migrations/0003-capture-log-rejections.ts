// Finding rejected leads in a long capture log: a partial index over the rejected rows only, so
// `GET /v1/capture-log?outcome=rejected` and `leadgate log --outcome rejected` read those rows
// instead of scanning every accepted one, and accepted captures never maintain it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('capture_log_rejected').on('capture_log').columns(['account_id', 'id'])
    .where(sql.ref('outcome'), '=', sql.lit('rejected')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('capture_log_rejected').execute();
}
