// Inputs a hostile or careless client sends, each once a defect (a 500, a lost lead, a token in a
// log): NUL characters, ids past PostgreSQL's int4, deep nesting, misspelt token parameters,
// undecodable URLs, and admin changes racing captures.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { agent, ringGroup } from './support/routing-fixtures.js';

for (const dialect of testDialects()) {
  describe(`hostile input [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let admin: string;
    let phone = 7_185_550_100;
    const nextPhone = () => String(++phone);

    before(async () => {
      h = await Harness.start(dialect, { rateLimit: { defaultLimit: { max: 1_000_000, windowMs: 60_000 } } });
      t = await h.tenant();
      admin = await h.key(t.accountId, ['admin']);
    });
    after(() => h.close());

    it('refuses NUL characters with a 400 naming the field, on every capture endpoint and the API', async () => {
      const aloware = await h.aloware({ api_token: t.token, phone_number: nextPhone(), first_name: 'a\u0000b', notes: 'x\u0000' });
      assert.equal(aloware.statusCode, 400);
      assert.deepEqual(aloware.json().errors, {
        first_name: ['The first name must not contain NUL characters.'],
        notes: ['The notes must not contain NUL characters.'],
      });
      const vn = await h.tenant({ country: 'VN' });
      const hub = await h.inject({ method: 'POST', url: '/api/crm/lead', headers: { authorization: vn.token }, payload: { phone: '0868793811', name: 'a\u0000b' } });
      assert.deepEqual([hub.statusCode, hub.json().error_code], [400, 'VALIDATION_ERROR']);
      // The management API: the same 400 naming the field on both databases (SQLite could store it).
      for (const [url, payload, field] of [['/v1/users', { name: 'x\u0000y' }, 'name'], ['/v1/users', { name: 'Bo', email: 'b\u0000@x.io' }, 'email'], ['/v1/tags', { name: '\u0000' }, 'name'], ['/v1/ring-groups', { name: 'a\u0000', layers: [{ strategy: 'round_robin', user_ids: [t.userId] }] }, 'name']] as const) {
        const res = await h.inject({ method: 'POST', url, headers: { authorization: `Bearer ${admin}` }, payload });
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.deepEqual(res.json().errors.map((e: { field: string; rule: string; detail: string }) => [e.field, e.rule, e.detail]), [[field, 'no_nul', `${field} must not contain NUL characters`]]);
      }
      assert.equal(await h.db.selectFrom('users').select('id').where('account_id', '=', t.accountId).execute().then((r) => r.length), 1, 'nothing was created');
      const contactId = (await h.aloware({ api_token: t.token, phone_number: nextPhone(), first_name: 'Ann' })).json().contact_id;
      const patch = await h.inject({ method: 'PATCH', url: `/v1/contacts/${contactId}`, headers: { authorization: `Bearer ${admin}` }, payload: { first_name: 'a\u0000b' } });
      assert.equal(patch.statusCode, 400, patch.body);
      assert.deepEqual(patch.json().errors.map((e: { field: string; rule: string }) => [e.field, e.rule]), [['first_name', 'no_nul']]);
      assert.equal((await h.db.selectFrom('contacts').select('first_name').where('id', '=', contactId).executeTakeFirstOrThrow()).first_name, 'Ann');
    });

    it('treats ids past int4 as references that do not exist: the lead is saved with warnings', async () => {
      for (const id of [2147483648, '999999999999999999', 1e308]) {
        const r = await h.inject({ method: 'POST', url: '/v1/leads', headers: { authorization: `Bearer ${t.token}` }, payload: {
          phone_number: nextPhone(), user_id: id, sequence_id: id, line_id: id, tag_id: id, disposition_status_id: id, distribute_to_ring_group: true, ring_group_id: id,
        } });
        assert.equal(r.statusCode, 201, `${id}: ${r.body}`);
        assert.equal(r.json().warnings.length, 6);
      }
    });

    it('refuses JSON nested deeper than a lead needs, in the endpoint envelope, and logs it', async () => {
      const body = `{"api_token":"${t.token}","phone_number":"${nextPhone()}","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const r = await h.inject({ method: 'POST', url: '/api/v1/webhook/forms', headers: { 'content-type': 'application/json' }, payload: body });
      assert.equal(r.statusCode, 400);
      assert.deepEqual(r.json(), { message: 'The given data was invalid.', errors: { body: ['The JSON body is nested more than 32 levels deep.'] } });
      const log = await h.db.selectFrom('capture_log').select(['outcome', 'status']).where('request_id', '=', r.headers['x-request-id'] as string).execute();
      assert.deepEqual(log, [{ outcome: 'rejected', status: 400 }]);
    });

    it('refuses a __proto__ or constructor.prototype key with a sentence that says so, in each envelope', async () => {
      const sentence = 'The JSON body may not contain a "__proto__" or "constructor.prototype" key.';
      for (const poison of ['"__proto__":{"isAdmin":true}', '"constructor":{"prototype":{"isAdmin":true}}']) {
        const aloware = await h.inject({ method: 'POST', url: '/api/v1/webhook/forms', headers: { 'content-type': 'application/json' }, payload: `{"api_token":"${t.token}","phone_number":"${nextPhone()}",${poison}}` });
        assert.equal(aloware.statusCode, 400);
        assert.deepEqual(aloware.json(), { message: 'The given data was invalid.', errors: { body: [sentence] } });
        const api = await h.inject({ method: 'POST', url: '/v1/users', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, payload: `{"name":"Bo",${poison}}` });
        assert.equal(api.statusCode, 400);
        assert.equal(api.json().detail, sentence);
      }
      // Broken JSON is still called broken JSON.
      const broken = await h.inject({ method: 'POST', url: '/v1/users', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, payload: '{"name":' });
      assert.equal(broken.json().code, 'INVALID_JSON');
    });

    it('takes a lead posted with only a query string, with or without a JSON content type', async () => {
      for (const headers of [{}, { 'content-type': 'application/json' }]) {
        const r = await h.inject({ method: 'POST', url: `/api/v1/webhook/forms?api_token=${t.token}&phone_number=${nextPhone()}`, headers });
        assert.equal(r.statusCode, 201, r.body);
      }
    });

    it('keeps tokens out of the capture log under any parameter name', async () => {
      const r = await h.inject({ method: 'POST', url: `/api/v1/webhook/forms?api_token[]=${t.token}&API_TOKEN=${t.token}&phone_number=${nextPhone()}`, payload: { 'api token': t.token, notes: `my key is ${t.token}` } });
      assert.equal(r.statusCode, 401);
      const row = await h.db.selectFrom('capture_log').select('payload').where('request_id', '=', r.headers['x-request-id'] as string).executeTakeFirstOrThrow();
      assert.ok(!row.payload.includes(t.token), row.payload);
      assert.match(row.payload, /\[REDACTED\]/);
    });

    it('answers an undecodable URL with a problem document that does not echo it', async () => {
      const r = await h.inject({ method: 'POST', url: `/api/v1/webhook/forms%E0%A4%A?api_token=${t.token}`, payload: {} });
      assert.equal(r.statusCode, 400);
      assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.ok(!r.body.includes(t.token));
      assert.ok(r.headers['x-request-id']);
    });

    it('does not coerce body values: true is no id, an array is no phone number, a boolean is no text', async () => {
      const r = await h.aloware({ api_token: t.token, phone_number: ['8181234567'], user_id: true, first_name: false, sequence_id: [3] });
      assert.equal(r.statusCode, 400);
      assert.deepEqual(r.json().errors, {
        phone_number: ['The phone number must be a string.'],
        user_id: ['The user id must be an integer.'],
        first_name: ['The first name must be a string.'],
        sequence_id: ['The sequence id must be an integer.'],
      });
      const negative = await h.aloware({ api_token: t.token, phone_number: -2125550194 });
      assert.equal(negative.statusCode, 400);
      const patch = await h.inject({ method: 'PATCH', url: `/v1/contacts/${r.json().contact_id ?? 1}`, headers: { authorization: `Bearer ${admin}` }, payload: { user_id: true } });
      assert.ok(patch.statusCode === 400 || patch.statusCode === 404, patch.body);
      // A number where text goes is text: zip codes arrive as numbers.
      const zip = await h.aloware({ api_token: t.token, phone_number: nextPhone(), zipcode: 90045, user_id: String(t.userId) });
      assert.equal(zip.statusCode, 201);
      const c = await h.db.selectFrom('contacts').select(['zipcode', 'user_id']).where('id', '=', zip.json().contact_id).executeTakeFirstOrThrow();
      assert.deepEqual(c, { zipcode: '90045', user_id: t.userId });
    });

    it('caps other_phone_numbers at 50 in either form', async () => {
      const many = Array.from({ length: 51 }, (_, i) => String(6_465_550_000 + i)).join(',');
      const r = await h.aloware({ api_token: t.token, phone_number: nextPhone(), other_phone_numbers: many });
      assert.deepEqual(r.json().errors, { other_phone_numbers: ['The other phone numbers must not have more than 50 items.'] });
    });

    it('loses no lead when a user or a ring group is deleted while leads are routed to it', async () => {
      const [v, w] = [await agent(h, t.accountId, 'V'), await agent(h, t.accountId, 'W')];
      const group = await ringGroup(h, t.accountId, [{ strategy: 'round_robin', userIds: [v, w] }]);
      const leads = Array.from({ length: 40 }, (_, i) => h.inject({
        method: 'POST', url: '/v1/leads', headers: { authorization: `Bearer ${t.token}` },
        payload: i % 2 ? { phone_number: nextPhone(), user_id: v } : { phone_number: nextPhone(), distribute_to_ring_group: true, ring_group_id: group },
      }));
      const deletes = [
        h.inject({ method: 'DELETE', url: `/v1/users/${v}`, headers: { authorization: `Bearer ${admin}` } }),
        h.inject({ method: 'DELETE', url: `/v1/ring-groups/${group}`, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' } }),
      ];
      const answers = await Promise.all(leads);
      assert.deepEqual(answers.filter((a) => a.statusCode !== 201).map((a) => `${a.statusCode} ${a.body}`), []);
      assert.deepEqual((await Promise.all(deletes)).map((d) => d.statusCode), [204, 204]);
      const ids = answers.map((a) => a.json().contact_id as number);
      const stored = await h.db.selectFrom('contacts').select('id').where('id', 'in', ids).execute();
      assert.equal(stored.length, 40);
    });
  });
}
