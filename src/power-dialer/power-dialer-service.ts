// An agent's power-dialer queue as the management API shows it: dialing order, 1-based places.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findOr404 } from '../errors/not-found.js';
import { findUser } from '../users/user-repository.js';
import { describeContacts } from '../contacts/contact-details.js';
import type { ContactJson } from '../contacts/contact-view.js';
import { listQueue, removeFromQueue } from './power-dialer-repository.js';

export interface QueueItem {
  /** 1-based place in dialing order. */
  position: number;
  contact: ContactJson;
  added_at: string;
}

export const MAX_QUEUE_PAGE = 500;

export class PowerDialerService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(accountId: number, userId: number, page: { limit?: number; offset?: number } = {}): Promise<QueueItem[]> {
    await findOr404('user', userId, () => findUser(this.db, accountId, userId));
    const offset = page.offset ?? 0;
    const rows = await listQueue(this.db, accountId, userId, { limit: page.limit ?? 100, offset });
    const contacts = await describeContacts(this.db, rows);
    return rows.map((row, i) => ({ position: offset + i + 1, contact: contacts[i]!, added_at: row.added_at }));
  }

  async remove(accountId: number, userId: number, contactId: number): Promise<void> {
    await findOr404('user', userId, () => findUser(this.db, accountId, userId));
    if (!(await removeFromQueue(this.db, accountId, userId, contactId))) {
      throw new AppError('NOT_FOUND', `Contact ${contactId} is not in user ${userId}'s power-dialer queue.`);
    }
  }
}
