// `leadgate serve` as a real child process on a fresh SQLite file: the first-start banner, the
// vendor's curl example over real HTTP, tokens kept out of the log, and a clean SIGTERM.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { ServerProcess } from './support/processes.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { vendorExample } from './support/aloware-vendor-example.js';

const TOKEN = /lg_[A-Za-z0-9_-]{43}/;

const jsonHeaders = { 'Content-Type': 'application/json', Accept: 'application/json' };

describe('leadgate serve as a child process [sqlite]', () => {
  let testDb: TestDatabase;
  let database: Database;
  const servers: ServerProcess[] = [];
  let first: ServerProcess;
  let url: string;
  let token: string;
  const requestIds: string[] = [];

  before(async () => {
    testDb = await createTestDatabase('sqlite');
    first = new ServerProcess({ DATABASE_URL: testDb.url });
    servers.push(first);
    url = await first.ready();
    token = first.lines.join('\n').match(TOKEN)?.[0] ?? '';
    database = openDatabase(testDb.config);
  });
  after(async () => {
    for (const server of servers) server.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await database?.close();
    await testDb.drop();
  });

  it('the first start prints the key once and a ready-to-paste curl command', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(token, TOKEN);
    const port = new URL(url).port;
    assert.ok(first.lines.includes(`  ${token}`), 'the key on a line of its own');
    assert.ok(first.lines.some((l) => l.includes(`curl -X POST 'http://localhost:${port}/api/v1/webhook/forms'`)), 'curl command with the bound port');
    const dataRaw = first.lines.find((l) => l.trimStart().startsWith('--data-raw '));
    assert.ok(dataRaw, 'curl --data-raw line');
    assert.deepEqual(JSON.parse(dataRaw.trim().replace(/^--data-raw '/, '').replace(/'$/, '')),
      { api_token: token, phone_number: '8181234567', name: 'John Doe', email: 'john.doe@gmail.com' });
    const keys = await database.db.selectFrom('api_keys').selectAll().execute();
    assert.equal(keys.length, 1);
    assert.equal(keys[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
  });

  it('the vendor curl example: 201 Contact created, then the same number with api_token in the URL: 200', async () => {
    const created = await fetch(`${url}/api/v1/webhook/forms`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ api_token: token, ...vendorExample }) });
    const createdBody = await created.json() as { message: string; contact_id: number };
    assert.equal(created.status, 201, JSON.stringify(createdBody));
    assert.equal(createdBody.message, 'Contact created.');
    assert.ok(Number.isInteger(createdBody.contact_id));

    const again = await fetch(`${url}/api/v1/webhook/forms?api_token=${token}`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify(vendorExample) });
    const againBody = await again.json() as { message: string; contact_id: number };
    assert.equal(again.status, 200, JSON.stringify(againBody));
    assert.equal(againBody.message, 'Contact updated.');
    assert.equal(againBody.contact_id, createdBody.contact_id);

    for (const res of [created, again]) requestIds.push(res.headers.get('x-request-id') ?? '');
    const contacts = await database.db.selectFrom('contacts').selectAll().execute();
    assert.deepEqual(contacts.map((c) => [c.id, c.phone_number, c.name, c.email, c.date_of_birth, c.timezone]),
      [[createdBody.contact_id, '+18181234567', 'John Doe', 'john.doe@gmail.com', '1990-01-15', 'America/Los_Angeles']]);
  });

  it('every response carries an x-request-id, and its log line carries the same id', async () => {
    assert.equal(requestIds.length, 2);
    for (const id of requestIds) {
      assert.match(id, /^[A-Za-z0-9._:-]{8,128}$/);
      const log = await first.waitForLog(`request ${id}`, (l) => l.msg === 'request' && l.reqId === id);
      assert.equal(log.method, 'POST');
    }
    const queryLog = first.logs().find((l) => l.reqId === requestIds[1]);
    assert.equal(queryLog?.url, '/api/v1/webhook/forms?api_token=[REDACTED]');
  });

  it('no stdout line but the banner carries the token, nor does stderr', () => {
    const withToken = first.lines.filter((l) => l.includes(token));
    assert.equal(withToken.length, 2, withToken.join('\n'));
    assert.ok(withToken.every((l) => !l.startsWith('{')), 'only the banner (not a log line) shows the key');
    assert.ok(!first.stderr.includes(token));
  });

  it('a percent-encoded query key (api%5Ftoken) is redacted from the log as well', async () => {
    const res = await fetch(`${url}/api/v1/webhook/forms?api%5Ftoken=${token}`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ phone_number: '8181234568' }) });
    const id = res.headers.get('x-request-id') ?? '';
    const log = await first.waitForLog(`request ${id}`, (l) => l.msg === 'request' && l.reqId === id);
    assert.ok(!JSON.stringify(log).includes(token), JSON.stringify(log));
  });

  it('SIGTERM: the server shuts down and exits with code 0', async () => {
    first.kill('SIGTERM');
    assert.deepEqual(await first.exited, { code: 0, signal: null });
    assert.ok(first.logs().some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM'));
  });

  it('a second start on the same database prints no new key, and the first key still works', async () => {
    const second = new ServerProcess({ DATABASE_URL: testDb.url });
    servers.push(second);
    const secondUrl = await second.ready();
    assert.doesNotMatch(second.lines.join('\n'), /lg_[A-Za-z0-9_-]{8,}|first start/);
    assert.equal((await database.db.selectFrom('api_keys').select('id').execute()).length, 1);
    const res = await fetch(`${secondUrl}/api/v1/webhook/forms`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ api_token: token, phone_number: '8181234569' }) });
    assert.equal(res.status, 201, await res.text());
    second.kill('SIGTERM');
    assert.deepEqual(await second.exited, { code: 0, signal: null });
  });
});
