// PATCH /v1/contacts/:id (contacts:write) and what the contact JSON gained with routing: line,
// disposition, tags and sequence.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { apiClient, assertProblem, ok, type ApiClient } from './support/management-api.js';

for (const dialect of testDialects()) {
  describe(`contact JSON and PATCH /v1/contacts/:id [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let admin: ApiClient;
    let writer: ApiClient;
    let phone = 3_125_550_100;
    const newContact = async (body: Record<string, unknown> = {}): Promise<number> => {
      const res = await h.aloware({ api_token: t.token, phone_number: String(++phone), ...body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().contact_id;
    };
    const row = (id: number) => h.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
      admin = apiClient(h, await h.key(t.accountId, ['admin']));
      writer = apiClient(h, await h.key(t.accountId, ['contacts:write']));
    });
    after(() => h.close());

    it('the contact shows its line, disposition, tags (by name) and sequence', async () => {
      const line = ok(await admin.post('/v1/lines', { name: 'Main' }), 201);
      const won = ok(await admin.post('/v1/disposition-statuses', { name: 'Won' }), 201);
      const drip = ok(await admin.post('/v1/sequences', { name: 'Drip' }), 201);
      const zeta = ok(await admin.post('/v1/tags', { name: 'zeta' }), 201);
      const id = await newContact({ line_id: line.id, disposition_status_id: won.id, sequence_id: drip.id, tag_id: zeta.id, tags: 'Alpha' });
      const alpha = await h.db.selectFrom('tags').select('id').where('account_id', '=', t.accountId).where('name_key', '=', 'alpha').executeTakeFirstOrThrow();
      const enrolled = await h.db.selectFrom('sequence_enrollments').select('enrolled_at').where('contact_id', '=', id).executeTakeFirstOrThrow();
      const body = ok(await admin.get(`/v1/contacts/${id}`));
      assert.deepEqual(
        { line_id: body.line_id, disposition_status_id: body.disposition_status_id, tags: body.tags, sequence: body.sequence },
        { line_id: line.id, disposition_status_id: won.id, tags: [{ id: alpha.id, name: 'Alpha' }, { id: zeta.id, name: 'zeta' }], sequence: { id: drip.id, name: 'Drip', enrolled_at: enrolled.enrolled_at } },
      );
      const listed = ok(await admin.get('/v1/contacts', { limit: '5' })).data.find((c: { id: number }) => c.id === id);
      assert.deepEqual(listed, body, 'a page shows the same contact');
      const bare = ok(await admin.get(`/v1/contacts/${await newContact()}`));
      assert.deepEqual([bare.line_id, bare.disposition_status_id, bare.tags, bare.sequence], [null, null, [], null]);
    });

    it('PATCH edits the fields sent, normalises them as a capture does, and moves updated_at', async () => {
      const line = ok(await admin.post('/v1/lines', { name: 'Second line' }), 201);
      const lost = ok(await admin.post('/v1/disposition-statuses', { name: 'Lost' }), 201);
      const id = await newContact({ first_name: 'Old', city: 'Austin', email: 'old@example.com' });
      const before = await row(id);
      await new Promise((r) => setTimeout(r, 5));
      const body = ok(await writer.patch(`/v1/contacts/${id}`, {
        first_name: ' Ann ', city: null, email: 'Ann@Example.COM', date_of_birth: '02/29/1992', timezone: 'America/Chicago',
        country: 'us', user_id: t.userId, line_id: line.id, disposition_status_id: lost.id, is_dnc: true, company_name: '',
      }));
      const after = await row(id);
      assert.deepEqual({ ...after, updated_at: 'x' }, {
        ...before, first_name: 'Ann', city: null, email: 'ann@example.com', date_of_birth: '1992-02-29', timezone: 'America/Chicago',
        country: 'US', user_id: t.userId, line_id: line.id, disposition_status_id: lost.id, is_dnc: 1, company_name: null, updated_at: 'x',
      });
      assert.ok(after.updated_at > before.updated_at, 'updated_at moved');
      assert.equal(body.updated_at, after.updated_at);
      assert.deepEqual([body.first_name, body.email, body.user_id, body.line_id, body.is_dnc], ['Ann', 'ann@example.com', t.userId, line.id, true]);
      assert.deepEqual(body, ok(await admin.get(`/v1/contacts/${id}`)));

      const cleared = ok(await writer.patch(`/v1/contacts/${id}`, { user_id: null, line_id: null, disposition_status_id: null, is_dnc: false }));
      assert.deepEqual([cleared.user_id, cleared.line_id, cleared.disposition_status_id, cleared.is_dnc], [null, null, null, false]);
      const same = ok(await writer.patch(`/v1/contacts/${id}`, { first_name: 'Ann' }));
      assert.equal(same.updated_at, cleared.updated_at, 'nothing changed, updated_at stays');
    });

    it('400 names every malformed field and every reference that is not the account\'s; nothing is written', async () => {
      const id = await newContact({ first_name: 'Keep' });
      const before = await row(id);
      const theirs = await h.tenant();
      const theirLine = ok(await apiClient(h, await h.key(theirs.accountId, ['admin'])).post('/v1/lines', { name: 'Theirs' }), 201);
      assertProblem(await writer.patch(`/v1/contacts/${id}`, { first_name: 'X', email: 'nope', date_of_birth: '13/45/2000', timezone: 'Mars/Base' }), 400, 'VALIDATION_FAILED', [
        { field: 'email', rule: 'email' }, { field: 'date_of_birth', rule: 'date_format' }, { field: 'timezone', rule: 'timezone' },
      ]);
      assertProblem(await writer.patch(`/v1/contacts/${id}`, { first_name: 'X', user_id: theirs.userId, line_id: theirLine.id, disposition_status_id: 999999 }), 400, 'VALIDATION_FAILED', [
        { field: 'user_id', rule: 'in' }, { field: 'line_id', rule: 'in' }, { field: 'disposition_status_id', rule: 'in' },
      ]);
      assertProblem(await writer.patch(`/v1/contacts/${id}`, { is_dnc: 'maybe', city: 'x'.repeat(256), line_id: 0 }), 400, 'VALIDATION_FAILED');
      assertProblem(await writer.patch(`/v1/contacts/${id}`, { phone_number: '2125550000' }), 400, 'VALIDATION_FAILED', [{ field: 'phone_number', rule: 'in' }]);
      assert.deepEqual(await row(id), before);
    });

    it('needs contacts:write (admin too); another account\'s contact is a 404', async () => {
      const id = await newContact();
      const reader = apiClient(h, await h.key(t.accountId, ['contacts:read', 'leads:write']));
      assertProblem(await reader.patch(`/v1/contacts/${id}`, { first_name: 'No' }), 403, 'INSUFFICIENT_SCOPE');
      assert.equal(ok(await admin.patch(`/v1/contacts/${id}`, { first_name: 'Admin' })).first_name, 'Admin');
      const stranger = apiClient(h, await h.key((await h.tenant()).accountId, ['contacts:write']));
      assert.equal(assertProblem(await stranger.patch(`/v1/contacts/${id}`, { first_name: 'Theirs' }), 404, 'NOT_FOUND').detail, `No contact ${id}.`);
      assertProblem(await writer.patch('/v1/contacts/2147483648', { first_name: 'Nobody' }), 404, 'NOT_FOUND');
      assert.equal((await row(id)).first_name, 'Admin');
    });
  });
}
