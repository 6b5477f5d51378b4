// On the first start against an empty database: a default account, its owner and an API key,
// so a new user can post a lead at once. Several nodes starting together create one account:
// on PostgreSQL the check and the inserts run under an advisory lock.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DialectName } from '../db/database.js';
import { countAccounts } from '../accounts/account-repository.js';
import { AccountService } from '../accounts/account-service.js';
import { UserService } from '../users/user-service.js';
import { ApiKeyService } from '../api-keys/api-key-service.js';

export interface FirstStart {
  accountId: number;
  userId: number;
  keyId: number;
  token: string;
}

const FIRST_START_LOCK = 7_368_221_001;

export async function ensureDefaultAccount(db: Kysely<DB>, dialect: DialectName, country: string): Promise<FirstStart | null> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`.execute(trx);
    if ((await countAccounts(trx)) > 0) return null;
    const account = await new AccountService(trx).create({ name: 'Default account', country });
    const user = await new UserService(trx).create({ accountId: account.id, name: 'Owner' });
    const { key, token } = await new ApiKeyService(trx).create({ accountId: account.id, userId: user.id, name: 'first-start key' });
    return { accountId: account.id, userId: user.id, keyId: key.id, token };
  });
}

/** Printed once, to stdout and not through the logger: log lines never carry a token. */
export function firstStartBanner(first: FirstStart, baseUrl: string): string {
  const body = JSON.stringify({ api_token: first.token, phone_number: '8181234567', name: 'John Doe', email: 'john.doe@gmail.com' });
  return [
    '',
    `leadgate: first start. Created account ${first.accountId} ("Default account"), its owner and an API key.`,
    `API key (shown once, stored only as a hash; scopes leads:write,contacts:read):`,
    `  ${first.token}`,
    '',
    'Post a lead:',
    `  curl -X POST '${baseUrl}/api/v1/webhook/forms' -H 'Content-Type: application/json' -H 'Accept: application/json' \\`,
    `    --data-raw '${body}'`,
    '',
  ].join('\n');
}
