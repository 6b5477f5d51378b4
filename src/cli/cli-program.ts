// The leadgate command line. Each command opens the database DATABASE_URL names (migrating it
// if needed), calls a service, prints a line or JSON, and closes it.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, countryFrom, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createServices, type Services } from '../services.js';
import { AppError } from '../errors/app-error.js';
import { startServer, stopOnSignals } from '../server.js';
import { keyValidities } from '../api-keys/api-key-service.js';
import { scopes } from '../api-keys/scopes.js';
import { describeKey, printKeyTable } from './key-output.js';

/** A wrong argument: one line on stderr, exit status 2. */
export class UsageError extends Error {}

export function positiveInt(value: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new InvalidArgumentError('must be a positive integer.');
  return Number(value);
}

async function withServices<T>(work: (services: Services) => Promise<T>): Promise<T> {
  const database = openDatabase(loadConfig().database);
  try {
    await migrateToLatest(database.db);
    return await work(createServices(database.db));
  } finally {
    await database.close();
  }
}

const print = (json: boolean, value: unknown, line: string) => console.log(json ? JSON.stringify(value) : line);

export function buildProgram(): Command {
  const program = new Command('leadgate')
    .description('Self-hosted lead intake. Every command honours DATABASE_URL (default ./data/leadgate.db).')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });

  program.command('serve').description('Run the HTTP service (PORT, HOST, DATABASE_URL, LEADGATE_DEFAULT_COUNTRY, LOG_LEVEL)')
    .action(async () => stopOnSignals(await startServer(loadConfig())));

  program.command('migrate').description('Bring the database schema up to date')
    .action(async () => {
      const database = openDatabase(loadConfig().database);
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      } finally {
        await database.close();
      }
    });

  const accounts = program.command('accounts').description('Manage accounts');
  accounts.command('create').description('Create an account')
    .requiredOption('--name <name>', 'account name')
    .option('--country <code>', 'two-letter country that reads numbers without a country code', 'US')
    .option('--json', 'print JSON')
    .action(async (o: { name: string; country: string; json?: boolean }) => {
      const country = countryFrom('--country', o.country, 'US');
      const account = await withServices((s) => s.accounts.create({ name: o.name, country }));
      print(!!o.json, { id: account.id, name: account.name, country: account.default_country }, `account ${account.id} created (${account.name}, ${account.default_country})`);
    });

  const users = program.command('users').description('Manage users (agents)');
  users.command('create').description('Create a user in an account')
    .requiredOption('--account <id>', 'account id', positiveInt)
    .requiredOption('--name <name>', 'full name')
    .option('--email <email>', 'email address')
    .option('--json', 'print JSON')
    .action(async (o: { account: number; name: string; email?: string; json?: boolean }) => {
      const user = await withServices((s) => s.users.create({ accountId: o.account, name: o.name, email: o.email }));
      print(!!o.json, { id: user.id, account_id: user.account_id, name: user.name, email: user.email }, `user ${user.id} created (${user.name})`);
    });

  const keys = program.command('keys').description('Manage API keys');
  keys.command('create').description('Create an API key; the token is printed once and stored only as a hash')
    .requiredOption('--account <id>', 'account id', positiveInt)
    .option('--user <id>', 'user the key acts for', positiveInt)
    .option('--scopes <list>', `comma-separated: ${scopes.join(', ')} (default leads:write,contacts:read)`)
    .addOption(new Option('--expires <validity>', 'validity').choices(Object.keys(keyValidities)).default('never'))
    .option('--name <name>', 'a name to recognise the key by')
    .option('--rate-limit <max/window>', 'per-key rate limit, e.g. 100/10s (default: the server\'s)')
    .option('--json', 'print JSON')
    .action(async (o: { account: number; user?: number; scopes?: string; expires: keyof typeof keyValidities; name?: string; rateLimit?: string; json?: boolean }) => {
      const { key, token } = await withServices((s) => s.apiKeys.create({
        accountId: o.account, userId: o.user, name: o.name, expires: o.expires, rateLimit: o.rateLimit,
        scopes: o.scopes?.split(',').map((x) => x.trim()).filter(Boolean),
      }));
      if (o.json) console.log(JSON.stringify({ ...describeKey(key), token }));
      else console.log(`key ${key.id} created (${key.scopes}${key.expires_at ? `, expires ${key.expires_at}` : ''})\ntoken (shown once): ${token}`);
    });

  keys.command('list').description('List an account\'s keys (never their secrets)')
    .requiredOption('--account <id>', 'account id', positiveInt)
    .option('--json', 'print JSON')
    .action(async (o: { account: number; json?: boolean }) => {
      const list = await withServices((s) => s.apiKeys.list(o.account));
      if (o.json) console.log(JSON.stringify(list.map(describeKey)));
      else printKeyTable(list);
    });

  for (const [verb, description] of [['revoke', 'Revoke a key for good'], ['deactivate', 'Suspend a key'], ['activate', 'Re-enable a suspended key']] as const) {
    keys.command(`${verb} <id>`).description(description).option('--json', 'print JSON')
      .action(async (id: string, o: { json?: boolean }) => {
        const keyId = positiveIntArgument(id);
        const key = await withServices((s) => (verb === 'revoke' ? s.apiKeys.revoke(keyId) : s.apiKeys.setActive(keyId, verb === 'activate')));
        print(!!o.json, describeKey(key), `key ${key.id} is ${key.status}`);
      });
  }
  return program;
}

function positiveIntArgument(value: string): number {
  try {
    return positiveInt(value);
  } catch {
    throw new UsageError(`error: the key id must be a positive integer, got "${value}"`);
  }
}

/** Runs the CLI; resolves to the exit status. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) return fail(err.message, 2);
    if (err instanceof ConfigError) return fail(`error: ${err.message}`, 2);
    if (err instanceof AppError) return fail(`error: ${describeAppError(err)}`, err.status < 500 ? 2 : 1);
    return fail(`error: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
}

function describeAppError(err: AppError): string {
  if (!err.fieldErrors.length) return err.userMessage;
  return err.fieldErrors.map((f) => `--${f.field.replace(/_/g, '-')} is invalid (${f.rule}${f.params?.values ? `: ${f.params.values.join(', ')}` : ''})`).join('; ');
}

function fail(line: string, status: number): number {
  process.stderr.write(line.split('\n')[0] + '\n');
  return status;
}
