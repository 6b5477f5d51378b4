// The reads and writes a capture makes to route a lead. Locks are taken with a no-op UPDATE,
// which works on both databases: PostgreSQL holds the row lock until commit (so two nodes never
// read the same round-robin pointer), and SQLite already runs one writer at a time.
import type { Executor } from '../db/transaction.js';
import { canExist } from '../errors/not-found.js';

export type ReferenceTable = 'users' | 'ring_groups' | 'lines' | 'disposition_statuses' | 'sequences' | 'tags';

/** True when the id names an object of this account. */
export async function referenceExists(db: Executor, table: ReferenceTable, accountId: number, id: number): Promise<boolean> {
  if (!canExist(id)) return false;
  const row = await db.selectFrom(table).select('id').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export interface LayerWithMembers {
  id: number;
  position: number;
  strategy: 'round_robin' | 'random';
  lastUserId: number | null;
  members: { userId: number; status: string }[];
}

/** The ring group's layers in order, each with its members in order; the layers stay locked until commit. */
export async function lockRingGroupLayers(db: Executor, ringGroupId: number): Promise<LayerWithMembers[]> {
  await db.updateTable('ring_group_layers').set((eb) => ({ last_user_id: eb.ref('last_user_id') })).where('ring_group_id', '=', ringGroupId).execute();
  const layers = await db.selectFrom('ring_group_layers').select(['id', 'position', 'strategy', 'last_user_id'])
    .where('ring_group_id', '=', ringGroupId).orderBy('position').execute();
  if (!layers.length) return [];
  const members = await db.selectFrom('ring_group_members')
    .innerJoin('users', 'users.id', 'ring_group_members.user_id')
    .select(['ring_group_members.layer_id', 'ring_group_members.user_id', 'users.status'])
    .where('ring_group_members.layer_id', 'in', layers.map((l) => l.id))
    .orderBy('ring_group_members.layer_id').orderBy('ring_group_members.position').orderBy('ring_group_members.id')
    .execute();
  return layers.map((l) => ({
    id: l.id, position: l.position, strategy: l.strategy, lastUserId: l.last_user_id,
    members: members.filter((m) => m.layer_id === l.id).map((m) => ({ userId: m.user_id, status: m.status })),
  }));
}

export async function setRoundRobinPointer(db: Executor, layerId: number, userId: number): Promise<void> {
  await db.updateTable('ring_group_layers').set({ last_user_id: userId }).where('id', '=', layerId).execute();
}
