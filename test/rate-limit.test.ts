// Per-key rate limits: 429 in each dialect's envelope with Retry-After and RateLimit-* headers,
// logged, never half-saved; counters shared through Redis when several nodes serve one account.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Harness } from './support/harness.js';
import { testDialects } from './support/databases.js';
import { buildApp } from '../src/app.js';
import { parseRateLimit } from '../src/api-keys/rate-limit-spec.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

for (const dialect of testDialects()) {
  describe(`rate limits [${dialect}]`, () => {
    let h: Harness;
    before(async () => {
      h = await Harness.start(dialect, { rateLimit: { defaultLimit: parseRateLimit('5/1m')! } });
    });
    after(() => h.close());

    it('answers the request past a key\'s own limit with 429 in the Aloware envelope, and saves nothing', async () => {
      const t = await h.tenant();
      const { token, key } = await h.services.apiKeys.create({ accountId: t.accountId, rateLimit: '2/1m' }).then((r) => ({ token: r.token, key: r.key }));
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await h.aloware({ api_token: token, phone_number: `20255501${10 + i}` }));
      assert.deepEqual(answers.map((a) => a.statusCode), [201, 201, 429]);
      const limited = answers[2]!;
      assert.deepEqual(limited.json(), { message: 'Too Many Attempts.' });
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal(limited.headers['ratelimit-limit'], '2');
      assert.equal(limited.headers['ratelimit-remaining'], '0');
      assert.ok(Number(limited.headers['ratelimit-reset']) > 0);
      assert.equal(answers[0]!.headers['ratelimit-remaining'], '1');
      const saved = await h.db.selectFrom('contact_phone_numbers').select('id').where('phone_number', '=', '+12025550112').execute();
      assert.equal(saved.length, 0);
      const log = await h.db.selectFrom('capture_log').selectAll().where('request_id', '=', limited.headers['x-request-id'] as string).executeTakeFirstOrThrow();
      assert.deepEqual([log.outcome, log.status, log.api_key_id], ['rejected', 429, key.id]);
    });

    it('answers in the Alohub envelope and applies the server default to keys without their own', async () => {
      const t = await h.tenant({ country: 'VN' });
      const statuses = [];
      let last;
      for (let i = 0; i < 6; i++) {
        last = await h.inject({ method: 'POST', url: '/api/crm/lead', headers: { authorization: t.token }, payload: { phone: `09123456${10 + i}` } });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      assert.equal(last!.json().error_code, 'RATE_LIMIT_EXCEEDED');
      assert.equal(last!.json().success, '0');
      assert.ok(Number(last!.headers['retry-after']) > 0);
      assert.equal(last!.headers['ratelimit-limit'], '5');
    });

    it('counts each key on its own', async () => {
      const t = await h.tenant();
      const a = await h.services.apiKeys.create({ accountId: t.accountId, rateLimit: '1/1m' });
      const b = await h.services.apiKeys.create({ accountId: t.accountId, rateLimit: '1/1m' });
      assert.equal((await h.aloware({ api_token: a.token, phone_number: '2025550190' })).statusCode, 201);
      assert.equal((await h.aloware({ api_token: a.token, phone_number: '2025550190' })).statusCode, 429);
      assert.equal((await h.aloware({ api_token: b.token, phone_number: '2025550190' })).statusCode, 200);
    });
  });
}

describe('rate limits shared through Redis', () => {
  let h: Harness;
  let redis: Redis;
  const nameSpace = `leadgate-test-${randomBytes(4).toString('hex')}-`;

  before(async () => {
    redis = new Redis(REDIS_URL, { connectTimeout: 1000, maxRetriesPerRequest: 1 });
    h = await Harness.start('sqlite', { rateLimit: { defaultLimit: parseRateLimit('3/1m')!, redis, nameSpace } });
  });
  after(async () => {
    await h.close();
    const keys = await redis.keys(`${nameSpace}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lets two nodes on one Redis share one key\'s counter', async () => {
    // A second app on the same database and Redis stands for a second node.
    const other = await buildApp({ services: h.services, rateLimit: { defaultLimit: parseRateLimit('3/1m')!, redis, nameSpace } });
    try {
      const t = await h.tenant();
      const post = (app: typeof other, phone: string) => app.inject({ method: 'POST', url: '/api/v1/webhook/forms', payload: { api_token: t.token, phone_number: phone } });
      const statuses = [
        (await post(h.app, '2025550201')).statusCode,
        (await post(other, '2025550202')).statusCode,
        (await post(h.app, '2025550203')).statusCode,
        (await post(other, '2025550204')).statusCode,
      ];
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      assert.ok((await redis.keys(`${nameSpace}*`)).length > 0, 'the counter lives in Redis');
    } finally {
      await other.close();
    }
  });
});
