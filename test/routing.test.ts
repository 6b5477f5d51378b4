// Routing and follow-up inside one capture: owners from ring groups with availability and
// fallback, sticky ownership, power-dialer order, sequences, tags, do-not-contact, stale
// references, one-transaction rollback and round-robin fairness under concurrency.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { Harness, type Tenant } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { agent, named, ringGroup, setStatus, tag } from './support/routing-fixtures.js';

for (const dialect of testDialects()) {
  describe(`routing and follow-up [${dialect}]`, () => {
    let h: Harness;
    let t: Tenant;
    let phone = 3_105_550_100;
    const nextPhone = () => String(++phone);
    const lead = async (body: Record<string, unknown>) => {
      const r = await h.inject({ method: 'POST', url: '/v1/leads', headers: { authorization: `Bearer ${t.token}` }, payload: { phone_number: nextPhone(), ...body } });
      assert.ok(r.statusCode === 201 || r.statusCode === 200, r.body);
      return r.json();
    };
    const queue = async (userId: number) => (await h.db.selectFrom('power_dialer_items').select('contact_id').where('user_id', '=', userId).orderBy('position').execute()).map((r) => r.contact_id);

    before(async () => {
      h = await Harness.start(dialect, { rateLimit: { defaultLimit: { max: 100_000, windowMs: 60_000 } } });
      t = await h.tenant();
    });
    after(() => h.close());

    it('goes round the first layer in order and uses a lower layer only when nobody above is eligible', async () => {
      const [a, b, c, d] = [await agent(h, t.accountId, 'A'), await agent(h, t.accountId, 'B'), await agent(h, t.accountId, 'C'), await agent(h, t.accountId, 'D')];
      const group = await ringGroup(h, t.accountId, [{ strategy: 'round_robin', userIds: [a, b, c] }, { strategy: 'round_robin', userIds: [d] }]);
      const route = { distribute_to_ring_group: true, ring_group_id: group, check_available_users: true };
      const owners = [];
      for (let i = 0; i < 4; i++) owners.push((await lead(route)).owner);
      assert.deepEqual(owners, [a, b, c, a].map((user_id) => ({ user_id, reason: 'ring_group' })));
      await setStatus(h, b, 'on_call');
      assert.equal((await lead(route)).owner.user_id, c, 'b is skipped while on a call');
      assert.equal((await lead(route)).owner.user_id, a);
      for (const u of [a, b, c]) await setStatus(h, u, 'offline');
      assert.deepEqual((await lead(route)).owner, { user_id: d, reason: 'ring_group' });
      await setStatus(h, b, 'available');
      assert.equal((await lead(route)).owner.user_id, b);
    });

    it('falls back to any member when nobody is available, and saves unassigned without fallback', async () => {
      const [a, b] = [await agent(h, t.accountId, 'A', 'offline'), await agent(h, t.accountId, 'B', 'busy')];
      const group = await ringGroup(h, t.accountId, [{ strategy: 'round_robin', userIds: [a, b] }]);
      const fallback = await lead({ distribute_to_ring_group: 1, ring_group_id: String(group), check_available_users: true, check_available_users_with_fallback: true });
      assert.deepEqual(fallback.owner, { user_id: a, reason: 'ring_group_fallback' });
      assert.equal((await lead({ distribute_to_ring_group: true, ring_group_id: group, check_available_users_with_fallback: true })).owner.user_id, b);
      const none = await lead({ distribute_to_ring_group: true, ring_group_id: group, check_available_users: true, add_to_powerdialer: true });
      assert.deepEqual(none.owner, { user_id: null, reason: 'no_available_member' });
      assert.equal(none.power_dialer, null);
      assert.deepEqual(none.warnings, [
        `nobody in ring group ${group} is available; the lead was not distributed.`,
        'the contact has no owner; it was not added to a power-dialer queue.',
      ]);
      const log = await h.db.selectFrom('capture_log').select('warnings').where('contact_id', '=', none.contact_id).executeTakeFirstOrThrow();
      assert.match(log.warnings, /nobody in ring group/);
    });

    it('keeps an existing owner unless force_update, without advancing the round robin', async () => {
      const [a, b] = [await agent(h, t.accountId, 'A'), await agent(h, t.accountId, 'B')];
      const group = await ringGroup(h, t.accountId, [{ strategy: 'round_robin', userIds: [a, b] }]);
      const route = { distribute_to_ring_group: true, ring_group_id: group };
      const first = await lead(route);
      const p = (await h.db.selectFrom('contacts').select('phone_number').where('id', '=', first.contact_id).executeTakeFirstOrThrow()).phone_number;
      const again = await lead({ ...route, phone_number: p });
      assert.deepEqual(again.owner, { user_id: a, reason: 'existing_owner' });
      assert.equal(again.outcome, 'unchanged');
      assert.deepEqual(again.changed_fields, []);
      assert.equal((await lead(route)).owner.user_id, b, 'the sticky lead did not use up b\'s turn');
      const forced = await lead({ ...route, phone_number: p, force_update: true });
      assert.deepEqual([forced.owner, forced.changed_fields], [{ user_id: a, reason: 'ring_group' }, []]);
      const moved = await lead({ ...route, phone_number: p, force_update: true });
      assert.deepEqual([moved.owner, moved.changed_fields, moved.outcome], [{ user_id: b, reason: 'ring_group' }, ['user_id'], 'updated']);
    });

    it('queues at the top or the bottom of the owner\'s power dialer, once', async () => {
      const a = await agent(h, t.accountId, 'Dialer');
      const first = await lead({ user_id: a, add_to_powerdialer: true });
      const second = await lead({ user_id: a, add_to_powerdialer: true, powerdialer_position: 'bottom' });
      const third = await lead({ user_id: a, add_to_powerdialer: true, powerdialer_position: 'top' });
      assert.deepEqual([first.power_dialer, second.power_dialer, third.power_dialer], [{ user_id: a, position: 1 }, { user_id: a, position: 2 }, { user_id: a, position: 1 }]);
      assert.deepEqual(await queue(a), [third.contact_id, first.contact_id, second.contact_id]);
      const p = (await h.db.selectFrom('contacts').select('phone_number').where('id', '=', second.contact_id).executeTakeFirstOrThrow()).phone_number;
      const again = await lead({ phone_number: p, add_to_powerdialer: true, powerdialer_position: 'top' });
      assert.deepEqual(again.power_dialer, { user_id: a, position: 3 }, 'already queued: it stays where it is');
      assert.equal((await queue(a)).length, 3);
    });

    it('never queues a do-not-contact contact, and says why', async () => {
      const a = await agent(h, t.accountId, 'DNC');
      const r = await lead({ user_id: a, add_to_powerdialer: true, is_dnc: true });
      assert.equal(r.power_dialer, null);
      assert.deepEqual(r.warnings, ['the contact is marked do-not-contact; it was not added to a power-dialer queue.']);
      assert.deepEqual(await queue(a), []);
    });

    it('enrolls in one sequence and moves only with force_update_sequence', async () => {
      const [s1, s2] = [await named(h, 'sequences', t.accountId, 'Welcome'), await named(h, 'sequences', t.accountId, 'Nurture')];
      const first = await lead({ sequence_id: s1 });
      assert.deepEqual(first.sequence, { id: s1, moved: false });
      const p = (await h.db.selectFrom('contacts').select('phone_number').where('id', '=', first.contact_id).executeTakeFirstOrThrow()).phone_number;
      const same = await lead({ phone_number: p, automation_id: s1 });
      assert.deepEqual([same.sequence, same.outcome], [{ id: s1, moved: false }, 'unchanged']);
      const refused = await lead({ phone_number: p, sequence_id: s2 });
      assert.deepEqual(refused.sequence, { id: s1, moved: false });
      assert.match(refused.warnings[0], /not moved/);
      const moved = await lead({ phone_number: p, sequence_id: s2, force_update_sequence: '1' });
      assert.deepEqual([moved.sequence, moved.changed_fields], [{ id: s2, moved: true }, ['sequence']]);
      const rows = await h.db.selectFrom('sequence_enrollments').selectAll().where('contact_id', '=', first.contact_id).execute();
      assert.deepEqual(rows.map((r) => r.sequence_id), [s2]);
    });

    it('applies tags by id and by name idempotently, creating missing names once', async () => {
      const vip = await tag(h, t.accountId, 'VIP');
      const r = await lead({ tag_id: vip, tags: 'vip, Spring Promo ,spring promo,' });
      assert.deepEqual(r.tags.map((x: { name: string }) => x.name), ['VIP', 'Spring Promo']);
      const p = (await h.db.selectFrom('contacts').select('phone_number').where('id', '=', r.contact_id).executeTakeFirstOrThrow()).phone_number;
      const again = await lead({ phone_number: p, tags: 'Spring promo', tag_id: vip });
      assert.equal(again.outcome, 'unchanged');
      const applied = await h.db.selectFrom('contact_tags').select('tag_id').where('contact_id', '=', r.contact_id).execute();
      assert.equal(applied.length, 2);
      const promo = await h.db.selectFrom('tags').select('id').where('account_id', '=', t.accountId).where('name_key', '=', 'spring promo').execute();
      assert.equal(promo.length, 1);
    });

    it('sets line and disposition under the merge rule, and skips stale references with warnings', async () => {
      const [l1, l2] = [await named(h, 'lines', t.accountId, 'Main'), await named(h, 'lines', t.accountId, 'Promo')];
      const d1 = await named(h, 'disposition_statuses', t.accountId, 'New');
      const first = await lead({ line_id: l1, disposition_status_id: d1, sequence_id: 999_999, tag_id: 999_999, ring_group_id: 999_999, distribute_to_ring_group: true });
      assert.equal(first.warnings.length, 3);
      const p = (await h.db.selectFrom('contacts').select('phone_number').where('id', '=', first.contact_id).executeTakeFirstOrThrow()).phone_number;
      await lead({ phone_number: p, line_id: l2 });
      const c1 = await h.db.selectFrom('contacts').select(['line_id', 'disposition_status_id']).where('id', '=', first.contact_id).executeTakeFirstOrThrow();
      assert.deepEqual(c1, { line_id: l1, disposition_status_id: d1 });
      await lead({ phone_number: p, line_id: l2, force_update: true });
      const c2 = await h.db.selectFrom('contacts').select('line_id').where('id', '=', first.contact_id).executeTakeFirstOrThrow();
      assert.equal(c2.line_id, l2);
      // A stale owner from another account is not taken either.
      const other = await h.tenant();
      const stranger = await lead({ user_id: other.userId });
      assert.deepEqual(stranger.owner, { user_id: null, reason: 'unknown_user' });
    });

    it('leaves nothing behind when a step fails mid-capture', async () => {
      const a = await agent(h, t.accountId, 'Rollback');
      const s = await named(h, 'sequences', t.accountId, 'Broken');
      if (dialect === 'sqlite') {
        await sql`create trigger fail_enroll before insert on sequence_enrollments begin select raise(abort, 'enrollment failed'); end`.execute(h.db);
      } else {
        await sql`create function fail_enroll() returns trigger language plpgsql as $$ begin raise exception 'enrollment failed'; end $$`.execute(h.db);
        await sql`create trigger fail_enroll before insert on sequence_enrollments for each row execute function fail_enroll()`.execute(h.db);
      }
      try {
        const p = nextPhone();
        const r = await h.inject({ method: 'POST', url: '/v1/leads', headers: { authorization: `Bearer ${t.token}` }, payload: { phone_number: p, user_id: a, add_to_powerdialer: true, tags: 'Fresh', notes: 'hi', sequence_id: s } });
        assert.equal(r.statusCode, 500);
        assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
        assert.doesNotMatch(r.body, /enrollment failed|trigger|insert/i);
        assert.equal((await h.db.selectFrom('contact_phone_numbers').select('id').where('phone_number', '=', `+1${p}`).execute()).length, 0);
        assert.deepEqual(await queue(a), []);
        assert.equal((await h.db.selectFrom('tags').select('id').where('name_key', '=', 'fresh').execute()).length, 0);
        const log = await h.db.selectFrom('capture_log').select(['outcome', 'status']).where('request_id', '=', r.headers['x-request-id'] as string).execute();
        assert.deepEqual(log, [{ outcome: 'rejected', status: 500 }]);
      } finally {
        await sql`drop trigger fail_enroll ${sql.raw(dialect === 'postgres' ? 'on sequence_enrollments' : '')}`.execute(h.db);
      }
    });

    it('gives each of three members exactly 100 of 300 leads sent 50 at a time', async () => {
      const members = [await agent(h, t.accountId, 'R1'), await agent(h, t.accountId, 'R2'), await agent(h, t.accountId, 'R3')];
      const group = await ringGroup(h, t.accountId, [{ strategy: 'round_robin', userIds: members }]);
      const counts = new Map<number, number>();
      for (let batch = 0; batch < 6; batch++) {
        const answers = await Promise.all(Array.from({ length: 50 }, () => lead({ distribute_to_ring_group: true, ring_group_id: group, check_available_users: true })));
        for (const a of answers) counts.set(a.owner.user_id, (counts.get(a.owner.user_id) ?? 0) + 1);
      }
      assert.deepEqual(members.map((m) => counts.get(m)), [100, 100, 100]);
    });
  });
}
