// Opens the database the config names: an embedded SQLite file (WAL, durable commits) or a
// PostgreSQL pool. Everything above this module sees only Kysely<DB>.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  close(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig): Database {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config);
}

function openSqlite(file: string): Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it returns, so an acknowledged lead survives a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (the CLI beside a running server) may hold the write lock briefly.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; our ids are plain integers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

function openPostgres(config: Extract<DatabaseConfig, { kind: 'postgres' }>): Database {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    // A database that cannot be reached must answer 503 soon, not hold the request forever.
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
