// Agents, ring groups, sequences and tags written straight to the database, so routing tests
// do not depend on the management API they are not about.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';

/** Anything with the database: a Harness, or a test's own connection to a server's database. */
type HasDb = { db: Kysely<DB> };

const now = () => new Date().toISOString();

export async function agent(h: HasDb, accountId: number, name: string, status = 'available'): Promise<number> {
  const row = await h.db.insertInto('users').values({ account_id: accountId, name, email: null, status, created_at: now(), updated_at: now() })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setStatus(h: HasDb, userId: number, status: string): Promise<void> {
  await h.db.updateTable('users').set({ status }).where('id', '=', userId).execute();
}

export async function ringGroup(h: HasDb, accountId: number, layers: { strategy: 'round_robin' | 'random'; userIds: number[] }[]): Promise<number> {
  const group = await h.db.insertInto('ring_groups').values({ account_id: accountId, name: 'Sales', created_at: now(), updated_at: now() })
    .returning('id').executeTakeFirstOrThrow();
  for (const [i, layer] of layers.entries()) {
    const l = await h.db.insertInto('ring_group_layers').values({ ring_group_id: group.id, position: i + 1, strategy: layer.strategy, last_user_id: null })
      .returning('id').executeTakeFirstOrThrow();
    for (const [j, userId] of layer.userIds.entries()) {
      await h.db.insertInto('ring_group_members').values({ layer_id: l.id, user_id: userId, position: j + 1 }).execute();
    }
  }
  return group.id;
}

export async function named(h: HasDb, table: 'sequences' | 'lines' | 'disposition_statuses', accountId: number, name: string): Promise<number> {
  const row = await h.db.insertInto(table).values({ account_id: accountId, name, created_at: now(), updated_at: now() })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function tag(h: HasDb, accountId: number, name: string): Promise<number> {
  const row = await h.db.insertInto('tags').values({ account_id: accountId, name, name_key: name.toLowerCase(), created_at: now(), updated_at: now() })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}
