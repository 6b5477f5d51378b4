// leadgate's contact read API: the contact JSON (Aloware's names), lookup by any format of any
// of a contact's numbers, text search, newest-first cursor paging, and its 4xx answers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';

type ContactJson = { id: number; [field: string]: unknown };

/** The contact JSON's Aloware-named fields. */
const contactFields = [
  'id', 'phone_number', 'other_phone_numbers', 'first_name', 'last_name', 'name', 'company_name', 'email', 'lead_source',
  'date_of_birth', 'timezone', 'city', 'state', 'zipcode', 'country', 'address', 'website', 'csf1', 'csf2', 'user_id',
  'is_dnc', 'notes', 'created_at', 'updated_at',
];
const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
type Page = { data: ContactJson[]; next_cursor: string | null };

/** A problem-details 400 whose first field error names `field`. */
function assertBadRequest(res: LightMyRequestResponse, field: string): void {
  assert.equal(res.statusCode, 400, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.status, 400);
  assert.equal(body.code, 'VALIDATION_FAILED');
  assert.equal(body.request_id, res.headers['x-request-id']);
  assert.equal(body.errors[0].field, field, res.body);
}

for (const dialect of testDialects()) {
  describe(`contacts API [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    const get = (url: string, query?: Record<string, string>, token = t.token) =>
      h.inject({ method: 'GET', url, query, headers: { authorization: `Bearer ${token}` } });
    const create = async (body: Record<string, unknown>, token = t.token): Promise<number> => {
      const res = await h.aloware({ ...body, api_token: token });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().contact_id;
    };

    before(async () => {
      h = await Harness.start(dialect);
      t = await h.tenant();
    });
    after(() => h.close());

    it('GET /v1/contacts/:id returns the whole contact with Aloware field names', async () => {
      const id = await create({
        phone_number: '8181234567',
        other_phone_numbers: [{ label: 'mobile', phone_number: '(818) 555-0101' }, '818-555-0102'],
        first_name: 'John', last_name: 'Doe', name: 'John Doe', company_name: 'Aloware', email: 'John.Doe@Gmail.com',
        lead_source: 'Google Ads', date_of_birth: '01/15/1990', timezone: 'America/Los_Angeles', city: 'Los Angeles',
        state: 'CA', zipcode: '90045', country: 'US', address: '1234 First Street', website: 'https://www.aloware.com',
        csf1: 'Custom 1', csf2: 'Custom 2', user_id: String(t.userId), is_dnc: true, notes: 'This is a test note',
      });
      const row = await h.db.selectFrom('contacts').select(['created_at', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
      const note = await h.db.selectFrom('contact_notes').select('created_at').where('contact_id', '=', id).executeTakeFirstOrThrow();

      const res = await get(`/v1/contacts/${id}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const body = res.json();
      // The fields this suite owns are compared exactly; fields added later (tags, sequence, ...) are
      // left to their own tests, but nothing internal may show.
      for (const internal of ['account_id', 'api_key_id', 'token_hash', 'is_primary']) assert.ok(!(internal in body), internal);
      assert.deepEqual(pick(body, contactFields), {
        id, phone_number: '+18181234567',
        other_phone_numbers: [{ label: 'mobile', phone_number: '+18185550101' }, { label: 'other', phone_number: '+18185550102' }],
        first_name: 'John', last_name: 'Doe', name: 'John Doe', company_name: 'Aloware', email: 'john.doe@gmail.com',
        lead_source: 'Google Ads', date_of_birth: '1990-01-15', timezone: 'America/Los_Angeles', city: 'Los Angeles',
        state: 'CA', zipcode: '90045', country: 'US', address: '1234 First Street', website: 'https://www.aloware.com',
        csf1: 'Custom 1', csf2: 'Custom 2', user_id: t.userId, is_dnc: true,
        notes: [{ body: 'This is a test note', created_at: note.created_at }],
        created_at: row.created_at, updated_at: row.updated_at,
      });
      assert.match(row.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    });

    it('a contact created with only a number shows nulls, empty lists and is_dnc false', async () => {
      const id = await create({ phone_number: '+1 (646) 555-0110' });
      const body = (await get(`/v1/contacts/${id}`)).json();
      assert.equal(body.phone_number, '+16465550110');
      assert.deepEqual([body.other_phone_numbers, body.notes, body.is_dnc, body.user_id, body.date_of_birth, body.email], [[], [], false, null, null, null]);
    });

    describe('GET /v1/contacts?phone=', () => {
      let id: number;
      before(async () => {
        id = await create({ phone_number: '(415) 555-0120', other_phone_numbers: [{ label: 'work', phone_number: '415.555.0121' }], name: 'Phone Lookup' });
      });

      for (const phone of ['+1 415-555-0120', '(415) 555 0120', '4155550120', '+14155550120']) {
        it(`finds the contact by its primary number written as "${phone}"`, async () => {
          const res = await get('/v1/contacts', { phone });
          assert.equal(res.statusCode, 200, res.body);
          const page: Page = res.json();
          assert.deepEqual(page.data.map((c) => c.id), [id]);
          assert.equal(page.next_cursor, null);
        });
      }

      for (const phone of ['+1 415-555-0121', '(415) 555 0121', '4155550121']) {
        it(`finds the contact by one of its other numbers written as "${phone}"`, async () => {
          const page: Page = (await get('/v1/contacts', { phone })).json();
          assert.deepEqual(page.data.map((c) => c.id), [id]);
        });
      }

      it('a possible number nobody has -> an empty page', async () => {
        assert.deepEqual((await get('/v1/contacts', { phone: '4155550199' })).json(), { data: [], next_cursor: null });
      });

      it('an impossible number -> 400 problem details on field phone', async () => {
        assertBadRequest(await get('/v1/contacts', { phone: '12345' }), 'phone');
        assertBadRequest(await get('/v1/contacts', { phone: 'call me' }), 'phone');
      });
    });

    describe('GET /v1/contacts?q=', () => {
      const ids: Record<string, number> = {};
      before(async () => {
        ids.name = await create({ phone_number: '5035550130', name: 'Zelda Quarterman' });
        ids.company = await create({ phone_number: '5035550131', name: 'Ann Smith', company_name: 'QUARTERMASTER Supplies' });
        ids.email = await create({ phone_number: '5035550132', name: 'Bob Jones', email: 'bob@quarterly-report.example' });
        ids.percent = await create({ phone_number: '5035550133', name: 'Hundred Co', company_name: '100% Organic' });
        ids.underscore = await create({ phone_number: '5035550134', name: 'Under Score', email: 'snake_case@example.com' });
        ids.plain = await create({ phone_number: '5035550135', name: 'Snakexcase 1000 Organic' });
      });
      const search = async (q: string) => ((await get('/v1/contacts', { q, limit: '100' })).json() as Page).data.map((c) => c.id).sort((a, b) => a - b);

      it('matches inside name, company and email, ignoring case', async () => {
        assert.deepEqual(await search('quarter'), [ids.name!, ids.company!, ids.email!]);
        assert.deepEqual(await search('QuArTeRmAn'), [ids.name!]);
      });

      it('% and _ in q are literal characters, not wildcards', async () => {
        assert.deepEqual(await search('0% O'), [ids.percent!]);
        assert.deepEqual(await search('%'), [ids.percent!]);
        assert.deepEqual(await search('snake_case'), [ids.underscore!]);
        assert.deepEqual(await search('_'), [ids.underscore!]);
      });

      it('a q nothing contains -> an empty page', async () => {
        assert.deepEqual((await get('/v1/contacts', { q: 'no such text' })).json(), { data: [], next_cursor: null });
      });
    });

    describe('paging', () => {
      let pager: Tenant;
      let created: number[];
      before(async () => {
        pager = await h.tenant();
        created = [];
        for (let i = 0; i < 5; i++) created.push(await create({ phone_number: `71855501${40 + i}`, name: `Page ${i}` }, pager.token));
      });

      it('limit=2 over 5 contacts: newest first, next_cursor walks all 5 exactly once, then null', async () => {
        const pages: number[][] = [];
        let cursor: string | null = null;
        do {
          const res = await get('/v1/contacts', { limit: '2', ...(cursor === null ? {} : { cursor }) }, pager.token);
          assert.equal(res.statusCode, 200, res.body);
          const page: Page = res.json();
          pages.push(page.data.map((c) => c.id));
          cursor = page.next_cursor;
        } while (cursor !== null && pages.length < 10);
        const newestFirst = [...created].reverse();
        assert.deepEqual(pages, [newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
      });

      it('without limit the whole account comes in one page, newest first', async () => {
        const page: Page = (await get('/v1/contacts', undefined, pager.token)).json();
        assert.deepEqual(page.data.map((c) => c.id), [...created].reverse());
        assert.equal(page.next_cursor, null);
      });

      it('a garbage cursor -> 400 on field cursor', async () => {
        assertBadRequest(await get('/v1/contacts', { cursor: 'garbage!!' }, pager.token), 'cursor');
        assertBadRequest(await get('/v1/contacts', { cursor: Buffer.from('c0').toString('base64url') }, pager.token), 'cursor');
      });

      it('a well-formed cursor past the largest id pages from the newest contact, never 500', async () => {
        const res = await get('/v1/contacts', { cursor: Buffer.from('c9999999999').toString('base64url'), limit: '2' }, pager.token);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual((res.json() as Page).data.map((c) => c.id), [...created].reverse().slice(0, 2));
      });

      it('limit=0, limit=101 and limit=abc -> 400 on field limit', async () => {
        for (const limit of ['0', '101', 'abc']) assertBadRequest(await get('/v1/contacts', { limit }, pager.token), 'limit');
      });
    });

    describe('GET /v1/contacts/:id errors', () => {
      it('an unknown id -> 404 problem details', async () => {
        const res = await get('/v1/contacts/987654');
        assert.equal(res.statusCode, 404, res.body);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.deepEqual(res.json(), {
          type: 'urn:leadgate:problem:not-found', title: 'Not found.', status: 404,
          detail: 'No contact 987654.', code: 'NOT_FOUND', request_id: res.headers['x-request-id'],
        });
      });

      // '1e3', '0x10', '+5' and ' 5' are numbers to JavaScript, but not ids: no contact 1000 for '1e3'.
      for (const id of ['abc', '0', '-1', '1.5', '%20', '1e3', '0x10', '+5', '%205', '05']) {
        it(`a non-id "${id}" -> 400 on field id, never 500`, async () => {
          assertBadRequest(await get(`/v1/contacts/${id}`), 'id');
        });
      }

      it('a malformed id without a good key is a 401 first: the key is checked before the URL', async () => {
        for (const token of [undefined, 'lg_not_a_key']) {
          const res = await h.inject({ method: 'GET', url: '/v1/contacts/1e3', headers: token ? { authorization: `Bearer ${token}` } : {} });
          assert.equal(res.statusCode, 401, res.body);
        }
      });

      it('an id past the largest integer id -> 404, never 500', async () => {
        const res = await get('/v1/contacts/2147483648');
        assert.equal(res.statusCode, 404, res.body);
        assert.equal(res.json().code, 'NOT_FOUND');
      });
    });
  });
}
