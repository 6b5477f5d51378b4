// Named prepared statements on PostgreSQL must survive a migration that adds columns while
// connections stay open (a rolling deploy): statements selecting `*` are never prepared by name,
// so their result type may change.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { Harness, type Tenant } from './support/harness.js';

describe('prepared statements across a schema change [postgres]', { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' }, () => {
  let h: Harness;
  let t: Tenant;
  before(async () => {
    h = await Harness.start('postgres');
    t = await h.tenant();
  });
  after(() => h.close());

  it('keeps capturing and reading on the same connections after columns are added', async () => {
    const send = (phone: string) => h.aloware({ api_token: t.token, phone_number: phone, notes: 'n' });
    // Warm every pooled connection with the capture path's statements.
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => send(`21255501${String(i).padStart(2, '0')}`)));
    assert.ok(first.every((r) => r.statusCode === 201));
    for (const table of ['contacts', 'api_keys', 'contact_phone_numbers', 'contact_notes', 'capture_log']) {
      await sql`alter table ${sql.table(table)} add column migrated_later text`.execute(h.db);
    }
    const again = await Promise.all(Array.from({ length: 20 }, (_, i) => send(`21255502${String(i).padStart(2, '0')}`)));
    assert.deepEqual(again.filter((r) => r.statusCode !== 201).map((r) => r.body), []);
    const updated = await Promise.all(first.map((_, i) => send(`21255501${String(i).padStart(2, '0')}`)));
    assert.ok(updated.every((r) => r.statusCode === 200));
    const read = await h.inject({ method: 'GET', url: `/v1/contacts/${again[0]!.json().contact_id}`, headers: { authorization: `Bearer ${t.token}` } });
    assert.equal(read.statusCode, 200);
  });
});
