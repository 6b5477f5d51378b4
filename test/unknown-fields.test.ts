// A field or query parameter an endpoint does not know: leadgate's own API answers 400 naming it
// (a typo must not pass as "no filter" or "no change"); the capture endpoints take the lead and
// ignore it, because web forms send fields of their own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { apiClient, assertProblem, ok, type ApiClient } from './support/management-api.js';

for (const dialect of testDialects()) {
  describe(`unknown fields [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let admin: ApiClient;
    let contactId: number;

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
      admin = apiClient(h, await h.key(t.accountId, ['admin']));
      const res = await h.aloware({ api_token: t.token, phone_number: '8181234567', first_name: 'Ann', utm_campaign: 'spring', gclid: 'abc' });
      assert.equal(res.statusCode, 201, res.body);
      contactId = res.json().contact_id;
    });
    after(() => h.close());

    it('GET /v1/contacts?phon=... is a 400 naming phon, not every contact; so is any undeclared query parameter', async () => {
      const body = assertProblem(await admin.get('/v1/contacts', { phon: '8181234567' }), 400, 'VALIDATION_FAILED', [{ field: 'phon', rule: 'unknown' }]);
      assert.equal(body.errors[0].detail, 'phon is not a field of this endpoint');
      assertProblem(await admin.get('/v1/capture-log', { outcom: 'rejected' }), 400, 'VALIDATION_FAILED', [{ field: 'outcom', rule: 'unknown' }]);
      // Routes that declare no query parameters take none either.
      assertProblem(await admin.get('/v1/users', { stauts: 'available' }), 400, 'VALIDATION_FAILED', [{ field: 'stauts', rule: 'unknown' }]);
      assertProblem(await admin.get('/v1/tags', { nmae: 'x' }), 400, 'VALIDATION_FAILED', [{ field: 'nmae', rule: 'unknown' }]);
      assertProblem(await admin.get(`/v1/contacts/${contactId}`, { expand: 'all' }), 400, 'VALIDATION_FAILED', [{ field: 'expand', rule: 'unknown' }]);
    });

    it('PATCH with a misspelt field is a 400 naming it, and changes nothing', async () => {
      const before = await h.db.selectFrom('contacts').select(['first_name', 'updated_at']).where('id', '=', contactId).executeTakeFirstOrThrow();
      assertProblem(await admin.patch(`/v1/contacts/${contactId}`, { frist_name: 'Anna', first_name: 'Anna' }), 400, 'VALIDATION_FAILED', [{ field: 'frist_name', rule: 'unknown' }]);
      const after = await h.db.selectFrom('contacts').select(['first_name', 'updated_at']).where('id', '=', contactId).executeTakeFirstOrThrow();
      assert.deepEqual(after, before);
      assertProblem(await admin.post('/v1/users', { name: 'Bo', stauts: 'available' }), 400, 'VALIDATION_FAILED', [{ field: 'stauts', rule: 'unknown' }]);
      assert.equal(ok(await admin.get('/v1/users')).data.length, 1, 'no user was created');
    });

    it('the capture endpoints take a lead with fields of its own, on every dialect', async () => {
      assert.equal((await h.aloware({ api_token: t.token, phone_number: '8181234568', utm_source: 'google' }, { fbclid: 'x' })).statusCode, 201);
      const leads = await h.inject({ method: 'POST', url: '/v1/leads', headers: { authorization: `Bearer ${t.token}` }, payload: { phone_number: '8181234569', landing_page: '/spring' } });
      assert.equal(leads.statusCode, 201, leads.body);
      const vn = await h.tenant({ country: 'VN' });
      const alohub = await h.inject({ method: 'POST', url: '/api/crm/lead', headers: { authorization: vn.token }, payload: { phone: '0868793800', campaign: 'tet' } });
      assert.equal(alohub.statusCode, 200, alohub.body);
    });
  });
}
