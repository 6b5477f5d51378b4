// Ring groups: ordered layers of agents. A lead goes to a member of the first layer that has an
// eligible one; a round-robin layer remembers who got the last lead (last_user_id), a random
// layer does not. Every write is one transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { inTransaction, type Executor } from '../db/transaction.js';
import { lockRingGroupLayers } from '../routing/routing-repository.js';
import { canExist } from '../errors/not-found.js';
import { AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';
import { notFound, findOr404 } from '../errors/not-found.js';
import { existingUserIds } from '../users/user-repository.js';
import {
  deleteLayersFrom, deleteRingGroup, findRingGroup, insertLayer, insertRingGroup, listLayers, listMembers,
  listRingGroups, replaceLayerMembers, setLayerStrategy, touchRingGroup, type RingGroupRow, type Strategy,
} from './ring-group-repository.js';
import type { RingGroupJson } from './ring-group-view.js';

export const strategies: readonly Strategy[] = ['round_robin', 'random'];

export interface LayerInput {
  strategy: string;
  user_ids: number[];
}

export interface RingGroupInput {
  name: string;
  layers: LayerInput[];
}

export class RingGroupService {
  constructor(private readonly db: Kysely<DB>) {}

  create(accountId: number, input: RingGroupInput): Promise<RingGroupJson> {
    const name = checkName(input.name);
    checkLayers(input.layers);
    return inTransaction(this.db, async (trx) => {
      await checkMembers(trx, accountId, input.layers);
      const now = new Date().toISOString();
      const group = await insertRingGroup(trx, { account_id: accountId, name, created_at: now, updated_at: now });
      for (const [i, layer] of input.layers.entries()) await insertLayer(trx, group.id, i + 1, layer.strategy as Strategy, layer.user_ids);
      return (await describe(trx, [group]))[0]!;
    });
  }

  async list(accountId: number): Promise<RingGroupJson[]> {
    return describe(this.db, await listRingGroups(this.db, accountId));
  }

  async get(accountId: number, id: number): Promise<RingGroupJson> {
    const group = await findOr404('ring group', id, () => findRingGroup(this.db, accountId, id));
    return (await describe(this.db, [group]))[0]!;
  }

  /**
   * `layers`, when given, replaces them all. A layer whose members stay the same, in the same
   * place, keeps its row and so its round-robin pointer; one whose members change starts over.
   */
  update(accountId: number, id: number, input: Partial<RingGroupInput>): Promise<RingGroupJson> {
    const name = input.name === undefined ? undefined : checkName(input.name);
    if (input.layers) checkLayers(input.layers);
    if (name === undefined && !input.layers) return this.get(accountId, id);
    return inTransaction(this.db, async (trx) => {
      const group = await touchRingGroup(trx, accountId, id, { ...(name !== undefined ? { name } : {}), updated_at: new Date().toISOString() });
      if (!group) throw notFound('ring group', id);
      if (input.layers) {
        await checkMembers(trx, accountId, input.layers);
        await replaceLayers(trx, group.id, input.layers);
      }
      return (await describe(trx, [group]))[0]!;
    });
  }

  async remove(accountId: number, id: number): Promise<void> {
    // Lock the layers first, as a capture routing through the group does, so the two queue
    // rather than deadlock; a deadlock that happens anyway is retried by inTransaction.
    const deleted = await inTransaction(this.db, async (trx) => {
      if (canExist(id)) await lockRingGroupLayers(trx, id);
      return deleteRingGroup(trx, accountId, id);
    });
    if (!deleted) throw notFound('ring group', id);
  }
}

async function replaceLayers(trx: Executor, groupId: number, layers: LayerInput[]): Promise<void> {
  const current = await listLayers(trx, [groupId]);
  const members = await listMembers(trx, current.map((l) => l.id));
  for (const [i, layer] of layers.entries()) {
    const strategy = layer.strategy as Strategy;
    const existing = current[i];
    if (!existing) {
      await insertLayer(trx, groupId, i + 1, strategy, layer.user_ids);
      continue;
    }
    const before = members.filter((m) => m.layer_id === existing.id).map((m) => m.user_id);
    if (sameList(before, layer.user_ids)) {
      if (existing.strategy !== strategy) await setLayerStrategy(trx, existing.id, strategy);
    } else {
      await replaceLayerMembers(trx, existing.id, strategy, layer.user_ids);
    }
  }
  if (current.length > layers.length) await deleteLayersFrom(trx, groupId, layers.length + 1);
}

/** Groups with their layers and members, in two queries however many groups. */
async function describe(db: Executor, groups: RingGroupRow[]): Promise<RingGroupJson[]> {
  const layers = await listLayers(db, groups.map((g) => g.id));
  const members = await listMembers(db, layers.map((l) => l.id));
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    layers: layers.filter((l) => l.ring_group_id === g.id).map((l) => ({
      strategy: l.strategy,
      user_ids: members.filter((m) => m.layer_id === l.id).map((m) => m.user_id),
    })),
    created_at: g.created_at,
    updated_at: g.updated_at,
  }));
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw AppError.validation([{ field: 'name', rule: 'required' }]);
  return trimmed;
}

/** The shape: at least one layer, a known strategy, at least one member, nobody twice in a layer. */
function checkLayers(layers: LayerInput[]): void {
  const errors: FieldError[] = [];
  if (!layers.length) errors.push({ field: 'layers', rule: 'required' });
  layers.forEach((layer, i) => {
    if (!strategies.includes(layer.strategy as Strategy)) errors.push({ field: `layers.${i}.strategy`, rule: 'in', params: { values: strategies } });
    if (!layer.user_ids.length) errors.push({ field: `layers.${i}.user_ids`, rule: 'required' });
    layer.user_ids.forEach((userId, j) => {
      if (layer.user_ids.indexOf(userId) !== j) errors.push({ field: `layers.${i}.user_ids.${j}`, rule: 'in', params: { values: [String(userId)] } });
    });
  });
  if (errors.length) throw AppError.validation(errors);
}

/** Every member must be a user of the account; each one that is not is named by its place. */
async function checkMembers(db: Executor, accountId: number, layers: LayerInput[]): Promise<void> {
  const known = await existingUserIds(db, accountId, layers.flatMap((l) => l.user_ids));
  const errors: FieldError[] = [];
  layers.forEach((layer, i) => layer.user_ids.forEach((userId, j) => {
    if (!known.has(userId)) errors.push({ field: `layers.${i}.user_ids.${j}`, rule: 'in', params: { values: [String(userId)] } });
  }));
  if (errors.length) throw AppError.validation(errors);
}

function sameList(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
