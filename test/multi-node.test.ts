// Several stateless nodes on one PostgreSQL database: two real `leadgate serve` processes,
// started at the same moment on an empty schema, must behave as one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { startServer, type ServerProcess } from './support/processes.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { createServices } from '../src/services.js';
import { agent, named, ringGroup } from './support/routing-fixtures.js';

const postgres = !!process.env.TEST_DATABASE_URL;

describe('two nodes on one database [postgres]', { skip: postgres ? false : 'TEST_DATABASE_URL is not set' }, () => {
  let testDb: TestDatabase;
  let nodes: ServerProcess[] = [];
  let database: Database;
  let token: string;
  let accountId: number;
  let phone = 4_155_550_100;

  const post = (node: ServerProcess, body: Record<string, unknown>) =>
    fetch(`${node.url}/v1/leads`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
      .then(async (r) => ({ status: r.status, body: await r.json() as Record<string, any> }));

  before(async () => {
    testDb = await createTestDatabase('postgres');
    const env = { DATABASE_URL: testDb.url, LEADGATE_RATE_LIMIT: '1000000/1s' };
    // Both start on an empty schema at once: migrations and the first-start account run once.
    nodes = await Promise.all([startServer(env), startServer(env)]);
    database = openDatabase(testDb.config);
    const accounts = await database.db.selectFrom('accounts').select('id').execute();
    assert.equal(accounts.length, 1, 'one first-start account for two nodes');
    accountId = accounts[0]!.id;
    token = (await createServices(database.db).apiKeys.create({ accountId, scopes: ['leads:write'] })).token;
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
    await database?.close();
    await testDb?.drop();
  });

  it('makes one contact per number when both nodes get it at the same moment, with exactly one 201', async () => {
    for (let round = 0; round < 40; round++) {
      const number = String(++phone);
      const answers = await Promise.all([post(nodes[0]!, { phone_number: number }), post(nodes[1]!, { phone_number: `+1${number}` }), post(nodes[round % 2]!, { phone_number: number })]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 201], `round ${round}`);
      assert.equal(new Set(answers.map((a) => a.body.contact_id)).size, 1);
    }
    const perNumber = await database.db.selectFrom('contact_phone_numbers').select(({ fn }) => ['phone_number', fn.countAll<number>().as('n')])
      .where('account_id', '=', accountId).groupBy('phone_number').having(({ fn }) => fn.countAll(), '>', 1).execute();
    assert.deepEqual(perNumber, []);
    const contacts = await database.db.selectFrom('contacts').select(({ fn }) => fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    assert.equal(Number(contacts.n), 40);
  });

  it('shares one round robin between the nodes: 300 leads, 50 at a time, 100 each', async () => {
    const members = [await agent(database, accountId, 'N1'), await agent(database, accountId, 'N2'), await agent(database, accountId, 'N3')];
    const group = await ringGroup(database, accountId, [{ strategy: 'round_robin', userIds: members }]);
    const counts = new Map<number, number>();
    for (let batch = 0; batch < 6; batch++) {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
        post(nodes[i % 2]!, { phone_number: String(++phone), distribute_to_ring_group: true, ring_group_id: group, check_available_users: true })));
      for (const a of answers) {
        assert.equal(a.status, 201);
        counts.set(a.body.owner.user_id, (counts.get(a.body.owner.user_id) ?? 0) + 1);
      }
    }
    assert.deepEqual(members.map((m) => counts.get(m)), [100, 100, 100]);
  });

  it('keeps dialer positions and sequence enrollment consistent under concurrent captures', async () => {
    const owner = await agent(database, accountId, 'Dialer');
    const [s1, s2] = [await named(database, 'sequences', accountId, 'A'), await named(database, 'sequences', accountId, 'B')];
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      post(nodes[i % 2]!, { phone_number: String(++phone), user_id: owner, add_to_powerdialer: true, powerdialer_position: i % 3 ? 'bottom' : 'top', sequence_id: s1 })));
    assert.ok(answers.every((a) => a.status === 201));
    const items = await database.db.selectFrom('power_dialer_items').select(['contact_id', 'position']).where('user_id', '=', owner).execute();
    assert.equal(items.length, 60);
    assert.equal(new Set(items.map((i) => i.position)).size, 60, 'no two contacts share a place');
    assert.equal(new Set(items.map((i) => i.contact_id)).size, 60);

    // One number, both nodes, two sequences at once: it ends in exactly one of them.
    const number = String(++phone);
    const race = await Promise.all([post(nodes[0]!, { phone_number: number, sequence_id: s1 }), post(nodes[1]!, { phone_number: number, sequence_id: s2 })]);
    assert.deepEqual(race.map((r) => r.status).sort(), [200, 201]);
    const enrollments = await database.db.selectFrom('sequence_enrollments').select('sequence_id').where('contact_id', '=', race[0]!.body.contact_id).execute();
    assert.equal(enrollments.length, 1);
    const winner = race.find((r) => r.status === 201)!.body.sequence.id;
    assert.equal(enrollments[0]!.sequence_id, winner, 'the second capture did not move it without force_update_sequence');
  });
});
