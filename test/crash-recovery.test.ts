// kill -9 in the middle of a load: after a restart every lead that was acknowledged is there,
// once, and the database is intact. A 2xx is only sent after the commit that holds the lead.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, testDialects, type TestDatabase } from './support/databases.js';
import { firstAccountKey, startServer, type ServerProcess } from './support/processes.js';
import { streamLeads } from './support/lead-stream.js';
import { openDatabase } from '../src/db/database.js';

for (const dialect of testDialects()) {
  describe(`crash recovery [${dialect}]`, () => {
    let testDb: TestDatabase;
    let node: ServerProcess | undefined;
    after(async () => {
      await node?.stop('SIGKILL');
      await testDb?.drop();
    });

    it('keeps every acknowledged lead, once, through a SIGKILL under load', async () => {
      testDb = await createTestDatabase(dialect);
      const env = { DATABASE_URL: testDb.url, LEADGATE_RATE_LIMIT: '1000000/1s' };
      node = await startServer(env);
      const token = await firstAccountKey(testDb, ['leads:write']);

      const leads = streamLeads(`${node.url}/api/v1/webhook/forms`, token, { firstNumber: 200_000, fields: { notes: 'crash test' } });
      const { acknowledged } = leads;
      while (acknowledged.size < 150) await new Promise((r) => setTimeout(r, 10));
      const stopped = leads.stop();
      await node.stop('SIGKILL');
      await stopped;
      assert.ok(acknowledged.size >= 150);

      node = await startServer(env);
      assert.equal((await fetch(`${node.url}/readyz`)).status, 200);
      const after = openDatabase(testDb.config);
      try {
        const stored = new Set((await after.db.selectFrom('contact_phone_numbers').select('phone_number').execute()).map((r) => r.phone_number));
        const missing = [...acknowledged].filter((p) => !stored.has(`+1${p}`));
        assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.size} acknowledged leads were lost`);
        const duplicated = await after.db.selectFrom('contacts').select('phone_number').groupBy('phone_number').having((eb) => eb.fn.countAll(), '>', 1).execute();
        assert.deepEqual(duplicated, []);
        const contacts = await after.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const logged = await after.db.selectFrom('capture_log').select((eb) => eb.fn.countAll<number>().as('n')).where('outcome', '=', 'created').executeTakeFirstOrThrow();
        assert.equal(Number(logged.n), Number(contacts.n), 'each stored contact has its log row: no capture is half-saved');
        if (dialect === 'sqlite') {
          const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(after.db);
          assert.deepEqual(rows, [{ integrity_check: 'ok' }]);
        }
        // The restarted node takes leads again, and knows the ones it had.
        const again = await fetch(`${node.url}/api/v1/webhook/forms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_token: token, phone_number: [...acknowledged][0] }) });
        assert.equal(again.status, 200);
      } finally {
        await after.close();
      }
    });
  });
}
