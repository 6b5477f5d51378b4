// Reading an agent's power-dialer queue and taking a contact out of it. Putting contacts in is
// power-dialer-queue.ts (a capture's job).
import type { ContactRow } from '../db/schema.js';
import type { Executor } from '../db/transaction.js';
import { canExist } from '../errors/not-found.js';

export type QueuedContact = ContactRow & { added_at: string };

/** The queue in dialing order (ascending position), each item with its contact. */
export async function listQueue(db: Executor, accountId: number, userId: number, page: { limit: number; offset: number }): Promise<QueuedContact[]> {
  return db.selectFrom('power_dialer_items')
    .innerJoin('contacts', 'contacts.id', 'power_dialer_items.contact_id')
    .selectAll('contacts')
    .select('power_dialer_items.created_at as added_at')
    .where('power_dialer_items.account_id', '=', accountId)
    .where('power_dialer_items.user_id', '=', userId)
    .orderBy('power_dialer_items.position')
    .limit(page.limit).offset(page.offset)
    .execute();
}

export async function removeFromQueue(db: Executor, accountId: number, userId: number, contactId: number): Promise<boolean> {
  if (!canExist(contactId)) return false;
  const result = await db.deleteFrom('power_dialer_items')
    .where('account_id', '=', accountId).where('user_id', '=', userId).where('contact_id', '=', contactId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
