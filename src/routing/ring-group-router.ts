// Picks a ring group member as a lead's owner. Layers are tried in order; a lower layer only
// when nobody in the upper ones is eligible. A round-robin layer gives the lead to the member
// after the one who got the last lead (skipping the ineligible); a random layer to any eligible.
// check_available_users: only members whose status is `available` are eligible; with fallback,
// when nobody anywhere is available, any member is (round robin again).
import type { Executor } from '../db/transaction.js';
import { lockRingGroupLayers, setRoundRobinPointer, type LayerWithMembers } from './routing-repository.js';

export interface RingGroupRouting {
  checkAvailableUsers: boolean;
  withFallback: boolean;
}

export type RingGroupDecision =
  | { userId: number; reason: 'ring_group' | 'ring_group_fallback'; layer: number }
  | { userId: null; reason: 'no_available_member' | 'empty_ring_group' };

export async function routeThroughRingGroup(db: Executor, ringGroupId: number, routing: RingGroupRouting): Promise<RingGroupDecision> {
  const layers = await lockRingGroupLayers(db, ringGroupId);
  const onlyAvailable = routing.checkAvailableUsers || routing.withFallback;
  const rounds: [(m: { status: string }) => boolean, 'ring_group' | 'ring_group_fallback'][] = [
    [onlyAvailable ? (m) => m.status === 'available' : () => true, 'ring_group'],
  ];
  if (onlyAvailable && routing.withFallback) rounds.push([() => true, 'ring_group_fallback']);
  for (const [eligible, reason] of rounds) {
    for (const layer of layers) {
      const userId = pick(layer, eligible);
      if (userId === null) continue;
      if (layer.strategy === 'round_robin') await setRoundRobinPointer(db, layer.id, userId);
      return { userId, reason, layer: layer.position };
    }
  }
  return { userId: null, reason: layers.some((l) => l.members.length) ? 'no_available_member' : 'empty_ring_group' };
}

function pick(layer: LayerWithMembers, eligible: (m: { status: string }) => boolean): number | null {
  const { members } = layer;
  if (layer.strategy === 'random') {
    const candidates = members.filter(eligible);
    return candidates.length ? candidates[Math.floor(Math.random() * candidates.length)]!.userId : null;
  }
  const last = members.findIndex((m) => m.userId === layer.lastUserId);
  for (let step = 1; step <= members.length; step++) {
    const candidate = members[(last + step) % members.length]!;
    if (eligible(candidate)) return candidate.userId;
  }
  return null;
}
