import type { Selectable } from 'kysely';
import type { Executor } from '../db/transaction.js';
import type { RingGroupLayersTable, RingGroupMembersTable, RingGroupsTable } from '../db/schema.js';
import { canExist } from '../errors/not-found.js';

export type RingGroupRow = Selectable<RingGroupsTable>;
export type LayerRow = Selectable<RingGroupLayersTable>;
export type MemberRow = Selectable<RingGroupMembersTable>;
export type Strategy = LayerRow['strategy'];

export async function insertRingGroup(db: Executor, row: Omit<RingGroupRow, 'id'>): Promise<RingGroupRow> {
  return db.insertInto('ring_groups').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findRingGroup(db: Executor, accountId: number, id: number): Promise<RingGroupRow | undefined> {
  if (!canExist(id)) return undefined;
  return db.selectFrom('ring_groups').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function listRingGroups(db: Executor, accountId: number): Promise<RingGroupRow[]> {
  return db.selectFrom('ring_groups').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

/**
 * The first statement of an edit: it writes the group row, so on PostgreSQL it holds that row's
 * lock until commit and two edits of one group take turns. Undefined when there is no such group.
 */
export async function touchRingGroup(db: Executor, accountId: number, id: number, changes: { name?: string; updated_at: string }): Promise<RingGroupRow | undefined> {
  if (!canExist(id)) return undefined;
  return db.updateTable('ring_groups').set(changes).where('account_id', '=', accountId).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Its layers and members go with it (foreign keys cascade). */
export async function deleteRingGroup(db: Executor, accountId: number, id: number): Promise<boolean> {
  if (!canExist(id)) return false;
  const result = await db.deleteFrom('ring_groups').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Layers of the groups, in each group's order. */
export async function listLayers(db: Executor, groupIds: number[]): Promise<LayerRow[]> {
  if (!groupIds.length) return [];
  return db.selectFrom('ring_group_layers').selectAll().where('ring_group_id', 'in', groupIds).orderBy('ring_group_id').orderBy('position').execute();
}

/** Members of the layers, in each layer's order. */
export async function listMembers(db: Executor, layerIds: number[]): Promise<MemberRow[]> {
  if (!layerIds.length) return [];
  return db.selectFrom('ring_group_members').selectAll().where('layer_id', 'in', layerIds).orderBy('layer_id').orderBy('position').execute();
}

export async function insertLayer(db: Executor, groupId: number, position: number, strategy: Strategy, userIds: number[]): Promise<void> {
  const { id } = await db.insertInto('ring_group_layers')
    .values({ ring_group_id: groupId, position, strategy, last_user_id: null })
    .returning('id').executeTakeFirstOrThrow();
  await insertMembers(db, id, userIds);
}

export async function setLayerStrategy(db: Executor, layerId: number, strategy: Strategy): Promise<void> {
  await db.updateTable('ring_group_layers').set({ strategy }).where('id', '=', layerId).execute();
}

/** New members start a new round: the round-robin pointer is cleared. */
export async function replaceLayerMembers(db: Executor, layerId: number, strategy: Strategy, userIds: number[]): Promise<void> {
  await db.deleteFrom('ring_group_members').where('layer_id', '=', layerId).execute();
  await db.updateTable('ring_group_layers').set({ strategy, last_user_id: null }).where('id', '=', layerId).execute();
  await insertMembers(db, layerId, userIds);
}

export async function deleteLayersFrom(db: Executor, groupId: number, position: number): Promise<void> {
  await db.deleteFrom('ring_group_layers').where('ring_group_id', '=', groupId).where('position', '>=', position).execute();
}

async function insertMembers(db: Executor, layerId: number, userIds: number[]): Promise<void> {
  if (!userIds.length) return;
  await db.insertInto('ring_group_members')
    .values(userIds.map((userId, i) => ({ layer_id: layerId, user_id: userId, position: i + 1 })))
    .execute();
}
