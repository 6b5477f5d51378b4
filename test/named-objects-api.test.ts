// Tags, lines, disposition statuses and sequences: one generic API, so one suite runs over all
// four, plus what differs: a tag's name is unique ignoring case (409), a line's number is E.164.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { apiClient, assertProblem, ok, TIMESTAMP, type ApiClient } from './support/management-api.js';

const kinds = [
  { path: '/v1/tags', table: 'tags', noun: 'tag' },
  { path: '/v1/lines', table: 'lines', noun: 'line' },
  { path: '/v1/disposition-statuses', table: 'disposition_statuses', noun: 'disposition status' },
  { path: '/v1/sequences', table: 'sequences', noun: 'sequence' },
] as const;

for (const dialect of testDialects()) {
  describe(`tags, lines, disposition statuses and sequences API [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let api: ApiClient;
    let other: ApiClient;

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
      api = apiClient(h, await h.key(t.accountId, ['admin']));
      const o = await h.tenant({ country: 'VN' });
      other = apiClient(h, await h.key(o.accountId, ['admin']));
    });
    after(() => h.close());

    for (const kind of kinds) {
      it(`${kind.path}: create, list, get, rename, 404 for another account, delete`, async () => {
        const extra = kind.table === 'lines' ? { phone_number: null } : {};
        const created = ok(await api.post(kind.path, { name: ' First ' }), 201);
        assert.deepEqual(created, { id: created.id, name: 'First', ...extra, created_at: created.created_at, updated_at: created.created_at });
        assert.match(created.created_at, TIMESTAMP);
        const row = await h.db.selectFrom(kind.table).selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
        assert.deepEqual([row.account_id, row.name], [t.accountId, 'First']);
        if (kind.table === 'tags') assert.equal((row as { name_key?: string }).name_key, 'first');

        const second = ok(await api.post(kind.path, { name: 'Second' }), 201);
        assert.deepEqual(ok(await api.get(kind.path)), { data: [created, second] });
        assert.deepEqual(ok(await api.get(`${kind.path}/${created.id}`)), created);

        const renamed = ok(await api.patch(`${kind.path}/${created.id}`, { name: 'Renamed' }));
        assert.deepEqual({ ...renamed, updated_at: 'x' }, { ...created, name: 'Renamed', updated_at: 'x' });
        assert.equal((await h.db.selectFrom(kind.table).select('name').where('id', '=', created.id).executeTakeFirstOrThrow()).name, 'Renamed');
        assert.deepEqual(ok(await api.patch(`${kind.path}/${created.id}`, {})), renamed, 'an empty PATCH changes nothing');

        for (const res of [
          await other.get(`${kind.path}/${created.id}`),
          await other.patch(`${kind.path}/${created.id}`, { name: 'Theirs' }),
          await other.delete(`${kind.path}/${created.id}`),
        ]) assert.equal(assertProblem(res, 404, 'NOT_FOUND').detail, `No ${kind.noun} ${created.id}.`);
        assert.deepEqual(ok(await other.get(kind.path)), { data: [] });

        assertProblem(await api.post(kind.path, {}), 400, 'VALIDATION_FAILED', [{ field: 'name', rule: 'required' }]);
        assertProblem(await api.post(kind.path, { name: '  ' }), 400, 'VALIDATION_FAILED', [{ field: 'name', rule: 'required' }]);
        assertProblem(await api.post(kind.path, { name: 'x'.repeat(256) }), 400, 'VALIDATION_FAILED', [{ field: 'name', rule: 'max' }]);

        const res = await api.delete(`${kind.path}/${second.id}`);
        assert.equal(res.statusCode, 204, res.body);
        assert.equal(await h.db.selectFrom(kind.table).select('id').where('id', '=', second.id).executeTakeFirst(), undefined);
        assertProblem(await api.get(`${kind.path}/${second.id}`), 404, 'NOT_FOUND');
        assertProblem(await api.delete(`${kind.path}/${second.id}`), 404, 'NOT_FOUND');
      });
    }

    it('a tag name is unique in the account ignoring case: 409 on create and on rename; other accounts may reuse it', async () => {
      const hot = ok(await api.post('/v1/tags', { name: 'Hot Lead' }), 201);
      const dup = assertProblem(await api.post('/v1/tags', { name: 'hot lead' }), 409, 'CONFLICT');
      assert.equal(dup.detail, 'A tag named "hot lead" already exists.');
      const cold = ok(await api.post('/v1/tags', { name: 'Cold' }), 201);
      assertProblem(await api.patch(`/v1/tags/${cold.id}`, { name: 'HOT LEAD' }), 409, 'CONFLICT');
      assert.equal((await h.db.selectFrom('tags').select('name').where('id', '=', cold.id).executeTakeFirstOrThrow()).name, 'Cold');
      const recased = ok(await api.patch(`/v1/tags/${hot.id}`, { name: 'HOT LEAD' }));
      assert.equal(recased.name, 'HOT LEAD', 'a tag may change the case of its own name');
      ok(await other.post('/v1/tags', { name: 'Hot Lead' }), 201);
      const keys = await h.db.selectFrom('tags').select('name_key').where('account_id', '=', t.accountId).where('name_key', '=', 'hot lead').execute();
      assert.equal(keys.length, 1);
    });

    it('a line\'s number is stored in E.164, read in the account\'s country; an impossible one is a 400; null clears it', async () => {
      const us = ok(await api.post('/v1/lines', { name: 'Main', phone_number: '(818) 123-4567' }), 201);
      assert.equal(us.phone_number, '+18181234567');
      const vn = ok(await other.post('/v1/lines', { name: 'Hanoi', phone_number: '0868 793 800' }), 201);
      assert.equal(vn.phone_number, '+84868793800');
      assertProblem(await api.post('/v1/lines', { name: 'Bad', phone_number: '12' }), 400, 'VALIDATION_FAILED', [{ field: 'phone_number', rule: 'phone' }]);
      assertProblem(await api.patch(`/v1/lines/${us.id}`, { phone_number: 'call me' }), 400, 'VALIDATION_FAILED', [{ field: 'phone_number', rule: 'phone' }]);
      assert.equal(ok(await api.patch(`/v1/lines/${us.id}`, { phone_number: '+1 646 555 0110' })).phone_number, '+16465550110');
      assert.equal(ok(await api.patch(`/v1/lines/${us.id}`, { phone_number: null })).phone_number, null);
      assert.equal((await h.db.selectFrom('lines').select('phone_number').where('id', '=', us.id).executeTakeFirstOrThrow()).phone_number, null);
    });

    it('deleting a tag, line, disposition status or sequence takes it off the contacts that had it', async () => {
      const tag = ok(await api.post('/v1/tags', { name: 'Temporary' }), 201);
      const line = ok(await api.post('/v1/lines', { name: 'Temporary' }), 201);
      const disposition = ok(await api.post('/v1/disposition-statuses', { name: 'Temporary' }), 201);
      const sequence = ok(await api.post('/v1/sequences', { name: 'Temporary' }), 201);
      const lead = await h.aloware({
        api_token: t.token, phone_number: '2125550188', tag_id: tag.id, line_id: line.id, disposition_status_id: disposition.id, sequence_id: sequence.id,
      });
      assert.equal(lead.statusCode, 201, lead.body);
      const id = lead.json().contact_id;
      const contact = await h.db.selectFrom('contacts').select(['line_id', 'disposition_status_id']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(contact, { line_id: line.id, disposition_status_id: disposition.id }, 'the capture applied them');
      for (const path of [`/v1/tags/${tag.id}`, `/v1/lines/${line.id}`, `/v1/disposition-statuses/${disposition.id}`, `/v1/sequences/${sequence.id}`]) {
        assert.equal((await api.delete(path)).statusCode, 204, path);
      }
      assert.deepEqual(await h.db.selectFrom('contacts').select(['line_id', 'disposition_status_id']).where('id', '=', id).executeTakeFirstOrThrow(), { line_id: null, disposition_status_id: null });
      assert.deepEqual(await h.db.selectFrom('contact_tags').select('tag_id').where('contact_id', '=', id).execute(), []);
      assert.deepEqual(await h.db.selectFrom('sequence_enrollments').select('sequence_id').where('contact_id', '=', id).execute(), []);
    });
  });
}
