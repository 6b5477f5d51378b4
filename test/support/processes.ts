// Real processes for the tests that cross process boundaries: the leadgate CLI binary and the
// server started the way a user starts it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/db/database.js';
import { createServices } from '../../src/services.js';
import type { TestDatabase } from './databases.js';

/** dist/src/cli.js, seen from dist/test/support/. */
export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli.js');

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function leadgate(args: string[], env: Record<string, string>): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI without blocking this process: for tests that keep posting leads while it runs. */
export function leadgateAsync(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

export type LogLine = Record<string, unknown> & { msg?: string };

/**
 * A running `leadgate serve`, started the way a user starts it: every stdout line as it arrives,
 * stderr, and how it ended. The environment is the test's minus leadgate's own variables, so a
 * developer's settings never leak into a test; `env` sets what the test needs.
 */
export class ServerProcess {
  readonly lines: string[] = [];
  stderr = '';
  /** Set once the server logs "leadgate ready". */
  url = '';
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private wake = () => {};

  constructor(env: Record<string, string>) {
    const base: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(LEADGATE_|REDIS_URL|DATABASE_|NODE_TEST_CONTEXT)/.test(k)) base[k] = v;
    this.child = spawn(process.execPath, [CLI, 'serve'], {
      env: { ...base, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    readline.createInterface({ input: this.child.stdout! }).on('line', (line) => { this.lines.push(line); this.wake(); });
    this.child.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => { this.wake(); resolve({ code, signal }); }));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The stdout lines that are JSON log lines, parsed. */
  logs(): LogLine[] {
    return this.lines.flatMap((l) => { try { return [JSON.parse(l) as LogLine]; } catch { return []; } });
  }

  /** The first log line that matches, waiting for it; fails if the process ends or hangs. */
  async waitForLog(what: string, match: (log: LogLine) => boolean): Promise<LogLine> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = this.logs().find(match);
      if (found) return found;
      if (!this.running || Date.now() > deadline) {
        throw new Error(`no log line "${what}"; stdout:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => { this.wake = resolve; setTimeout(resolve, 1000).unref(); });
    }
  }

  /** Resolves once the server listens, with its URL. */
  async ready(): Promise<string> {
    this.url = String((await this.waitForLog('leadgate ready', (l) => l.msg === 'leadgate ready')).url);
    return this.url;
  }

  kill(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Sends the signal and resolves with the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    this.kill(signal);
    return (await this.exited).code;
  }
}

/** `leadgate serve` on a free port; resolves once it logs "leadgate ready". */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const server = new ServerProcess(env);
  try {
    await server.ready();
  } catch (err) {
    await server.stop('SIGKILL');
    throw err;
  }
  return server;
}

/** A new key of the account a server made on its first start, for tests that drive that server. */
export async function firstAccountKey(testDb: TestDatabase, scopes: string[]): Promise<string> {
  const database = openDatabase(testDb.config);
  try {
    const account = await database.db.selectFrom('accounts').select('id').orderBy('id').executeTakeFirstOrThrow();
    return (await createServices(database.db).apiKeys.create({ accountId: account.id, scopes })).token;
  } finally {
    await database.close();
  }
}
