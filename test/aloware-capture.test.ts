// The Aloware dialect end to end: what a form, a Zap or a back-end sync posting to
// POST /api/v1/webhook/forms sees, and what ends up in the database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { vendorExample } from './support/aloware-vendor-example.js';

for (const dialect of testDialects()) {
  describe(`Aloware capture [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let phone = 2_025_550_100;
    /** A new, possible US number for each test. */
    const nextPhone = () => String(++phone);
    const contactRows = (accountId: number) => h.db.selectFrom('contacts').selectAll().where('account_id', '=', accountId).execute();
    const byNumber = async (e164: string) => {
      const row = await h.db.selectFrom('contact_phone_numbers').select('contact_id').where('account_id', '=', t.accountId).where('phone_number', '=', e164).executeTakeFirst();
      return row && h.db.selectFrom('contacts').selectAll().where('id', '=', row.contact_id).executeTakeFirstOrThrow();
    };

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
    });
    after(() => h.close());

    it('answers the vendor example with 201, then 200 for the same number', async () => {
      const first = await h.aloware({ api_token: t.token, ...vendorExample });
      assert.equal(first.statusCode, 201);
      assert.equal(first.json().message, 'Contact created.');
      assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
      const again = await h.aloware({ api_token: t.token, phone_number: '(818) 123-4567' });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { message: 'Contact updated.', contact_id: first.json().contact_id });
      const c = await byNumber('+18181234567');
      assert.ok(c);
      assert.equal(c.date_of_birth, '1990-01-15');
      assert.equal(c.email, 'john.doe@gmail.com');
      assert.equal(c.timezone, 'America/Los_Angeles');
      // The example's ids do not exist here: each is skipped with a warning and the lead is kept.
      assert.equal(c.user_id, null);
      assert.deepEqual(first.json().warnings, [
        'ring_group_id 1234 is not a ring group of this account; the lead was not distributed.',
        'user_id 1234 is not a user of this account; the contact was saved without that owner.',
        'line_id 1234 does not exist in this account; it was ignored.',
        'disposition_status_id 1234 does not exist in this account; it was ignored.',
        'the contact has no owner; it was not added to a power-dialer queue.',
        'sequence_id 4567 does not exist in this account; it was ignored.',
        'tag_id 1234 is not a tag of this account; it was not applied.',
      ]);
    });

    it('fills only empty fields without force_update, and an empty value never erases', async () => {
      const p = nextPhone();
      await h.aloware({ api_token: t.token, phone_number: p, first_name: 'Ann', city: '' });
      const r = await h.aloware({ api_token: t.token, phone_number: p, first_name: 'Bea', city: 'Reno', email: '', force_update: 'false' });
      assert.equal(r.statusCode, 200);
      const c = await byNumber(`+1${p}`);
      assert.equal(c?.first_name, 'Ann');
      assert.equal(c?.city, 'Reno');
      assert.equal(c?.name, 'Ann');
    });

    it('overwrites every field sent with a value when force_update is true, never with an empty one', async () => {
      const p = nextPhone();
      await h.aloware({ api_token: t.token, phone_number: p, first_name: 'Ann', last_name: 'Lee', company_name: 'Old' });
      await h.aloware({ api_token: t.token, phone_number: p, first_name: 'Bea', company_name: '', force_update: 1 });
      const c = await byNumber(`+1${p}`);
      assert.equal(c?.first_name, 'Bea');
      assert.equal(c?.last_name, 'Lee');
      assert.equal(c?.company_name, 'Old');
    });

    it('appends each non-empty note and adds other numbers without duplicates', async () => {
      const p = nextPhone();
      const other = nextPhone();
      const first = await h.aloware({ api_token: t.token, phone_number: p, notes: 'first call', other_phone_numbers: [{ label: 'mobile', phone_number: other }] });
      const id = first.json().contact_id;
      await h.aloware({ api_token: t.token, phone_number: p, notes: 'second call', other_phone_numbers: `${other}, +1${other}` });
      await h.aloware({ api_token: t.token, phone_number: p, notes: '' });
      const notes = await h.db.selectFrom('contact_notes').select('body').where('contact_id', '=', id).orderBy('id').execute();
      assert.deepEqual(notes.map((n) => n.body), ['first call', 'second call']);
      const numbers = await h.db.selectFrom('contact_phone_numbers').select(['phone_number', 'label', 'is_primary']).where('contact_id', '=', id).orderBy('id').execute();
      assert.deepEqual(numbers, [
        { phone_number: `+1${p}`, label: 'primary', is_primary: 1 },
        { phone_number: `+1${other}`, label: 'mobile', is_primary: 0 },
      ]);
    });

    it('matches a contact on any of its numbers, and the new primary number joins it', async () => {
      const p = nextPhone();
      const other = nextPhone();
      const created = await h.aloware({ api_token: t.token, phone_number: p, other_phone_numbers: [{ label: 'work', phone_number: other }] });
      const fresh = nextPhone();
      const r = await h.aloware({ api_token: t.token, phone_number: fresh, other_phone_numbers: other });
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().contact_id, created.json().contact_id);
      assert.equal((await byNumber(`+1${fresh}`))?.id, created.json().contact_id);
    });

    it('does not move a number that belongs to another contact, and says so', async () => {
      const a = nextPhone();
      const b = nextPhone();
      await h.aloware({ api_token: t.token, phone_number: a });
      const r = await h.aloware({ api_token: t.token, phone_number: b, other_phone_numbers: a });
      assert.equal(r.statusCode, 200, 'b is matched through a, so the lead updates a');
      const c = nextPhone();
      const d = nextPhone();
      await h.aloware({ api_token: t.token, phone_number: c });
      await h.aloware({ api_token: t.token, phone_number: d });
      const both = await h.aloware({ api_token: t.token, phone_number: c, other_phone_numbers: d });
      assert.equal(both.statusCode, 200);
      assert.match(both.json().warnings[0], new RegExp(`\\+1${d} already belongs to contact`));
      assert.notEqual((await byNumber(`+1${c}`))?.id, (await byNumber(`+1${d}`))?.id);
    });

    it('accepts HTML form posts with the token and number in the query string', async () => {
      const p = nextPhone();
      const r = await h.inject({
        method: 'POST', url: `/api/v1/webhook/forms?api_token=${t.token}&phone_number=${p}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'first_name=Form&is_dnc=1&user_id=' + t.userId,
      });
      assert.equal(r.statusCode, 201);
      const c = await byNumber(`+1${p}`);
      assert.equal(c?.first_name, 'Form');
      assert.equal(c?.is_dnc, 1);
      assert.equal(c?.user_id, t.userId);
    });

    it('reads a number in the request country, else the account default', async () => {
      const r = await h.aloware({ api_token: t.token, phone_number: '0868 793 800', country: 'vn' });
      assert.equal(r.statusCode, 201);
      assert.ok(await byNumber('+84868793800'));
      const intl = await h.aloware({ api_token: t.token, phone_number: '+44 20 7946 0958' });
      assert.equal(intl.statusCode, 201);
      assert.ok(await byNumber('+442079460958'));
    });

    it('keeps the owner unless force_update is true', async () => {
      const other = await h.services.users.create({ accountId: t.accountId, name: 'Bob' });
      const p = nextPhone();
      await h.aloware({ api_token: t.token, phone_number: p, user_id: t.userId });
      await h.aloware({ api_token: t.token, phone_number: p, user_id: String(other.id) });
      assert.equal((await byNumber(`+1${p}`))?.user_id, t.userId);
      await h.aloware({ api_token: t.token, phone_number: p, user_id: other.id, force_update: 'true' });
      assert.equal((await byNumber(`+1${p}`))?.user_id, other.id);
    });

    it('does not take a user of another account as owner', async () => {
      const stranger = await h.tenant();
      const p = nextPhone();
      const r = await h.aloware({ api_token: t.token, phone_number: p, user_id: stranger.userId });
      assert.equal(r.statusCode, 201);
      assert.equal((await byNumber(`+1${p}`))?.user_id, null);
      assert.equal(r.json().warnings.length, 1);
    });

    it('answers invalid data with Laravel sentences and saves nothing', async () => {
      const before = (await contactRows(t.accountId)).length;
      const r = await h.aloware({
        api_token: t.token, phone_number: '12', email: 'not-an-email', date_of_birth: '1990/01/15', timezone: 'Mars/Base',
        force_update: 'yes', user_id: 'abc', powerdialer_position: 'middle', first_name: 'x'.repeat(256),
      });
      assert.equal(r.statusCode, 400);
      const body = r.json();
      assert.equal(body.message, 'The given data was invalid.');
      assert.deepEqual(body.errors, {
        force_update: ['The force update field must be true or false.'],
        user_id: ['The user id must be an integer.'],
        powerdialer_position: ['The selected powerdialer position is invalid.'],
        first_name: ['The first name must not be greater than 255 characters.'],
      });
      const semantic = await h.aloware({ api_token: t.token, phone_number: '12', email: 'not-an-email', date_of_birth: '02/30/1990', timezone: 'Mars/Base' });
      assert.deepEqual(semantic.json().errors, {
        phone_number: ['The phone number must be a valid phone number.'],
        email: ['The email must be a valid email address.'],
        date_of_birth: ['The date of birth does not match the format m/d/Y.'],
        timezone: ['The timezone must be a valid timezone.'],
      });
      const missing = await h.aloware({ api_token: t.token, name: 'No Number' });
      assert.deepEqual(missing.json().errors, { phone_number: ['The phone number field is required.'] });
      const badOther = await h.aloware({ api_token: t.token, phone_number: nextPhone(), other_phone_numbers: [{ phone_number: '1' }] });
      assert.deepEqual(badOther.json().errors, { 'other_phone_numbers.0.phone_number': ['The other phone numbers.0.phone number must be a valid phone number.'] });
      assert.equal((await contactRows(t.accountId)).length, before);
    });

    it('answers malformed, oversized and foreign bodies in the same envelope, never 500', async () => {
      const json = { 'content-type': 'application/json' };
      const cases: [string | Buffer, Record<string, string>, number, unknown][] = [
        ['{"api_token": ', json, 400, { message: 'The given data was invalid.', errors: { body: ['The body must be valid JSON.'] } }],
        ['x'.repeat(1024 * 1024 + 10), json, 413, { message: 'The request body is larger than 1 MiB.' }],
        ['hello', { 'content-type': 'text/plain' }, 415, { message: 'Unsupported Media Type: send application/json or application/x-www-form-urlencoded.' }],
        ['<lead/>', { 'content-type': 'application/xml' }, 415, { message: 'Unsupported Media Type: send application/json or application/x-www-form-urlencoded.' }],
      ];
      for (const [payload, headers, status, body] of cases) {
        const r = await h.inject({ method: 'POST', url: `/api/v1/webhook/forms?api_token=${t.token}`, headers, payload });
        assert.equal(r.statusCode, status, String(payload).slice(0, 30));
        assert.deepEqual(r.json(), body);
      }
      const hostile: unknown[] = [[], 'string', 42, null, { phone_number: { $gt: '' } }, { phone_number: ['1', '2'] }, { other_phone_numbers: [[]] }, { notes: {} }, { __proto__: { x: 1 }, phone_number: '5' }];
      for (const body of hostile) {
        const r = await h.inject({ method: 'POST', url: `/api/v1/webhook/forms?api_token=${t.token}`, headers: json, payload: JSON.stringify(body) });
        assert.equal(r.statusCode, 400, JSON.stringify(body));
        assert.equal(r.json().message, 'The given data was invalid.');
        assert.doesNotMatch(r.body, /at .*\.js|SELECT|INSERT|sqlite|postgres/i);
      }
    });

    it('logs every request, accepted or rejected, without the token', async () => {
      const p = nextPhone();
      const ok = await h.aloware({ api_token: t.token, phone_number: p, notes: 'hi' });
      const bad = await h.aloware({ api_token: t.token, phone_number: p, email: 'nope' }, { api_token: t.token });
      const rows = await h.db.selectFrom('capture_log').selectAll().where('request_id', 'in', [ok.headers['x-request-id'] as string, bad.headers['x-request-id'] as string]).orderBy('id').execute();
      assert.equal(rows.length, 2);
      assert.deepEqual(rows.map((r) => [r.outcome, r.status, r.api_key_id, r.dialect, r.account_id]), [
        ['created', 201, t.keyId, 'aloware', t.accountId],
        ['rejected', 400, t.keyId, 'aloware', t.accountId],
      ]);
      assert.equal(rows[0]!.contact_id, ok.json().contact_id);
      assert.deepEqual(JSON.parse(rows[0]!.payload), { query: {}, body: { phone_number: p, notes: 'hi' } });
      assert.match(rows[1]!.error ?? '', /valid email address/);
      for (const row of rows) assert.ok(!JSON.stringify(row).includes(t.token));
      const anonymous = await h.aloware({ phone_number: p });
      assert.equal(anonymous.statusCode, 401);
      const logged = await h.db.selectFrom('capture_log').selectAll().where('request_id', '=', anonymous.headers['x-request-id'] as string).executeTakeFirstOrThrow();
      assert.deepEqual([logged.outcome, logged.status, logged.api_key_id], ['rejected', 401, null]);
    });

    it('keeps one contact when the same new number arrives many times at once', async () => {
      for (let round = 0; round < 5; round++) {
        const p = nextPhone();
        const answers = await Promise.all(Array.from({ length: 6 }, (_, i) =>
          h.aloware({ api_token: t.token, phone_number: i % 2 ? `+1${p}` : p, notes: `n${i}` })));
        assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 200, 200, 200, 201]);
        const ids = new Set(answers.map((a) => a.json().contact_id));
        assert.equal(ids.size, 1);
        const notes = await h.db.selectFrom('contact_notes').select('id').where('contact_id', '=', [...ids][0]).execute();
        assert.equal(notes.length, 6, 'every acknowledged note is kept');
      }
    });
  });
}
