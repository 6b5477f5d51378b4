// Opens the database, migrates it, listens, and shuts down gracefully on SIGTERM/SIGINT:
// no new connections, requests in flight finish, the database closes, exit 0.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createServices } from './services.js';
import { buildApp, loggerOptions } from './app.js';
import { ensureDefaultAccount, firstStartBanner } from './bootstrap/first-start.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const first = await ensureDefaultAccount(database.db, database.dialect, config.defaultCountry);
  // Rate-limit counters shared by every node when REDIS_URL is set; otherwise kept in memory.
  // Loaded only when used: the client costs a single node ~6 MB of memory for nothing.
  const redis = config.redisUrl ? new (await import('ioredis')).Redis(config.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  redis?.on('error', () => {});
  const app = await buildApp({
    services: createServices(database.db, database.transact),
    logger: loggerOptions(config.logLevel),
    rateLimit: { defaultLimit: config.rateLimit, redis },
  });
  const url = await app.listen({ port: config.port, host: config.host });
  if (first) process.stdout.write(firstStartBanner(first, config.publicUrl ?? localUrl(app)) + '\n');
  app.log.info({ url, database: database.dialect }, 'leadgate ready');

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    await app.close();
    await database.close();
    redis?.disconnect();
  })());
  return { app, database, url, stop };
}

/** The port actually bound (PORT=0 picks one). */
function localUrl(app: FastifyInstance): string {
  const address = app.server.address();
  return `http://localhost:${typeof address === 'object' && address ? address.port : 3000}`;
}

export function stopOnSignals(server: RunningServer): void {
  const onSignal = (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    server.stop().then(() => process.exit(0), (err) => {
      server.app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
