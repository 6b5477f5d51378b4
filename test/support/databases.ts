// The databases every database test runs on, as Kysely's own suite does: SQLite always, and
// PostgreSQL whenever TEST_DATABASE_URL is set. Each harness works in a fresh SQLite file or a
// fresh PostgreSQL schema, so runs never see each other's rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.js';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialects(): TestDialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  config: DatabaseConfig;
  /** DATABASE_URL for a child process (the CLI, a server) that must see the same rows. */
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadgate-test-'));
    const file = path.join(dir, 'leadgate.db');
    return { config: { kind: 'sqlite', file }, url: file, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const schema = `lg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    config: { kind: 'postgres', url: base, poolSize: 10, schema },
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
