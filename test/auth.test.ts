// The shared auth suite: the same checks against every protected route in every dialect,
// on every database. A route joins by getting an entry in support/protected-routes.ts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { protectedRoutes, assertRejected, type RouteFixture } from './support/protected-routes.js';
import { scopes } from '../src/api-keys/scopes.js';

const wrongToken = () => `lg_${randomBytes(32).toString('base64url')}`;

for (const dialect of testDialects()) {
  describe(`auth on every protected route [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let fixture: RouteFixture;

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
      const res = await h.aloware({ api_token: t.token, phone_number: '2125550100', name: 'Fixture Contact' });
      assert.equal(res.statusCode, 201, res.body);
      fixture = { contactId: res.json().contact_id };
    });
    after(() => h.close());

    const call = (route: (typeof protectedRoutes)[number], token: string | undefined) => h.inject(route.send(token, fixture));
    const newKey = async (options: { scopes?: string[]; expires?: '30d' } = {}) =>
      h.services.apiKeys.create({ accountId: t.accountId, scopes: options.scopes, expires: options.expires });

    for (const route of protectedRoutes) {
      describe(route.name, () => {
        // A good key holds exactly the route's scope (the default scopes lack admin and contacts:write).
        const keyFor = (options: { expires?: '30d' } = {}) => newKey({ scopes: [route.scope], ...options });

        it('answers a good key with success', async () => {
          const res = await call(route, (await keyFor()).token);
          assert.equal(res.statusCode, route.okStatus, res.body);
        });

        it('no key -> 401', async () => {
          assertRejected(route, await call(route, undefined), 'unauthenticated');
        });

        it('a wrong key -> 401', async () => {
          assertRejected(route, await call(route, wrongToken()), 'unauthenticated');
        });

        it('a revoked key -> 401 on the very next request', async () => {
          const { key, token } = await keyFor();
          assert.equal((await call(route, token)).statusCode, route.okStatus);
          await h.services.apiKeys.revoke(key.id);
          assertRejected(route, await call(route, token), 'unauthenticated');
        });

        it('a deactivated key -> 401; activated again it works', async () => {
          const { key, token } = await keyFor();
          await h.services.apiKeys.setActive(key.id, false);
          assertRejected(route, await call(route, token), 'unauthenticated');
          await h.services.apiKeys.setActive(key.id, true);
          const res = await call(route, token);
          assert.equal(res.statusCode, route.okStatus, res.body);
        });

        it('an expired key -> 401', async () => {
          const { key, token } = await keyFor({ expires: '30d' });
          assert.equal((await call(route, token)).statusCode, route.okStatus, 'a 30-day key works before it expires');
          await h.db.updateTable('api_keys').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', key.id).execute();
          assertRejected(route, await call(route, token), 'unauthenticated');
        });

        it(`a key with every scope but ${route.scope} (and admin) -> 403`, async () => {
          const others = scopes.filter((s) => s !== route.scope && s !== 'admin');
          const { token } = await newKey({ scopes: others });
          assertRejected(route, await call(route, token), 'forbidden');
        });

        it('a key with only the admin scope passes', async () => {
          const { token } = await newKey({ scopes: ['admin'] });
          const res = await call(route, token);
          assert.equal(res.statusCode, route.okStatus, res.body);
        });
      });
    }

    describe('another account', () => {
      let other: Tenant;
      let otherContactId: number;
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

      before(async () => {
        other = await h.tenant();
        const res = await h.aloware({ api_token: other.token, phone_number: '2125550199', name: 'Other Tenant Lead' });
        assert.equal(res.statusCode, 201, res.body);
        otherContactId = res.json().contact_id;
      });

      it("GET /v1/contacts/:id of this account's contact with the other account's key -> 404", async () => {
        const mine = await h.inject({ method: 'GET', url: `/v1/contacts/${fixture.contactId}`, headers: bearer(t.token) });
        assert.equal(mine.statusCode, 200, 'the owner reads it');
        const res = await h.inject({ method: 'GET', url: `/v1/contacts/${fixture.contactId}`, headers: bearer(other.token) });
        assert.equal(res.statusCode, 404, res.body);
        assert.deepEqual(res.json(), {
          type: 'urn:leadgate:problem:not-found', title: 'Not found.', status: 404,
          detail: `No contact ${fixture.contactId}.`, code: 'NOT_FOUND', request_id: res.headers['x-request-id'],
        });
      });

      it("GET /v1/contacts with the other account's key lists only its own contacts", async () => {
        const list = await h.inject({ method: 'GET', url: '/v1/contacts', query: { limit: '100' }, headers: bearer(other.token) });
        assert.equal(list.statusCode, 200, list.body);
        assert.deepEqual(list.json().data.map((c: { id: number }) => c.id), [otherContactId]);
        const byPhone = await h.inject({ method: 'GET', url: '/v1/contacts', query: { phone: '2125550100' }, headers: bearer(other.token) });
        assert.deepEqual(byPhone.json(), { data: [], next_cursor: null });
        const byText = await h.inject({ method: 'GET', url: '/v1/contacts', query: { q: 'Fixture' }, headers: bearer(other.token) });
        assert.deepEqual(byText.json(), { data: [], next_cursor: null });
      });
    });

    describe('the capture log never keeps a token', () => {
      it('neither from the query string nor from the body, accepted or rejected', async () => {
        const forbidden = (await newKey({ scopes: ['contacts:read'] })).token;
        const wrong = wrongToken();
        const last = await h.db.selectFrom('capture_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
        const sent = [
          await h.aloware({ phone_number: '3105550101', name: 'In Query' }, { api_token: t.token }),
          await h.aloware({ api_token: t.token, phone_number: '3105550102', name: 'In Body' }),
          await h.aloware({ api_token: t.token, phone_number: '3105550103', email: 'not-an-email' }, { api_token: t.token }),
          await h.aloware({ api_token: forbidden, phone_number: '3105550104' }),
          await h.aloware({ phone_number: '3105550105' }, { api_token: wrong }),
          await h.inject({
            method: 'POST', url: `/api/v1/webhook/forms?api_token=${t.token}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: `api_token=${encodeURIComponent(t.token)}&phone_number=3105550106`,
          }),
        ];
        assert.deepEqual(sent.map((r) => r.statusCode), [201, 201, 400, 403, 401, 201]);

        const rows = await h.db.selectFrom('capture_log').select(['id', 'status', 'payload', 'error'])
          .where('id', '>', last?.id ?? 0).orderBy('id').execute();
        assert.deepEqual(rows.map((r) => r.status), [201, 201, 400, 403, 401, 201], 'every request is logged');
        assert.ok(rows.every((r, i) => r.payload.includes(`310555010${i + 1}`)), 'the log keeps the rest of the request');
        for (const row of rows) {
          for (const token of [t.token, forbidden, wrong]) {
            assert.ok(!row.payload.includes(token), `payload of log row ${row.id} holds a token: ${row.payload}`);
            assert.ok(!(row.error ?? '').includes(token), `error of log row ${row.id} holds a token`);
          }
        }
      });
    });

    it('api_token given twice in the query string -> 401, not 500', async () => {
      const res = await h.inject({ method: 'POST', url: `/api/v1/webhook/forms?api_token=${wrongToken()}&api_token=${wrongToken()}`, payload: { phone_number: '3105550199' } });
      assert.equal(res.statusCode, 401, res.body);
      assert.deepEqual(res.json(), { message: 'Unauthenticated.' });
    });
  });
}
