import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors/app-error.js';
import { findOr404 } from '../errors/not-found.js';
import { encodeCursor, idBeforeCursor } from '../paging/id-cursor.js';
import { toE164 } from '../phone/phone-normaliser.js';
import { findContact, searchContacts, updateContact } from './contact-repository.js';
import { describeContacts } from './contact-details.js';
import { changedColumns, missingReferences, normaliseEdit, type ContactEdit } from './contact-edit.js';
import type { ContactJson } from './contact-view.js';

export interface ContactQuery {
  phone?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export const MAX_PAGE = 100;
const DEFAULT_PAGE = 25;

export class ContactService {
  constructor(private readonly db: Kysely<DB>) {}

  async get(accountId: number, id: number): Promise<ContactJson> {
    // Another account's contact is simply not found: its existence is not ours to reveal.
    const row = await findOr404('contact', id, () => findContact(this.db, accountId, id));
    return (await describeContacts(this.db, [row]))[0]!;
  }

  /** Newest first. `phone` matches any of a contact's numbers, written in any format. */
  async list(accountId: number, defaultCountry: string, query: ContactQuery): Promise<{ data: ContactJson[]; next_cursor: string | null }> {
    const limit = query.limit ?? DEFAULT_PAGE;
    let phoneNumber: string | undefined;
    if (query.phone !== undefined) {
      phoneNumber = toE164(query.phone, defaultCountry) ?? undefined;
      if (!phoneNumber) throw AppError.validation([{ field: 'phone', rule: 'phone' }]);
    }
    const beforeId = idBeforeCursor(query.cursor);
    const rows = await searchContacts(this.db, { accountId, phoneNumber, text: query.q?.trim() || undefined, beforeId, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      data: await describeContacts(this.db, page),
      next_cursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null,
    };
  }

  /** Edits the fields given; updated_at moves only when a value really changes. */
  async update(accountId: number, id: number, edit: ContactEdit): Promise<ContactJson> {
    const { columns, errors } = normaliseEdit(edit);
    if (errors.length) throw AppError.validation(errors);
    return inTransaction(this.db, async (trx) => {
      const current = await findOr404('contact', id, () => findContact(trx, accountId, id));
      const missing = await missingReferences(trx, accountId, columns);
      if (missing.length) throw AppError.validation(missing);
      const changes = changedColumns(current, columns);
      if (Object.keys(changes).length) await updateContact(trx, id, { ...changes, updated_at: new Date().toISOString() });
      const row = (await findContact(trx, accountId, id))!;
      return (await describeContacts(trx, [row]))[0]!;
    });
  }
}
