// The processes a benchmark run measures: leadgate as a user starts it, and the ceiling server.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const LEADGATE_CLI = path.resolve(here, '../src/cli.js');
export const CEILING_SERVER = path.resolve(here, 'ceiling-server.js');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stop(): Promise<number | null>;
}

/** Starts a Node.js script on a free port and waits until `readyPath` answers. */
export async function startNode(script: string, args: string[], env: Record<string, string>, readyPath: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  // The first-start banner is at the start; the request log lines after it are not kept.
  let out = '';
  child.stdout!.on('data', (c) => { if (out.length < 65_536) out += c; });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${path.basename(script)} exited with ${child.exitCode}`);
    if (await fetch(url + readyPath).then((r) => r.status < 500, () => false)) break;
    if (i > 200) throw new Error(`${path.basename(script)} did not get ready`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child, url, stdout: () => out,
    stop: () => { if (child.exitCode === null) child.kill('SIGTERM'); return exited; },
  };
}

/**
 * CPU time (user + system, every thread) the process has used so far, in microseconds; null where
 * /proc is missing. Per lead it varies far less from run to run than leads/s on a shared machine.
 */
export function cpuMicros(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, in clock ticks of 1/100 s (USER_HZ on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/** The process's peak resident set size (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
