// pgbench running the statements a capture of a new lead runs (the key lookup, the number
// lookup, then contact, number, note and log inserts in one transaction), with pgbench's fastest
// protocol (prepared statements), in a scratch schema made by leadgate's own migrations on the
// same server. leadgate's PostgreSQL rate is reported as a share of this one's.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

const script = (payload: string) => `\\set n random(1, 1000000000)
SELECT api_keys.id, accounts.default_country FROM api_keys JOIN accounts ON accounts.id = api_keys.account_id WHERE api_keys.token_hash = 'bench';
BEGIN;
SELECT contact_id, phone_number FROM contact_phone_numbers WHERE account_id = 1 AND phone_number IN ('+1' || :n);
INSERT INTO contacts (account_id, phone_number, first_name, last_name, name, company_name, email, lead_source, date_of_birth, timezone, city, state, zipcode, country, address, website, csf1, csf2, is_dnc, created_at, updated_at) VALUES (1, '+1' || :n, 'Jordan', 'Avery-Lee', 'Jordan Avery-Lee', 'Avery & Sons Landscaping LLC', 'jordan.avery@example.com', 'Google Ads - Spring Campaign', '1986-04-12', 'America/Los_Angeles', 'Los Angeles', 'CA', '90045', 'US', '1234 First Street, Suite 200', 'https://www.avery-landscaping.example.com', 'utm_source=google&utm_medium=cpc', 'landing-page-v3', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id \\gset
INSERT INTO contact_phone_numbers (account_id, contact_id, phone_number, label, is_primary, created_at) VALUES (1, :id, '+1' || :n, 'primary', 1, '2026-01-01T00:00:00.000Z') ON CONFLICT DO NOTHING;
INSERT INTO contact_notes (account_id, contact_id, body, created_at) VALUES (1, :id, 'Asked for a quote on a full backyard redesign; prefers a call after 5pm on weekdays.', '2026-01-01T00:00:00.000Z');
INSERT INTO capture_log (account_id, api_key_id, request_id, dialect, outcome, status, contact_id, warnings, payload, created_at) VALUES (1, 1, 'bench', 'aloware', 'created', 201, :id, '[]', '${payload}', '2026-01-01T00:00:00.000Z');
END;
`;

export async function runPgbench(url: string, seconds: number, connections: number): Promise<{ tps: number } | null> {
  if (spawnSync('pgbench', ['--version']).status !== 0) return null;
  const schema = `leadgate_pgbench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  // libpq reads %20, not URLSearchParams' '+', as a space.
  const scoped = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadgate-pgbench-'));
  try {
    const database = openDatabase({ kind: 'postgres', url, poolSize: 1, schema });
    await migrateToLatest(database.db);
    await database.db.insertInto('accounts').values({ name: 'bench', default_country: 'US', created_at: '2026-01-01' }).execute();
    await database.db.insertInto('api_keys').values({ account_id: 1, user_id: null, name: 'bench', prefix: 'bench', token_hash: 'bench', scopes: 'leads:write', status: 'active', expires_at: null, rate_limit: null, last_used_at: null, created_at: '2026-01-01', revoked_at: null }).execute();
    await database.close();
    const payload = JSON.stringify({ query: {}, body: { phone_number: '2100000000', note: 'x'.repeat(560) } });
    fs.writeFileSync(path.join(dir, 'capture.sql'), script(payload));
    const out = execFileSync('pgbench', ['-n', '-M', 'prepared', '-c', String(connections), '-j', '2', '-T', String(seconds), '-f', path.join(dir, 'capture.sql'), scoped], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    return Number.isFinite(tps) ? { tps: Math.round(tps) } : null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
