// A contact is in at most one sequence. Enrolling in the sequence it is already in changes
// nothing; moving from another sequence needs force_update_sequence.
import type { Executor } from '../db/transaction.js';

export interface EnrollmentResult {
  /** The sequence the contact is in afterwards. */
  sequenceId: number;
  moved: boolean;
  changed: boolean;
  warning?: string;
}

export async function enrollInSequence(db: Executor, contactId: number, sequenceId: number, force: boolean, now: string): Promise<EnrollmentResult> {
  const current = await db.selectFrom('sequence_enrollments').select('sequence_id').where('contact_id', '=', contactId).executeTakeFirst();
  if (!current) {
    await db.insertInto('sequence_enrollments').values({ contact_id: contactId, sequence_id: sequenceId, enrolled_at: now }).execute();
    return { sequenceId, moved: false, changed: true };
  }
  if (current.sequence_id === sequenceId) return { sequenceId, moved: false, changed: false };
  if (!force) {
    return {
      sequenceId: current.sequence_id, moved: false, changed: false,
      warning: `the contact is in sequence ${current.sequence_id}; it was not moved to ${sequenceId} (send force_update_sequence to move it).`,
    };
  }
  await db.updateTable('sequence_enrollments').set({ sequence_id: sequenceId, enrolled_at: now }).where('contact_id', '=', contactId).execute();
  return { sequenceId, moved: true, changed: true };
}
