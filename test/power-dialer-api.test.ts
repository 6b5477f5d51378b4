// An agent's power-dialer queue through the management API: dialing order (ascending position)
// with 1-based places, each item with its whole contact; taking a contact out of the queue.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { apiClient, assertProblem, ok, type ApiClient } from './support/management-api.js';

for (const dialect of testDialects()) {
  describe(`power dialer API [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let api: ApiClient;
    let other: ApiClient;
    let agentId: number;
    const contacts: number[] = [];
    const added: string[] = [];

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
      api = apiClient(h, await h.key(t.accountId, ['admin']));
      other = apiClient(h, await h.key((await h.tenant()).accountId, ['admin']));
      agentId = ok(await api.post('/v1/users', { name: 'Dialer Dan', status: 'available' }), 201).id;
      for (const [i, phone] of ['2125550101', '2125550102', '2125550103', '2125550104'].entries()) {
        const res = await h.aloware({ api_token: t.token, phone_number: phone, name: `Lead ${i}`, user_id: agentId });
        assert.equal(res.statusCode, 201, res.body);
        contacts.push(res.json().contact_id);
      }
      // Positions as top/bottom insertion leaves them: any integers, dialing order ascending.
      const positions = [5, -2, 0, 9];
      for (const [i, contactId] of contacts.entries()) {
        added.push(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
        await h.db.insertInto('power_dialer_items').values({ account_id: t.accountId, user_id: agentId, contact_id: contactId, position: positions[i]!, created_at: added[i]! }).execute();
      }
    });
    after(() => h.close());

    it('GET lists the queue in dialing order with 1-based places and the contact as GET /v1/contacts/:id shows it', async () => {
      const body = ok(await api.get(`/v1/users/${agentId}/power-dialer`));
      const order = [1, 2, 0, 3];
      assert.deepEqual(body.data.map((item: { position: number; contact: { id: number } }) => [item.position, item.contact.id]), order.map((c, i) => [i + 1, contacts[c]]));
      const first = body.data[0];
      assert.deepEqual(Object.keys(first), ['position', 'contact', 'added_at']);
      assert.equal(first.added_at, added[1]);
      assert.deepEqual(first.contact, ok(await api.get(`/v1/contacts/${contacts[1]}`)));
      assert.equal(first.contact.user_id, agentId);
    });

    it('limit and offset page through the queue; places count from its head', async () => {
      const page = ok(await api.get(`/v1/users/${agentId}/power-dialer`, { limit: '2', offset: '1' }));
      assert.deepEqual(page.data.map((i: { position: number; contact: { id: number } }) => [i.position, i.contact.id]), [[2, contacts[2]], [3, contacts[0]]]);
      assertProblem(await api.get(`/v1/users/${agentId}/power-dialer`, { limit: '0' }), 400, 'VALIDATION_FAILED', [{ field: 'limit', rule: 'in' }]);
    });

    it('an agent with an empty queue has an empty list; another account\'s agent is a 404', async () => {
      assert.deepEqual(ok(await api.get(`/v1/users/${t.userId}/power-dialer`)), { data: [] });
      assert.equal(assertProblem(await other.get(`/v1/users/${agentId}/power-dialer`), 404, 'NOT_FOUND').detail, `No user ${agentId}.`);
      assertProblem(await other.delete(`/v1/users/${agentId}/power-dialer/${contacts[0]}`), 404, 'NOT_FOUND');
      const left = await h.db.selectFrom('power_dialer_items').select('contact_id').where('user_id', '=', agentId).execute();
      assert.equal(left.length, 4, 'the other account removed nothing');
    });

    it('DELETE takes one contact out of the queue; the rest keep their order; a contact not queued is a 404', async () => {
      const res = await api.delete(`/v1/users/${agentId}/power-dialer/${contacts[2]}`);
      assert.equal(res.statusCode, 204, res.body);
      const rows = await h.db.selectFrom('power_dialer_items').select('contact_id').where('user_id', '=', agentId).orderBy('position').execute();
      assert.deepEqual(rows.map((r) => r.contact_id), [contacts[1], contacts[0], contacts[3]]);
      const body = ok(await api.get(`/v1/users/${agentId}/power-dialer`));
      assert.deepEqual(body.data.map((i: { position: number }) => i.position), [1, 2, 3]);
      assert.ok(await h.db.selectFrom('contacts').select('id').where('id', '=', contacts[2]!).executeTakeFirst(), 'the contact itself stays');
      const again = assertProblem(await api.delete(`/v1/users/${agentId}/power-dialer/${contacts[2]}`), 404, 'NOT_FOUND');
      assert.equal(again.detail, `Contact ${contacts[2]} is not in user ${agentId}'s power-dialer queue.`);
      assertProblem(await api.delete(`/v1/users/${t.userId}/power-dialer/${contacts[0]}`), 404, 'NOT_FOUND');
    });
  });
}
