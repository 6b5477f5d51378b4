// The CLI writing to the database a server is busy with (pruning the capture log, creating a user
// and a key) costs no capture: every lead posted meanwhile is answered 201.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, testDialects, type TestDatabase } from './support/databases.js';
import { firstAccountKey, leadgateAsync, startServer, type ServerProcess } from './support/processes.js';
import { streamLeads } from './support/lead-stream.js';
import { openDatabase } from '../src/db/database.js';

for (const dialect of testDialects()) {
  describe(`the CLI beside a busy server [${dialect}]`, () => {
    let testDb: TestDatabase;
    let node: ServerProcess | undefined;
    after(async () => {
      await node?.stop('SIGKILL');
      await testDb?.drop();
    });

    it('prune-log, users create and keys create while leads arrive: every lead is a 201', async () => {
      testDb = await createTestDatabase(dialect);
      const env = { DATABASE_URL: testDb.url, LEADGATE_RATE_LIMIT: '1000000/1s' };
      node = await startServer(env);
      const token = await firstAccountKey(testDb, ['leads:write']);
      // Old entries for prune-log to delete, in several batches of its own transactions.
      const database = openDatabase(testDb.config);
      try {
        const old = { account_id: null, api_key_id: null, request_id: 'old', dialect: 'aloware', outcome: 'created', status: 201, contact_id: null, warnings: '[]', error: null, payload: 'x'.repeat(300), created_at: '2021-01-01T00:00:00.000Z' };
        for (let i = 0; i < 12; i++) await database.db.insertInto('capture_log').values(Array.from({ length: 2_500 }, () => old)).execute();
      } finally {
        await database.close();
      }

      const leads = streamLeads(`${node.url}/api/v1/webhook/forms`, token, { firstNumber: 300_000 });
      await new Promise((r) => setTimeout(r, 300));
      const cli = { DATABASE_URL: testDb.url };
      const pruned = await leadgateAsync(['prune-log', '--older-than', '30d', '--json'], cli);
      const user = await leadgateAsync(['users', 'create', '--account', '1', '--name', 'Zed'], cli);
      const key = await leadgateAsync(['keys', 'create', '--account', '1', '--json'], cli);
      await leads.stop();
      const { statuses } = leads;

      assert.equal(pruned.status, 0, pruned.stderr);
      assert.equal(JSON.parse(pruned.stdout).deleted, 30_000);
      assert.equal(user.status, 0, user.stderr);
      assert.equal(key.status, 0, key.stderr);
      assert.ok(statuses.length > 100, `only ${statuses.length} leads were posted`);
      const refused = statuses.filter((s) => s !== 201);
      assert.deepEqual(refused, [], `${refused.length} of ${statuses.length} leads were not accepted`);
    });
  });
}
