// Is this node fit to take traffic? Up (the process answers) is not the same as ready (the
// database answers and its schema is the one this code expects).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { migrationsCurrent } from '../db/migrate.js';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
}

export class HealthService {
  constructor(private readonly db: Kysely<DB>) {}

  async readiness(): Promise<Readiness> {
    try {
      await sql`select 1`.execute(this.db);
    } catch {
      return { ready: false, database: 'unreachable', migrations: 'unknown' };
    }
    const current = await migrationsCurrent(this.db).catch(() => false);
    return { ready: current, database: 'ok', migrations: current ? 'current' : 'pending' };
  }
}
