// Opens the database the config names: an embedded SQLite file (WAL, durable commits) or a
// PostgreSQL pool. Everything above this module sees only Kysely<DB>.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig, type SqliteDatabase as KyselySqlite, type Transaction } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { DB } from './schema.js';
import { GroupCommit } from './group-commit.js';
import { inTransaction } from './transaction.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /**
   * Runs a unit of work in a transaction and resolves once it is committed (durable). On SQLite,
   * units waiting together share one commit (group commit); on PostgreSQL each has its own,
   * retried when a concurrent writer got there first.
   */
  transact<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
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
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  const group = new GroupCommit(db);
  return { db, dialect: 'sqlite', transact: (work) => group.run(work), close: () => db.destroy() };
}

/**
 * Every SQLite transaction takes the write lock when it begins (BEGIN IMMEDIATE), waiting for it
 * up to busy_timeout. A deferred one reads first and asks for the lock at its first write; if
 * another process (the CLI beside a running server) committed in between, SQLite refuses at once
 * with SQLITE_BUSY, which no waiting cures: captures failed while `leadgate prune-log` ran.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly driverConfig: SqliteDialectConfig) {
    super(driverConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.driverConfig);
  }
}

/**
 * Kysely prepares every query it runs; preparing costs several times what running a prepared
 * statement does, so statements are kept by their SQL text. Queries are parameterised, so the
 * set of texts is small (bounded anyway).
 */
function withStatementCache(sqlite: KyselySqlite): KyselySqlite {
  const statements = new Map<string, ReturnType<KyselySqlite['prepare']>>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (statements.size < 2000) statements.set(text, statement);
      }
      return statement;
    },
  };
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; our ids are plain integers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * node-postgres sends every parameterised query as an unnamed statement, which the server parses
 * and plans each time; named, it is prepared once per connection (pgbench measures that at ~60%
 * more throughput here). Statements selecting `*` stay unnamed: a migration that adds a column
 * would change their result type, which a prepared statement refuses.
 */
function prepareStatementsByName(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || text.includes('*')) return query(text, values, callback);
    let name = names.get(text);
    if (!name) names.set(text, (name = `lg_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
    return query({ name, text, values }, callback);
  };
}

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
  pool.on('connect', prepareStatementsByName);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', transact: (work) => inTransaction(db, work), close: () => db.destroy() };
}
