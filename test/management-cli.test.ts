// The management commands of the real `leadgate` binary against a real database: users with a
// status, ring groups from --layer, tags, lines, disposition statuses and sequences; what they
// print with --json, the rows they leave, and one stderr line with status 2 for a bad argument.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, testDialects, type TestDatabase } from './support/databases.js';
import { execFile } from 'node:child_process';
import { CLI, type CliResult } from './support/processes.js';
import { openDatabase, type Database } from '../src/db/database.js';

/** The real binary, asynchronously: a spawn costs about a second, so independent runs go together. */
function leadgate(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      resolve({ status: err ? (typeof code === 'number' ? code : -1) : 0, stdout, stderr });
    });
  });
}

function json(run: CliResult): any {
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout);
}

function assertUsageError(run: CliResult, line: RegExp): void {
  assert.equal(run.status, 2, JSON.stringify(run));
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^[^\n]+\n$/, `exactly one line on stderr: ${JSON.stringify(run.stderr)}`);
  assert.match(run.stderr, line);
}

for (const dialect of testDialects()) {
  describe(`leadgate management commands [${dialect}]`, () => {
    let testDb: TestDatabase;
    let database: Database;
    let run: (...args: string[]) => Promise<CliResult>;
    let account: string;
    const users: number[] = [];

    before(async () => {
      testDb = await createTestDatabase(dialect);
      database = openDatabase(testDb.config);
      run = (...args) => leadgate(args, { DATABASE_URL: testDb.url });
      account = String(json(await run('accounts', 'create', '--name', 'Acme', '--json')).id);
    });
    after(async () => {
      await database.close();
      await testDb.drop();
    });

    it('users create --status, then users set-status ID STATUS', async () => {
      const created = await Promise.all([
        run('users', 'create', '--account', account, '--name', 'Ann', '--status', 'available', '--json'),
        run('users', 'create', '--account', account, '--name', 'Bob', '--json'),
      ]);
      for (const [i, name] of ['Ann', 'Bob'].entries()) {
        const out = json(created[i]!);
        assert.deepEqual(out, { id: out.id, account_id: Number(account), name, email: null });
        users.push(out.id);
      }
      const rows = await database.db.selectFrom('users').select(['id', 'status']).where('id', 'in', users).orderBy('id').execute();
      assert.deepEqual(rows.map((r) => r.status), users[0]! < users[1]! ? ['available', 'offline'] : ['offline', 'available']);

      const [text, asJson, badStatus, noUser, badOption] = await Promise.all([
        run('users', 'set-status', String(users[1]), 'on_call'),
        run('users', 'set-status', String(users[0]), 'busy', '--json'),
        run('users', 'set-status', String(users[0]), 'asleep'),
        run('users', 'set-status', '999999', 'busy'),
        run('users', 'create', '--account', account, '--name', 'C', '--status', 'idle'),
      ]);
      assert.deepEqual(text, { status: 0, stdout: `user ${users[1]} is on_call\n`, stderr: '' });
      assert.deepEqual(json(asJson), { id: users[0], status: 'busy' });
      const statuses = await database.db.selectFrom('users').select(['id', 'status']).where('id', 'in', users).execute();
      assert.deepEqual(Object.fromEntries(statuses.map((r) => [r.id, r.status])), { [users[0]!]: 'busy', [users[1]!]: 'on_call' });
      assertUsageError(badStatus, /'asleep' is invalid.*Allowed choices are offline, available, busy, on_break, on_call, wrap_up, ringing/);
      assertUsageError(noUser, /^error: No user 999999\./);
      assertUsageError(badOption, /--status <status>.*'idle' is invalid/);
    });

    it('ring-groups create --layer round_robin:B,A --layer random:A', async () => {
      const [a, b] = users as [number, number];
      const [created, badFormat, notAUser, noLayer] = await Promise.all([
        run('ring-groups', 'create', '--account', account, '--name', 'Sales', '--layer', `round_robin:${b},${a}`, '--layer', `random:${a}`, '--json'),
        run('ring-groups', 'create', '--account', account, '--name', 'X', '--layer', 'weighted:1'),
        run('ring-groups', 'create', '--account', account, '--name', 'X', '--layer', `random:${a}`, '--layer', `round_robin:${b},999999`),
        run('ring-groups', 'create', '--account', account, '--name', 'X'),
      ]);
      const out = json(created);
      assert.deepEqual(out, {
        id: out.id, name: 'Sales', layers: [{ strategy: 'round_robin', user_ids: [b, a] }, { strategy: 'random', user_ids: [a] }],
        created_at: out.created_at, updated_at: out.created_at,
      });
      const layers = await database.db.selectFrom('ring_group_layers').select(['id', 'position', 'strategy']).where('ring_group_id', '=', out.id).orderBy('position').execute();
      assert.deepEqual(layers.map((l) => [l.position, l.strategy]), [[1, 'round_robin'], [2, 'random']]);
      const members = await database.db.selectFrom('ring_group_members').select('user_id').where('layer_id', '=', layers[0]!.id).orderBy('position').execute();
      assert.deepEqual(members.map((m) => m.user_id), [b, a]);

      assertUsageError(badFormat, /--layer <strategy:user_ids>.*'weighted:1' is invalid/);
      assertUsageError(notAUser, /^error: --layer 2: user 999999 is not a user of this account/);
      assertUsageError(noLayer, /required option '--layer <strategy:user_ids>' not specified/);
      const count = await database.db.selectFrom('ring_groups').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1, 'the refused commands wrote nothing');
    });

    it('tags, lines, disposition-statuses and sequences create print the object and store it', async () => {
      const cases = [
        ['tags', 'tags', ['--name', 'Hot']],
        ['lines', 'lines', ['--name', 'Main', '--phone-number', '(818) 123-4567']],
        ['disposition-statuses', 'disposition_statuses', ['--name', 'Won']],
        ['sequences', 'sequences', ['--name', 'Drip']],
      ] as const;
      const runs = await Promise.all(cases.map(([command, , args]) => run(command, 'create', '--account', account, ...args, '--json')));
      for (const [i, [command, table, args]] of cases.entries()) {
        const out = json(runs[i]!);
        const row = await database.db.selectFrom(table).selectAll().where('id', '=', out.id).executeTakeFirstOrThrow();
        assert.deepEqual([row.account_id, row.name], [Number(account), args[1]], command);
        assert.deepEqual(out, {
          id: row.id, name: args[1], ...(table === 'lines' ? { phone_number: '+18181234567' } : {}), created_at: row.created_at, updated_at: row.updated_at,
        }, command);
      }
      const [text, duplicate, badNumber, noAccount] = await Promise.all([
        run('sequences', 'create', '--account', account, '--name', 'Nurture'),
        run('tags', 'create', '--account', account, '--name', 'HOT'),
        run('lines', 'create', '--account', account, '--name', 'Bad', '--phone-number', '12'),
        run('tags', 'create', '--account', '3000000000', '--name', 'Orphan'),
      ]);
      assert.match(text.stdout, /^sequence \d+ created \(Nurture\)\n$/);
      assertUsageError(duplicate, /^error: A tag named "HOT" already exists\./);
      assertUsageError(badNumber, /^error: --phone-number is invalid \(phone\)/);
      // An id past PostgreSQL's int4 range names no account; it is not a driver error.
      assertUsageError(noAccount, /^error: No account 3000000000\./);
    });
  });
}
