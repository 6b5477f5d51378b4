// The ring-groups API: layers of members stored in order, the round-robin pointer kept when a
// layer's members do not change, members checked against the account, 404s across accounts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { apiClient, assertProblem, ok, TIMESTAMP, type ApiClient } from './support/management-api.js';

for (const dialect of testDialects()) {
  describe(`ring groups API [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let api: ApiClient;
    let other: ApiClient;
    let otherUserId: number;
    let users: number[];

    /** The stored layers of a group: position, strategy, pointer and members in order. */
    const stored = async (groupId: number) => {
      const layers = await h.db.selectFrom('ring_group_layers').selectAll().where('ring_group_id', '=', groupId).orderBy('position').execute();
      const members = layers.length ? await h.db.selectFrom('ring_group_members').selectAll().where('layer_id', 'in', layers.map((l) => l.id)).orderBy('position').execute() : [];
      return layers.map((l) => ({
        id: l.id, position: l.position, strategy: l.strategy, last_user_id: l.last_user_id,
        members: members.filter((m) => m.layer_id === l.id).map((m) => [m.position, m.user_id]),
      }));
    };

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
      api = apiClient(h, await h.key(t.accountId, ['admin']));
      users = [t.userId];
      for (const name of ['B', 'C', 'D']) users.push(ok(await api.post('/v1/users', { name }), 201).id);
      const o = await h.tenant();
      otherUserId = o.userId;
      other = apiClient(h, await h.key(o.accountId, ['admin']));
    });
    after(() => h.close());

    it('POST stores the layers and members in order and answers the group', async () => {
      const [a, b, c, d] = users as [number, number, number, number];
      const body = ok(await api.post('/v1/ring-groups', {
        name: 'Sales', layers: [{ strategy: 'round_robin', user_ids: [c, a, b] }, { strategy: 'random', user_ids: [d] }],
      }), 201);
      assert.deepEqual(body, {
        id: body.id, name: 'Sales',
        layers: [{ strategy: 'round_robin', user_ids: [c, a, b] }, { strategy: 'random', user_ids: [d] }],
        created_at: body.created_at, updated_at: body.created_at,
      });
      assert.match(body.created_at, TIMESTAMP);
      const group = await h.db.selectFrom('ring_groups').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
      assert.deepEqual([group.account_id, group.name], [t.accountId, 'Sales']);
      assert.deepEqual((await stored(body.id)).map(({ id: _id, ...rest }) => rest), [
        { position: 1, strategy: 'round_robin', last_user_id: null, members: [[1, c], [2, a], [3, b]] },
        { position: 2, strategy: 'random', last_user_id: null, members: [[1, d]] },
      ]);
      assert.deepEqual(ok(await api.get(`/v1/ring-groups/${body.id}`)), body);
      assert.deepEqual(ok(await api.get('/v1/ring-groups')).data, [body]);
    });

    it('PATCH keeps the round-robin pointer of a layer whose members are unchanged, and resets a changed one', async () => {
      const [a, b, c, d] = users as [number, number, number, number];
      const group = ok(await api.post('/v1/ring-groups', {
        name: 'Support', layers: [{ strategy: 'round_robin', user_ids: [a, b] }, { strategy: 'round_robin', user_ids: [c, d] }, { strategy: 'random', user_ids: [a] }],
      }), 201);
      const before = await stored(group.id);
      await h.db.updateTable('ring_group_layers').set({ last_user_id: b }).where('id', '=', before[0]!.id).execute();
      await h.db.updateTable('ring_group_layers').set({ last_user_id: c }).where('id', '=', before[1]!.id).execute();

      const body = ok(await api.patch(`/v1/ring-groups/${group.id}`, {
        name: 'Support 2', layers: [{ strategy: 'round_robin', user_ids: [a, b] }, { strategy: 'round_robin', user_ids: [d, c] }],
      }));
      assert.deepEqual(body, {
        id: group.id, name: 'Support 2', layers: [{ strategy: 'round_robin', user_ids: [a, b] }, { strategy: 'round_robin', user_ids: [d, c] }],
        created_at: group.created_at, updated_at: body.updated_at,
      });
      const after = await stored(group.id);
      assert.deepEqual(after, [
        { id: before[0]!.id, position: 1, strategy: 'round_robin', last_user_id: b, members: [[1, a], [2, b]] },
        { id: before[1]!.id, position: 2, strategy: 'round_robin', last_user_id: null, members: [[1, d], [2, c]] },
      ], 'layer 1 keeps its turn, layer 2 starts over, layer 3 is gone');
      const name = ok(await api.patch(`/v1/ring-groups/${group.id}`, { name: 'Support 3' }));
      assert.deepEqual(name.layers, body.layers, 'a rename leaves the layers alone');
      assert.deepEqual(await stored(group.id), after);
      const grown = ok(await api.patch(`/v1/ring-groups/${group.id}`, { layers: [...body.layers, { strategy: 'random', user_ids: [c] }] }));
      assert.equal(grown.layers.length, 3);
      assert.equal((await stored(group.id))[0]!.last_user_id, b);
    });

    it('a member that is not a user of the account is a 400 naming its place; nothing is written', async () => {
      const [a] = users as [number];
      const count = async () => Number((await h.db.selectFrom('ring_groups').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const res = await api.post('/v1/ring-groups', { name: 'Bad', layers: [{ strategy: 'random', user_ids: [a] }, { strategy: 'round_robin', user_ids: [a, otherUserId, 999999] }] });
      const body = assertProblem(res, 400, 'VALIDATION_FAILED', [
        { field: 'layers.1.user_ids.1', rule: 'in' }, { field: 'layers.1.user_ids.2', rule: 'in' },
      ]);
      assert.equal(body.errors[0].detail, 'layers.1.user_ids.1 is not one of the allowed values');
      assert.equal(await count(), before);
    });

    it('400 for a bad shape: no layers, an unknown strategy, an empty or repeated member list, a missing name', async () => {
      const [a] = users as [number];
      assertProblem(await api.post('/v1/ring-groups', { name: 'X', layers: [] }), 400, 'VALIDATION_FAILED', [{ field: 'layers', rule: 'in' }]);
      assertProblem(await api.post('/v1/ring-groups', { layers: [{ strategy: 'weighted', user_ids: [] }] }), 400, 'VALIDATION_FAILED', [
        { field: 'name', rule: 'required' }, { field: 'layers.0.strategy', rule: 'in' }, { field: 'layers.0.user_ids', rule: 'in' },
      ]);
      assertProblem(await api.post('/v1/ring-groups', { name: 'X', layers: [{ strategy: 'random', user_ids: [a, a] }] }), 400, 'VALIDATION_FAILED', [{ field: 'layers.0.user_ids', rule: 'in' }]);
      const group = ok(await api.post('/v1/ring-groups', { name: 'Ok', layers: [{ strategy: 'random', user_ids: [a] }] }), 201);
      assertProblem(await api.patch(`/v1/ring-groups/${group.id}`, { layers: [{ strategy: 'random', user_ids: [otherUserId] }] }), 400, 'VALIDATION_FAILED', [{ field: 'layers.0.user_ids.0', rule: 'in' }]);
      assert.deepEqual(ok(await api.get(`/v1/ring-groups/${group.id}`)).layers, [{ strategy: 'random', user_ids: [a] }], 'a refused PATCH changes nothing');
    });

    it('another account\'s ring group is a 404; DELETE removes a group with its layers and members', async () => {
      const [a, b] = users as [number, number];
      const group = ok(await api.post('/v1/ring-groups', { name: 'Gone', layers: [{ strategy: 'round_robin', user_ids: [a, b] }] }), 201);
      for (const res of [
        await other.get(`/v1/ring-groups/${group.id}`),
        await other.patch(`/v1/ring-groups/${group.id}`, { name: 'Mine' }),
        await other.delete(`/v1/ring-groups/${group.id}`),
      ]) assert.equal(assertProblem(res, 404, 'NOT_FOUND').detail, `No ring group ${group.id}.`);
      assert.deepEqual(ok(await other.get('/v1/ring-groups')).data, []);
      const layerIds = (await stored(group.id)).map((l) => l.id);
      const res = await api.delete(`/v1/ring-groups/${group.id}`);
      assert.equal(res.statusCode, 204, res.body);
      assert.equal(await h.db.selectFrom('ring_groups').select('id').where('id', '=', group.id).executeTakeFirst(), undefined);
      assert.deepEqual(await stored(group.id), []);
      assert.deepEqual(await h.db.selectFrom('ring_group_members').select('id').where('layer_id', 'in', layerIds).execute(), []);
      assertProblem(await api.get(`/v1/ring-groups/${group.id}`), 404, 'NOT_FOUND');
    });

    it('a deleted user leaves the layers it was in', async () => {
      const leaving = ok(await api.post('/v1/users', { name: 'Temp' }), 201).id;
      const [a] = users as [number];
      const group = ok(await api.post('/v1/ring-groups', { name: 'Churn', layers: [{ strategy: 'round_robin', user_ids: [leaving, a] }] }), 201);
      assert.equal((await api.delete(`/v1/users/${leaving}`)).statusCode, 204);
      assert.deepEqual(ok(await api.get(`/v1/ring-groups/${group.id}`)).layers, [{ strategy: 'round_robin', user_ids: [a] }]);
    });
  });
}
