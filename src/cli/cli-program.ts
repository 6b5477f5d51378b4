// The leadgate command line. Each command opens the database DATABASE_URL names (migrating it
// if needed), calls a service, prints a line or JSON, and closes it. Command groups live in
// their own files (key-commands.ts, user-commands.ts, ...); errors become exit statuses here.
import { Command, CommanderError } from 'commander';
import { ConfigError, countryFrom, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';
import { UsageError } from './cli-arguments.js';
import { print, withServices } from './with-services.js';
import { addKeyCommands } from './key-commands.js';
import { addUserCommands } from './user-commands.js';
import { addRingGroupCommands } from './ring-group-commands.js';
import { addNamedObjectCommands } from './named-object-commands.js';
import { addCaptureLogCommands } from './capture-log-commands.js';

export { UsageError, positiveInt } from './cli-arguments.js';

export function buildProgram(): Command {
  const program = new Command('leadgate')
    .description('Self-hosted lead intake. Every command honours DATABASE_URL (default ./data/leadgate.db).')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });

  program.command('serve').description('Run the HTTP service (PORT, HOST, DATABASE_URL, LEADGATE_DEFAULT_COUNTRY, LOG_LEVEL)')
    .action(async () => {
      // Loaded only here: the HTTP stack is most of a command's start-up time, and only serve needs it.
      const { startServer, stopOnSignals } = await import('../server.js');
      stopOnSignals(await startServer(loadConfig()));
    });

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

  addUserCommands(program);
  addKeyCommands(program);
  addRingGroupCommands(program);
  addNamedObjectCommands(program);
  addCaptureLogCommands(program);
  return program;
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
  return err.fieldErrors.map(describeFieldError).join('; ');
}

function describeFieldError(f: FieldError): string {
  // A ring-group member came from a --layer: name the layer and the user id the user typed.
  const member = /^layers\.(\d+)\.user_ids\.\d+$/.exec(f.field);
  if (member && f.params?.values) return `--layer ${Number(member[1]) + 1}: user ${f.params.values[0]} is not a user of this account, or is in the layer twice`;
  const layer = /^layers\.(\d+)\b/.exec(f.field);
  const option = layer ? `--layer ${Number(layer[1]) + 1}` : `--${f.field.replace(/_/g, '-')}`;
  return `${option} is invalid (${f.rule}${f.params?.values ? `: ${f.params.values.join(', ')}` : ''})`;
}

function fail(line: string, status: number): number {
  process.stderr.write(line.split('\n')[0] + '\n');
  return status;
}
