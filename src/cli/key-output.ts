import type { ApiKeyRow } from '../db/schema.js';

/** A key as listings show it: everything but the hash. */
export function describeKey(key: ApiKeyRow) {
  return {
    id: key.id, account_id: key.account_id, user_id: key.user_id, name: key.name, prefix: key.prefix,
    scopes: key.scopes.split(','), status: key.status, expires_at: key.expires_at, rate_limit: key.rate_limit,
    last_used_at: key.last_used_at, created_at: key.created_at,
  };
}

export function printKeyTable(keys: ApiKeyRow[]): void {
  if (!keys.length) {
    console.log('no keys');
    return;
  }
  const rows = keys.map((k) => [String(k.id), k.name, `${k.prefix}…`, k.scopes, k.status, k.expires_at ?? 'never', k.last_used_at ?? 'never', k.rate_limit ?? 'default']);
  const header = ['ID', 'NAME', 'PREFIX', 'SCOPES', 'STATUS', 'EXPIRES', 'LAST USED', 'RATE LIMIT'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}
