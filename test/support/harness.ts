// A real app on a real database, driven with app.inject(): what every HTTP test starts from.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { DB } from '../../src/db/schema.js';
import { createServices, type Services } from '../../src/services.js';
import type { RateLimitOptions } from '../../src/http/rate-limit.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './databases.js';

export interface Tenant {
  accountId: number;
  userId: number;
  /** A key with the default scopes (leads:write, contacts:read). */
  token: string;
  keyId: number;
}

export class Harness {
  private constructor(
    readonly dialect: TestDialect,
    readonly testDb: TestDatabase,
    readonly database: Database,
    readonly services: Services,
    readonly app: FastifyInstance,
  ) {}

  static async start(dialect: TestDialect, options: { rateLimit?: RateLimitOptions } = {}): Promise<Harness> {
    const testDb = await createTestDatabase(dialect);
    const database = openDatabase(testDb.config);
    await migrateToLatest(database.db);
    const services = createServices(database.db, database.transact);
    const app = await buildApp({ services, rateLimit: options.rateLimit });
    return new Harness(dialect, testDb, database, services, app);
  }

  get db(): Kysely<DB> {
    return this.database.db;
  }

  /** A new account with a user and a key, as the CLI would make them. */
  async tenant(options: { country?: string; scopes?: string[] } = {}): Promise<Tenant> {
    const account = await this.services.accounts.create({ name: 'Acme', country: options.country ?? 'US' });
    const user = await this.services.users.create({ accountId: account.id, name: 'Ann Agent', email: 'ann@example.com' });
    const { key, token } = await this.services.apiKeys.create({ accountId: account.id, scopes: options.scopes });
    return { accountId: account.id, userId: user.id, token, keyId: key.id };
  }

  async key(accountId: number, scopes?: string[]): Promise<string> {
    return (await this.services.apiKeys.create({ accountId, scopes })).token;
  }

  inject(options: InjectOptions): Promise<LightMyRequestResponse> {
    return this.app.inject(options);
  }

  /** POST a JSON lead to the Aloware endpoint. */
  aloware(body: Record<string, unknown>, query?: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'POST', url: '/api/v1/webhook/forms', query, payload: body });
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.close();
    await this.testDb.drop();
  }
}
