// The Alohub dialect: Vietnamese numbers in every form are one lead, name and email are
// overwritten with what is sent, and every answer is in Alohub's envelope.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';

for (const dialect of testDialects()) {
  describe(`Alohub CRM lead API [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    const post = (payload: unknown, headers: Record<string, string> = { authorization: t.token }) =>
      h.inject({ method: 'POST', url: '/api/crm/lead', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload) });

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant({ country: 'VN' });
    });
    after(() => h.close());

    it('creates a lead from the vendor example and answers in the success envelope', async () => {
      const r = await post({ phone: '0868793800', email: 'bang@gmail.com', name: 'bang do' });
      assert.equal(r.statusCode, 200);
      const body = r.json();
      assert.deepEqual(body, {
        success: '1', error_code: 'SUCCESS', error_message: 'SUCCESS',
        data: { id: body.data.id, phone: '+84868793800', email: 'bang@gmail.com', name: 'bang do', created: true },
      });
      const c = await h.db.selectFrom('contacts').selectAll().where('id', '=', body.data.id).executeTakeFirstOrThrow();
      assert.deepEqual([c.first_name, c.last_name, c.name, c.email], ['bang', 'do', 'bang do', 'bang@gmail.com']);
    });

    it('treats every written form of one number as one lead, and overwrites name and email', async () => {
      const forms = ['+84868793800', '84868793800', '0868 793 800', '086.879.3800', '0868-793-800', '+84 868-793.800'];
      const ids = new Set<number>();
      for (const [i, phone] of forms.entries()) {
        const r = await post({ phone, name: `Name ${i}`, email: `n${i}@example.vn` });
        assert.equal(r.statusCode, 200, phone);
        assert.equal(r.json().data.created, false, phone);
        assert.equal(r.json().data.name, `Name ${i}`);
        ids.add(r.json().data.id);
      }
      assert.equal(ids.size, 1);
      const rows = await h.db.selectFrom('contact_phone_numbers').select('phone_number').where('account_id', '=', t.accountId).where('phone_number', '=', '+84868793800').execute();
      assert.equal(rows.length, 1);
      const c = await h.db.selectFrom('contacts').selectAll().where('id', '=', [...ids][0]!).executeTakeFirstOrThrow();
      assert.equal(c.email, 'n5@example.vn');
      assert.equal(c.name, 'Name 5');
      // first and last name were filled from the first name sent and are only split where empty
      assert.deepEqual([c.first_name, c.last_name], ['bang', 'do']);
    });

    it('keeps what it has when a value is sent empty', async () => {
      const r = await post({ phone: '0912345678', name: 'Lan Pham', email: 'lan@example.vn' });
      const again = await post({ phone: '0912345678', name: '', email: '' });
      assert.deepEqual(again.json().data, { id: r.json().data.id, phone: '+84912345678', email: 'lan@example.vn', name: 'Lan Pham', created: false });
    });

    it('accepts the key as Authorization, Bearer or X-Api-Key', async () => {
      for (const headers of [{ authorization: t.token }, { authorization: `Bearer ${t.token}` }, { 'x-api-key': t.token }] as Record<string, string>[]) {
        const r = await post({ phone: '0987654321' }, headers);
        assert.equal(r.statusCode, 200, JSON.stringify(Object.keys(headers)));
      }
    });

    it('rejects numbers that are not possible Vietnamese numbers with INVALID_PHONE', async () => {
      for (const phone of ['0123', '+1 818 123 4567', 'abc', '0868793800123456']) {
        const r = await post({ phone, name: 'x' });
        assert.equal(r.statusCode, 400, phone);
        assert.deepEqual(r.json(), { success: '0', error_code: 'INVALID_PHONE', error_message: 'phone is not a valid Vietnamese phone number.' });
      }
    });

    it('rejects a missing phone or a bad email with VALIDATION_ERROR naming the field', async () => {
      const cases: [unknown, string][] = [
        [{ email: 'a@b.vn' }, 'phone is required.'],
        [{ phone: '0868793801', email: 'not-an-email' }, 'email must be a valid email address.'],
        [{ phone: '0868793801', name: { first: 'x' } }, 'name must be a string.'],
        [{ phone: '0868793801', name: 'x'.repeat(256) }, 'name must be at most 255 characters.'],
        [[1, 2], 'body must be an object.'],
      ];
      for (const [payload, message] of cases) {
        const r = await post(payload);
        assert.equal(r.statusCode, 400, JSON.stringify(payload));
        assert.deepEqual(r.json(), { success: '0', error_code: 'VALIDATION_ERROR', error_message: message });
      }
      const bad = await h.inject({ method: 'POST', url: '/api/crm/lead', headers: { authorization: t.token, 'content-type': 'application/json' }, payload: '{"phone":' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error_code, 'VALIDATION_ERROR');
      const none = await h.db.selectFrom('contact_phone_numbers').select('id').where('phone_number', '=', '+84868793801').execute();
      assert.equal(none.length, 0, 'nothing is half-saved');
    });

    it('answers auth failures in the Alohub envelope', async () => {
      const missing = await post({ phone: '0868793800' }, {});
      assert.equal(missing.statusCode, 401);
      assert.equal(missing.json().error_code, 'UNAUTHORIZED');
      assert.equal(missing.json().success, '0');
      const readOnly = await h.key(t.accountId, ['contacts:read']);
      const forbidden = await post({ phone: '0868793800' }, { authorization: readOnly });
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().error_code, 'INSUFFICIENT_SCOPE');
    });

    it('reads numbers of a VN account in the contacts API the same way', async () => {
      const r = await h.inject({ method: 'GET', url: '/v1/contacts?phone=0868793800', headers: { authorization: `Bearer ${t.token}` } });
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().data[0].phone_number, '+84868793800');
    });

    it('logs accepted and rejected Alohub requests without the key', async () => {
      const ok = await post({ phone: '0868793800', name: 'logged' });
      const bad = await post({ phone: '12' });
      const rows = await h.db.selectFrom('capture_log').selectAll()
        .where('request_id', 'in', [ok.headers['x-request-id'] as string, bad.headers['x-request-id'] as string]).orderBy('id').execute();
      assert.deepEqual(rows.map((r) => [r.dialect, r.outcome, r.status]), [['alohub', 'updated', 200], ['alohub', 'rejected', 400]]);
      assert.ok(rows.every((r) => !JSON.stringify(r).includes(t.token)));
    });
  });
}
