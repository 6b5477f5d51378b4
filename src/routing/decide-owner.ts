// Who owns a lead. An existing owner is kept unless force_update (sticky ownership). Otherwise
// distribute_to_ring_group picks from the ring group; when it cannot (unknown group, nobody
// eligible), an explicit user_id is used; else the lead is saved unassigned, with the reason.
import type { Executor } from '../db/transaction.js';
import type { NormalisedLead } from '../capture/normalise-lead.js';
import { referenceExists } from './routing-repository.js';
import { routeThroughRingGroup } from './ring-group-router.js';

export type OwnerReason =
  | 'existing_owner' | 'requested_user' | 'ring_group' | 'ring_group_fallback'
  | 'no_available_member' | 'empty_ring_group' | 'unknown_ring_group' | 'unknown_user' | 'not_requested';

export interface OwnerDecision {
  userId: number | null;
  reason: OwnerReason;
  warnings: string[];
}

export async function decideOwner(db: Executor, accountId: number, currentOwner: number | null, lead: NormalisedLead): Promise<OwnerDecision> {
  if (currentOwner !== null && !lead.forceUpdate) return { userId: currentOwner, reason: 'existing_owner', warnings: [] };
  const warnings: string[] = [];
  let unassigned: OwnerReason = 'not_requested';
  const { distributeToRingGroup, ringGroupId, checkAvailableUsers, checkAvailableUsersWithFallback } = lead.routing;

  if (distributeToRingGroup && ringGroupId === undefined) {
    warnings.push('distribute_to_ring_group needs a ring_group_id; the lead was not distributed.');
  } else if (distributeToRingGroup && ringGroupId !== undefined) {
    if (await referenceExists(db, 'ring_groups', accountId, ringGroupId)) {
      const decision = await routeThroughRingGroup(db, ringGroupId, {
        checkAvailableUsers: checkAvailableUsers ?? false, withFallback: checkAvailableUsersWithFallback ?? false,
      });
      if (decision.userId !== null) return { userId: decision.userId, reason: decision.reason, warnings };
      unassigned = decision.reason;
      warnings.push(decision.reason === 'empty_ring_group'
        ? `ring group ${ringGroupId} has no members; the lead was not distributed.`
        : `nobody in ring group ${ringGroupId} is available; the lead was not distributed.`);
    } else {
      unassigned = 'unknown_ring_group';
      warnings.push(`ring_group_id ${ringGroupId} is not a ring group of this account; the lead was not distributed.`);
    }
  }

  if (lead.userId !== null) {
    if (await referenceExists(db, 'users', accountId, lead.userId)) return { userId: lead.userId, reason: 'requested_user', warnings };
    if (unassigned === 'not_requested') unassigned = 'unknown_user';
    warnings.push(`user_id ${lead.userId} is not a user of this account; the contact was saved without that owner.`);
  }
  // Nothing new decided: an existing owner stays (an empty decision never erases).
  return currentOwner !== null ? { userId: currentOwner, reason: 'existing_owner', warnings } : { userId: null, reason: unassigned, warnings };
}
