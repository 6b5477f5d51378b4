// The real `leadgate` binary (dist/src/cli.js) against a real database: what it prints, its exit
// status, and the rows it leaves. Each spawn costs ~300 ms, so independent runs go in parallel.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, testDialects, type TestDatabase } from './support/databases.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { createServices } from '../src/services.js';
import { buildApp } from '../src/app.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

interface Run { status: number; stdout: string; stderr: string }

function leadgate(databaseUrl: string, args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 20_000 }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      resolve({ status: err ? (typeof code === 'number' ? code : -1) : 0, stdout, stderr });
    });
  });
}

/** A wrong argument: status 2, nothing on stdout, exactly one line on stderr. */
function assertUsageError(run: Run, line: RegExp): void {
  assert.equal(run.status, 2, `status of ${JSON.stringify(run)}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^[^\n]+\n$/, `exactly one line on stderr: ${JSON.stringify(run.stderr)}`);
  assert.match(run.stderr, line);
}

const TOKEN = /lg_[A-Za-z0-9_-]{43}/;

describe('leadgate CLI usage', () => {
  let dir: string;
  let runs: Record<string, Promise<Run>>;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadgate-cli-'));
    const run = (...args: string[]) => leadgate(path.join(dir, 'leadgate.db'), args);
    // Started together so the spawns overlap; each test awaits its own.
    runs = {
      help: run('--help'),
      keysCreateHelp: run('keys', 'create', '--help'),
      unknown: run('accounts', 'create', '--name', 'Acme', '--nmae', 'Acme'),
      missingName: run('accounts', 'create', '--country', 'US'),
      badAccount: run('users', 'create', '--account', 'abc', '--name', 'N'),
      badExpiry: run('keys', 'create', '--account', '1', '--expires', '2w'),
      badKeyId: run('keys', 'revoke', 'abc'),
    };
  });
  after(async () => {
    await Promise.all(Object.values(runs));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--help exits 0 for the root and for keys create', async () => {
    const root = await runs.help!;
    assert.equal(root.status, 0, root.stderr);
    assert.match(root.stdout, /^Usage: leadgate /);
    for (const command of ['serve', 'migrate', 'accounts', 'users', 'keys']) assert.match(root.stdout, new RegExp(`\\n  ${command}\\b`));
    const keysCreate = await runs.keysCreateHelp!;
    assert.equal(keysCreate.status, 0, keysCreate.stderr);
    assert.match(keysCreate.stdout, /^Usage: leadgate keys create /);
    for (const option of ['--account', '--scopes', '--expires', '--name', '--json']) assert.ok(keysCreate.stdout.includes(option), option);
  });

  it('argument errors exit 2 with one line on stderr', async () => {
    assertUsageError(await runs.unknown!, /^error: unknown option '--nmae'/);
    assertUsageError(await runs.missingName!, /^error: required option '--name <name>' not specified/);
    assertUsageError(await runs.badAccount!, /--account <id>.*'abc' is invalid/);
    assertUsageError(await runs.badExpiry!, /--expires <validity>.*'2w' is invalid.*30d, 90d, 1y, never/);
    assertUsageError(await runs.badKeyId!, /^error: the key id must be a positive integer, got "abc"/);
  });
});

for (const dialect of testDialects()) {
  describe(`leadgate CLI [${dialect}]`, () => {
    let testDb: TestDatabase;
    let database: Database;
    let run: (...args: string[]) => Promise<Run>;
    let accountId: number;
    // Runs that need only the migrated schema or the account start as soon as they can, so the
    // spawns overlap; each test awaits its own.
    let refused: Promise<Run[]>;
    let creates: Promise<[Run, Run, Run]>;
    const keys: { id: number; token: string }[] = [];

    before(async () => {
      testDb = await createTestDatabase(dialect);
      database = openDatabase(testDb.config);
      run = (...args) => leadgate(testDb.url, args);
    });
    after(async () => {
      await Promise.all([refused, creates]);
      await database.close();
      await testDb.drop();
    });

    it('migrate prints what it applied and exits 0', async () => {
      const res = await run('migrate');
      const applied = await database.db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never).execute() as { name: string }[];
      assert.equal(applied[0]?.name, '0001-core');
      assert.deepEqual(res, { status: 0, stdout: `applied: ${applied.map((m) => m.name).join(', ')}\n`, stderr: '' });
      const tables = await database.db.introspection.getTables();
      for (const table of ['accounts', 'users', 'api_keys', 'contacts', 'capture_log']) assert.ok(tables.some((t) => t.name === table), table);
      refused = Promise.all([
        run('keys', 'create', '--account', '1', '--scopes', 'foo'),
        run('accounts', 'create', '--name', 'Nowhere', '--country', 'XX'),
        run('users', 'create', '--account', '999999', '--name', 'Nobody'),
        run('keys', 'revoke', '3000000000'),
        run('keys', 'list', '--account', '999999'),
      ]);
    });

    it('accounts create --name Acme --country VN --json', async () => {
      const res = await run('accounts', 'create', '--name', 'Acme', '--country', 'VN', '--json');
      assert.equal(res.status, 0, res.stderr);
      const out = JSON.parse(res.stdout);
      accountId = out.id;
      creates = Promise.all([
        run('users', 'create', '--account', String(accountId), '--name', 'Ann Agent', '--email', 'ann@example.com', '--json'),
        run('keys', 'create', '--account', String(accountId), '--json'),
        run('keys', 'create', '--account', String(accountId), '--scopes', 'admin', '--expires', '30d', '--name', 'n', '--json'),
      ]);
      assert.deepEqual(out, { id: accountId, name: 'Acme', country: 'VN' });
      const row = await database.db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
      assert.deepEqual([row.name, row.default_country], ['Acme', 'VN']);
    });

    it('users create --account ID --name N --email E --json', async () => {
      const [res] = await creates;
      assert.equal(res.status, 0, res.stderr);
      const out = JSON.parse(res.stdout);
      assert.deepEqual(out, { id: out.id, account_id: accountId, name: 'Ann Agent', email: 'ann@example.com' });
      const row = await database.db.selectFrom('users').selectAll().where('id', '=', out.id).executeTakeFirstOrThrow();
      assert.deepEqual([row.account_id, row.name, row.email, row.status], [accountId, 'Ann Agent', 'ann@example.com', 'offline']);
    });

    it('keys create: default scopes, token printed once and stored only as its SHA-256; --scopes/--expires/--name set', async () => {
      const [, plain, admin] = await creates;
      for (const res of [plain, admin]) {
        assert.equal(res.status, 0, res.stderr);
        const out = JSON.parse(res.stdout);
        assert.match(out.token, new RegExp(`^${TOKEN.source}$`));
        assert.equal(out.token_hash, undefined);
        const row = await database.db.selectFrom('api_keys').selectAll().where('id', '=', out.id).executeTakeFirstOrThrow();
        assert.equal(row.token_hash, createHash('sha256').update(out.token).digest('hex'));
        assert.ok(!JSON.stringify(row).includes(out.token), 'the token appears nowhere in its row');
        assert.ok(out.token.startsWith(row.prefix) && row.prefix.length < 16, `prefix ${row.prefix}`);
        keys.push({ id: out.id, token: out.token });
      }
      const rowOf = (id: number) => database.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const [p, a] = await Promise.all(keys.map((k) => rowOf(k.id)));
      assert.ok(p && a);
      assert.deepEqual([p.name, p.scopes, p.status, p.expires_at, p.account_id], ['API key', 'leads:write,contacts:read', 'active', null, accountId]);
      assert.deepEqual([a.name, a.scopes, a.status], ['n', 'admin', 'active']);
      assert.equal(Date.parse(a.expires_at!), Date.parse(a.created_at) + 30 * 86_400_000);
      assert.deepEqual(JSON.parse(admin.stdout).scopes, ['admin']);
      assert.deepEqual(JSON.parse(plain.stdout).scopes, ['leads:write', 'contacts:read']);
    });

    it('keys list (table and --json) shows name, prefix, scopes and status, never a token', async () => {
      const [table, json] = await Promise.all([
        run('keys', 'list', '--account', String(accountId)),
        run('keys', 'list', '--account', String(accountId), '--json'),
      ]);
      assert.equal(table.status, 0, table.stderr);
      assert.equal(json.status, 0, json.stderr);
      const rows = await database.db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
      const lines = table.stdout.trimEnd().split('\n');
      assert.match(lines[0]!, /^ID\s+NAME\s+PREFIX\s+SCOPES\s+STATUS\b/);
      assert.equal(lines.length, 1 + rows.length);
      rows.forEach((row, i) => {
        const cells = lines[i + 1]!.split(/\s{2,}/);
        assert.deepEqual(cells.slice(0, 5), [String(row.id), row.name, `${row.prefix}…`, row.scopes, 'active']);
      });
      assert.deepEqual(JSON.parse(json.stdout), rows.map((r) => ({
        id: r.id, account_id: r.account_id, user_id: r.user_id, name: r.name, prefix: r.prefix, scopes: r.scopes.split(','),
        status: r.status, expires_at: r.expires_at, rate_limit: r.rate_limit, last_used_at: r.last_used_at, created_at: r.created_at,
      })));
      for (const out of [table.stdout, json.stdout]) {
        assert.doesNotMatch(out, TOKEN);
        for (const row of rows) assert.ok(!out.includes(row.token_hash), 'no hash either');
      }
    });

    it('keys revoke ID: the key gets 401 from the HTTP app at once', async () => {
      const app = await buildApp({ services: createServices(database.db) });
      try {
        const post = () => app.inject({ method: 'POST', url: '/api/v1/webhook/forms', payload: { api_token: keys[0]!.token, phone_number: '8181234567' } });
        const ok = await post();
        assert.equal(ok.statusCode, 201, ok.body);
        const res = await run('keys', 'revoke', String(keys[0]!.id));
        assert.deepEqual(res, { status: 0, stdout: `key ${keys[0]!.id} is revoked\n`, stderr: '' });
        const row = await database.db.selectFrom('api_keys').select(['status', 'revoked_at']).where('id', '=', keys[0]!.id).executeTakeFirstOrThrow();
        assert.equal(row.status, 'revoked');
        assert.ok(row.revoked_at);
        const refused = await post();
        assert.equal(refused.statusCode, 401, refused.body);
        assert.deepEqual(refused.json(), { message: 'Unauthenticated.' });
      } finally {
        await app.close();
      }
    });

    it('values the service refuses, an account or key that does not exist: status 2, one line on stderr, nothing written', async () => {
      const [scopes, country, noAccount, , listNoAccount] = await refused;
      assertUsageError(scopes!, /^error: --scopes is invalid \(in: foo\)/);
      assertUsageError(country!, /^error: --country is invalid/);
      assertUsageError(noAccount!, /^error: No account 999999\./);
      assertUsageError(listNoAccount!, /^error: No account 999999\./);
      assert.equal((await database.db.selectFrom('accounts').select('id').where('name', '=', 'Nowhere').execute()).length, 0);
      assert.equal((await database.db.selectFrom('users').select('id').where('name', '=', 'Nobody').execute()).length, 0);
      assert.equal((await database.db.selectFrom('api_keys').select('id').where('scopes', 'like', '%foo%').execute()).length, 0);
    });

    // Ids are int4 on PostgreSQL: a larger id names no key rather than reaching the driver.
    it('keys revoke of a key that does not exist (an id past the largest integer id) -> status 2', async () => {
      const [, , , bigId] = await refused;
      assertUsageError(bigId!, /^error: No API key 3000000000\./);
    });

    if (dialect === 'postgres') {
      // Kysely's migration tables must live in the connection's own schema, not be found in another one.
      it('migrate works in a fresh schema while another schema of the same database is migrated already', async () => {
        const fresh = await createTestDatabase('postgres');
        try {
          const res = await leadgate(fresh.url, ['migrate']);
          assert.equal(res.status, 0, res.stderr);
          assert.match(res.stdout, /^applied: 0001-core/);
        } finally {
          await fresh.drop();
        }
      });
    }
  });
}
