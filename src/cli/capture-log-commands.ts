// leadgate log: the capture log from the command line, for the operator. Unlike the API it can
// show every account at once, and the requests refused before any key was known (--unknown-key).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { captureOutcomes, type CaptureLogEntryJson } from '../capture-log/capture-log-view.js';
import { MAX_LOG_PAGE } from '../capture-log/capture-log-service.js';
import { positiveInt, UsageError } from './cli-arguments.js';
import { print, withServices } from './with-services.js';

export function addCaptureLogCommands(program: Command): void {
  program.command('log').description('Show the capture log, newest first: what each capture request sent and was answered')
    .option('--account <id>', 'only this account\'s requests', positiveInt)
    .option('--unknown-key', 'only requests refused before any key was known (a missing, wrong or revoked key, or one inside an unreadable body)')
    .addOption(new Option('--outcome <outcome>', 'only this outcome').choices(captureOutcomes))
    .option('--limit <n>', `how many entries (at most ${MAX_LOG_PAGE})`, positiveInt, 20)
    .option('--cursor <cursor>', 'continue after a previous --json page (its next_cursor)')
    .option('--json', 'print the page as JSON, with each request\'s payload')
    .action(async (o: { account?: number; unknownKey?: boolean; outcome?: string; limit: number; cursor?: string; json?: boolean }) => {
      if (o.account !== undefined && o.unknownKey) throw new UsageError('error: --account and --unknown-key exclude each other');
      if (o.limit > MAX_LOG_PAGE) throw new UsageError(`error: --limit must be at most ${MAX_LOG_PAGE}`);
      const accountId = o.unknownKey ? null : o.account;
      const page = await withServices((s) => s.captureLog.list(accountId, { outcome: o.outcome, limit: o.limit, cursor: o.cursor }));
      if (o.json) console.log(JSON.stringify(page));
      else printLogTable(page.data);
    });

  program.command('prune-log').description('Delete capture log entries older than a number of days (run it from cron to keep the log bounded)')
    .requiredOption('--older-than <days>', 'age, e.g. 90d', days)
    .option('--json', 'print JSON')
    .action(async (o: { olderThan: number; json?: boolean }) => {
      const before = new Date(Date.now() - o.olderThan * 86_400_000);
      const deleted = await withServices((s) => s.captureLog.prune(before));
      print(!!o.json, { deleted, before: before.toISOString() }, `deleted ${deleted} capture log entries written before ${before.toISOString()}`);
    });
}

/** `90d`: a number of days. */
function days(value: string): number {
  const m = /^([1-9][0-9]{0,4})d$/.exec(value);
  if (!m) throw new InvalidArgumentError('must be a number of days, e.g. 90d.');
  return Number(m[1]);
}

function printLogTable(entries: CaptureLogEntryJson[]): void {
  if (!entries.length) {
    console.log('no entries');
    return;
  }
  const rows = entries.map((e) => [String(e.id), e.created_at, e.dialect, e.outcome, String(e.status), e.contact_id === null ? '-' : String(e.contact_id), detail(e)]);
  const header = ['ID', 'TIME', 'DIALECT', 'OUTCOME', 'STATUS', 'CONTACT', 'DETAIL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}

/** One line of why: the error's own sentence when rejected, else the first warning. */
function detail(entry: CaptureLogEntryJson): string {
  const text = entry.error !== null ? errorSentence(entry.error) : entry.warnings.length ? `${entry.warnings[0]}${entry.warnings.length > 1 ? ` (+${entry.warnings.length - 1} more)` : ''}` : '';
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function errorSentence(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>;
    // Aloware's 422-style body: "The given data was invalid." says less than its first field error.
    const fields = e.errors && typeof e.errors === 'object' ? Object.values(e.errors as Record<string, unknown>) : [];
    if (Array.isArray(fields[0]) && typeof fields[0][0] === 'string') return fields[0][0];
    for (const key of ['detail', 'message', 'error_message']) if (typeof e[key] === 'string') return e[key] as string;
  }
  return typeof error === 'string' ? error : JSON.stringify(error);
}
