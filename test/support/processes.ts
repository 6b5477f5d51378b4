// Real processes for the tests that cross process boundaries: the leadgate CLI binary and the
// server started the way a user starts it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every stdout line so far. */
  output: string[];
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `leadgate serve` on a free port; resolves once it logs "leadgate ready". */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(() => { void stop('SIGKILL'); reject(new Error(`server did not start: ${stderr}`)); }, 15_000);
    child.stderr!.on('data', (chunk) => { stderr += chunk; });
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        output.push(line);
        if (line.includes('"leadgate ready"')) {
          clearTimeout(timer);
          resolve({ url: JSON.parse(line).url, child, output, stop });
        }
      }
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}: ${stderr}`)); });
  });
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
