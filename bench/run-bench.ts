// npm run bench [-- --db postgres://... --json --quick --seconds N --connections N]
//
// Loads leadgate's Aloware endpoint with autocannon (new numbers; then 80% repeats), measures
// the ceiling (node:http parsing the same JSON) in the same run, optionally pgbench running the
// same upsert on the same PostgreSQL, and checks that every acknowledged lead was stored once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import type { DatabaseConfig } from '../src/config.js';
import { CEILING_SERVER, LEADGATE_CLI, cpuMicros, peakRssMb, startNode } from './bench-processes.js';
import { runLoad, type LoadResult } from './load.js';
import { checkStoredLeads, type SelfCheck } from './self-check.js';
import { runPgbench } from './pgbench.js';

interface Row { scenario: string; leads_per_s: number; p50_ms: number; p99_ms: number; errors: number; non_2xx: number; server_cpu_us_per_request: number | null; ratio_to_ceiling: number | null }

const program = new Command('bench')
  .option('--db <url>', 'postgres://... to benchmark PostgreSQL (default: a fresh SQLite file)')
  .option('--seconds <n>', 'seconds per scenario', (v) => Number(v), 10)
  .option('--connections <n>', 'concurrent keep-alive connections', (v) => Number(v), 50)
  .option('--quick', 'a two-second smoke run, for CI')
  .option('--json', 'print JSON instead of a table')
  .parse();
const opts = program.opts<{ db?: string; seconds: number; connections: number; quick?: boolean; json?: boolean }>();
const seconds = opts.quick ? 2 : opts.seconds;

async function main(): Promise<number> {
  const target = await prepareDatabase(opts.db);
  const rows: Row[] = [];
  try {
    const ceilingServer = await startNode(CEILING_SERVER, [], {}, '/');
    const ceiling = await measured(ceilingServer.child.pid!, () => runLoad({ url: ceilingServer.url, token: 'none', seconds, connections: opts.connections, firstNumber: 0, repeatShare: 0 }));
    await ceilingServer.stop();
    rows.push(row('ceiling: node:http parsing the same JSON', ceiling, null));

    const leadgate = await startNode(LEADGATE_CLI, ['serve'], { DATABASE_URL: target.url, LEADGATE_RATE_LIMIT: '100000000/1s' }, '/readyz');
    const token = /lg_[A-Za-z0-9_-]+/.exec(leadgate.stdout())?.[0];
    if (!token) throw new Error('leadgate printed no first-start key');
    const url = `${leadgate.url}/api/v1/webhook/forms`;
    if (!opts.quick) await runLoad({ url, token, seconds: 1, connections: opts.connections, firstNumber: 100_000_000, repeatShare: 0 });
    const pid = leadgate.child.pid!;
    const fresh = await measured(pid, () => runLoad({ url, token, seconds, connections: opts.connections, firstNumber: 1, repeatShare: 0 }));
    const repeats = await measured(pid, () => runLoad({ url, token, seconds, connections: opts.connections, firstNumber: 60_000_000, repeatShare: 0.8 }));
    const rss = peakRssMb(leadgate.child.pid!);
    const exit = await leadgate.stop();
    rows.push(row('leadgate: new number every lead', fresh, ceiling.rps));
    rows.push(row('leadgate: 80% of numbers repeat', repeats, ceiling.rps));

    const database = openDatabase(target.config);
    let check: SelfCheck;
    try {
      check = await checkStoredLeads(database.db, new Set([...fresh.acknowledged, ...repeats.acknowledged]));
    } finally {
      await database.close();
    }
    const freshCreatedAll = fresh.created === fresh.acknowledged.size;

    let pgbench: { tps: number } | null = null;
    if (target.config.kind === 'postgres') pgbench = await runPgbench(target.adminUrl!, seconds, opts.connections);

    const ok = check.ok && freshCreatedAll && exit === 0;
    const report = {
      database: target.config.kind, seconds, connections: opts.connections, cpus: os.cpus().length,
      results: rows, server_peak_rss_mb: rss,
      pgbench_same_upsert_tps: pgbench?.tps ?? null,
      ratio_to_pgbench: pgbench ? round(fresh.rps / pgbench.tps, 2) : null,
      self_check: { ...check, every_new_number_answered_201: freshCreatedAll, server_exit_code: exit, ok },
    };
    print(report);
    return ok ? 0 : 1;
  } finally {
    await target.drop();
  }
}

type Measured = LoadResult & { cpuPerRequest: number | null };

/** A load run, with the server's CPU time per answered request over it. */
async function measured(pid: number, load: () => Promise<LoadResult>): Promise<Measured> {
  const before = cpuMicros(pid);
  const result = await load();
  const after = cpuMicros(pid);
  const cpuPerRequest = before === null || after === null || !result.total ? null : Math.round((after - before) / result.total);
  return { ...result, cpuPerRequest };
}

function row(scenario: string, r: Measured, ceiling: number | null): Row {
  return {
    scenario, leads_per_s: Math.round(r.rps), p50_ms: r.p50, p99_ms: r.p99, errors: r.errors, non_2xx: r.non2xx,
    server_cpu_us_per_request: r.cpuPerRequest, ratio_to_ceiling: ceiling ? round(r.rps / ceiling, 2) : null,
  };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function print(report: Record<string, any>): void {
  if (opts.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const header = ['scenario', 'leads/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'server CPU µs', 'of ceiling'];
  const cells = (report.results as Row[]).map((r) => [r.scenario, String(r.leads_per_s), String(r.p50_ms), String(r.p99_ms), String(r.errors), String(r.non_2xx), r.server_cpu_us_per_request === null ? '-' : String(r.server_cpu_us_per_request), r.ratio_to_ceiling === null ? '-' : `${Math.round(r.ratio_to_ceiling * 100)}%`]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  console.log(`leadgate benchmark: ${report.database}, ${report.seconds}s per scenario, ${report.connections} connections, ${report.cpus} CPUs`);
  for (const line of [header, ...cells]) console.log(line.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  console.log(`server peak RSS: ${report.server_peak_rss_mb} MB`);
  if (report.pgbench_same_upsert_tps !== null) console.log(`pgbench, same upsert: ${report.pgbench_same_upsert_tps} tps; leadgate reaches ${Math.round(report.ratio_to_pgbench * 100)}% of it`);
  const c = report.self_check;
  console.log(`self-check: ${c.ok ? 'ok' : 'FAILED'} — ${c.acknowledged} acknowledged numbers, ${c.missing} missing, ${c.duplicateNumbers} duplicated, every new number answered 201: ${c.every_new_number_answered_201}, server exit ${c.server_exit_code}`);
}

interface Target { config: DatabaseConfig; url: string; adminUrl?: string; drop(): Promise<void> }

/** A fresh SQLite file, or a fresh schema in the given PostgreSQL database. */
async function prepareDatabase(db: string | undefined): Promise<Target> {
  if (!db) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadgate-bench-'));
    const file = path.join(dir, 'bench.db');
    return { config: { kind: 'sqlite', file }, url: file, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `leadgate_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: db });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(db);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    config: { kind: 'postgres', url: db, poolSize: 10, schema }, url: url.toString(), adminUrl: db,
    drop: async () => {
      const c = new pg.Client({ connectionString: db });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

main().then((code) => process.exit(code), (err) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
