// How a command reaches the data: open the database DATABASE_URL names (migrating it if needed),
// run one service call, close it.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createServices, type Services } from '../services.js';

export async function withServices<T>(work: (services: Services) => Promise<T>): Promise<T> {
  const database = openDatabase(loadConfig().database);
  try {
    await migrateToLatest(database.db);
    return await work(createServices(database.db));
  } finally {
    await database.close();
  }
}

/** JSON with --json, else a line for a person. */
export const print = (json: boolean, value: unknown, line: string) => console.log(json ? JSON.stringify(value) : line);
