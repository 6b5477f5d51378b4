// The few places where SQLite and PostgreSQL DDL differ, so each migration is written once.
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-generated integer primary key that is never reused. */
export function idColumn(db: Kysely<any>) {
  return isPostgres(db)
    ? ([sql`serial`, (col: ColumnDefinitionBuilder) => col.primaryKey()] as const)
    : (['integer', (col: ColumnDefinitionBuilder) => col.primaryKey().autoIncrement()] as const);
}
