// The users (agents) API: create, list, read, change, delete, with its 400s and 404s.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { apiClient, assertProblem, ok, TIMESTAMP, type ApiClient } from './support/management-api.js';

for (const dialect of testDialects()) {
  describe(`users API [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let api: ApiClient;
    let other: ApiClient;
    let otherUserId: number;

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
      api = apiClient(h, await h.key(t.accountId, ['admin']));
      const o = await h.tenant();
      otherUserId = o.userId;
      other = apiClient(h, await h.key(o.accountId, ['admin']));
    });
    after(() => h.close());

    it('POST creates a user, offline by default, and stores it in the key\'s account', async () => {
      const body = ok(await api.post('/v1/users', { name: '  Bob Busy ', email: 'bob@example.com' }), 201);
      assert.deepEqual(body, { id: body.id, name: 'Bob Busy', email: 'bob@example.com', status: 'offline', created_at: body.created_at, updated_at: body.created_at });
      assert.match(body.created_at, TIMESTAMP);
      const row = await h.db.selectFrom('users').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { id: body.id, account_id: t.accountId, name: 'Bob Busy', email: 'bob@example.com', status: 'offline', created_at: body.created_at, updated_at: body.created_at });
      const available = ok(await api.post('/v1/users', { name: 'Ava', status: 'available' }), 201);
      assert.deepEqual([available.status, available.email], ['available', null]);
    });

    it('GET lists only the account\'s users, oldest first; GET /:id reads one', async () => {
      const list = ok(await api.get('/v1/users')).data;
      const rows = await h.db.selectFrom('users').selectAll().where('account_id', '=', t.accountId).orderBy('id').execute();
      assert.deepEqual(list.map((u: { id: number }) => u.id), rows.map((r) => r.id));
      assert.ok(!list.some((u: { id: number }) => u.id === otherUserId));
      assert.deepEqual(ok(await api.get(`/v1/users/${t.userId}`)), list[0]);
      assert.deepEqual(Object.keys(list[0]), ['id', 'name', 'email', 'status', 'created_at', 'updated_at']);
    });

    it('PATCH changes the fields sent, clears the email with null, and moves updated_at only on a change', async () => {
      const user = ok(await api.post('/v1/users', { name: 'Pat', email: 'pat@example.com' }), 201);
      const same = ok(await api.patch(`/v1/users/${user.id}`, { name: 'Pat', status: 'offline' }));
      assert.deepEqual(same, user, 'nothing changed');
      const changed = ok(await api.patch(`/v1/users/${user.id}`, { status: 'on_break', email: null }));
      assert.deepEqual({ ...changed, updated_at: 'x' }, { ...user, status: 'on_break', email: null, updated_at: 'x' });
      assert.ok(changed.updated_at >= user.updated_at);
      const row = await h.db.selectFrom('users').select(['name', 'email', 'status', 'updated_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { name: 'Pat', email: null, status: 'on_break', updated_at: changed.updated_at });
    });

    it('400 names every bad field', async () => {
      assertProblem(await api.post('/v1/users', { email: 'nope', status: 'asleep' }), 400, 'VALIDATION_FAILED', [
        { field: 'name', rule: 'required' }, { field: 'status', rule: 'in' },
      ]);
      const bad = assertProblem(await api.post('/v1/users', { name: 'X', email: 'not-an-email' }), 400, 'VALIDATION_FAILED', [{ field: 'email', rule: 'email' }]);
      assert.equal(bad.errors[0].detail, 'email must be a valid email address');
      assertProblem(await api.post('/v1/users', { name: '   ' }), 400, 'VALIDATION_FAILED', [{ field: 'name', rule: 'required' }]);
      assertProblem(await api.patch(`/v1/users/${t.userId}`, { status: 'napping' }), 400, 'VALIDATION_FAILED', [{ field: 'status', rule: 'in' }]);
      assertProblem(await api.get('/v1/users/abc'), 400, 'VALIDATION_FAILED', [{ field: 'id', rule: 'integer' }]);
    });

    it('another account\'s user, or one that never existed, is a 404 for every verb', async () => {
      for (const res of [
        await other.get(`/v1/users/${t.userId}`),
        await other.patch(`/v1/users/${t.userId}`, { status: 'busy' }),
        await other.delete(`/v1/users/${t.userId}`),
      ]) {
        const body = assertProblem(res, 404, 'NOT_FOUND');
        assert.equal(body.detail, `No user ${t.userId}.`);
      }
      assertProblem(await api.get('/v1/users/2147483648'), 404, 'NOT_FOUND');
      const row = await h.db.selectFrom('users').select('status').where('id', '=', t.userId).executeTakeFirstOrThrow();
      assert.equal(row.status, 'offline', 'the other account changed nothing');
    });

    it('DELETE removes the user: 204, its contacts keep no owner, and it is gone', async () => {
      const user = ok(await api.post('/v1/users', { name: 'Leaving' }), 201);
      const lead = await h.aloware({ api_token: t.token, phone_number: '2125550177', user_id: user.id });
      assert.equal(lead.statusCode, 201, lead.body);
      const res = await api.delete(`/v1/users/${user.id}`);
      assert.equal(res.statusCode, 204, res.body);
      assert.equal(res.body, '');
      assert.equal(await h.db.selectFrom('users').select('id').where('id', '=', user.id).executeTakeFirst(), undefined);
      const contact = await h.db.selectFrom('contacts').select('user_id').where('id', '=', lead.json().contact_id).executeTakeFirstOrThrow();
      assert.equal(contact.user_id, null);
      assertProblem(await api.delete(`/v1/users/${user.id}`), 404, 'NOT_FOUND');
    });
  });
}
