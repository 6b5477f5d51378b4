// Versioned Kysely migrations, listed here rather than read from a folder so they survive bundling.
// On PostgreSQL, Kysely's migrator holds an advisory lock, so nodes starting together migrate once.
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as m0001 from './migrations/0001-core.js';
import * as m0002 from './migrations/0002-routing.js';
import * as m0003 from './migrations/0003-capture-log-outcomes.js';

const migrations: Record<string, Migration> = {
  '0001-core': m0001,
  '0002-routing': m0002,
  '0003-capture-log-outcomes': m0003,
};

// On PostgreSQL the migrator's own tables go in the connection's current schema: Kysely otherwise
// takes such a table in *any* schema of the database as its own and skips creating it.
async function migrator(db: Kysely<any>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema });
}

export class MigrationError extends Error {}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results }: MigrationResultSet = await (await migrator(db)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied. */
export async function migrationsCurrent(db: Kysely<any>): Promise<boolean> {
  const list = await (await migrator(db)).getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}
