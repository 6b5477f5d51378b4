// Putting a contact in its owner's power-dialer queue. Ascending position is dialing order:
// `top` takes one less than the smallest, `bottom` one more than the largest. The owner's row is
// locked first so concurrent captures for one agent queue one after the other.
import type { Executor } from '../db/transaction.js';

export interface QueuePlacement {
  userId: number;
  /** 1-based place in dialing order. */
  position: number;
  added: boolean;
}

export async function enqueueForDialing(db: Executor, accountId: number, userId: number, contactId: number, where: 'top' | 'bottom', now: string): Promise<QueuePlacement> {
  await db.updateTable('users').set((eb) => ({ status: eb.ref('status') })).where('id', '=', userId).execute();
  const existing = await db.selectFrom('power_dialer_items').select('position').where('user_id', '=', userId).where('contact_id', '=', contactId).executeTakeFirst();
  let position = existing?.position;
  if (position === undefined) {
    const bounds = await db.selectFrom('power_dialer_items')
      .select((eb) => [eb.fn.min<number>('position').as('lo'), eb.fn.max<number>('position').as('hi')])
      .where('user_id', '=', userId).executeTakeFirstOrThrow();
    const empty = bounds.lo === null || bounds.hi === null;
    position = empty ? 0 : where === 'top' ? Number(bounds.lo) - 1 : Number(bounds.hi) + 1;
    await db.insertInto('power_dialer_items').values({ account_id: accountId, user_id: userId, contact_id: contactId, position, created_at: now }).execute();
  }
  const ahead = await db.selectFrom('power_dialer_items').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('position', '<', position).executeTakeFirstOrThrow();
  return { userId, position: Number(ahead.n) + 1, added: existing === undefined };
}
