import type { Kysely } from 'kysely';
import type { DB, ContactRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { toE164 } from '../phone/phone-normaliser.js';
import { findContact, listNotes, listPhoneNumbers, searchContacts } from './contact-repository.js';
import { toContactJson, type ContactJson } from './contact-view.js';

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
    const row = await findContact(this.db, accountId, id);
    // Another account's contact is simply not found: its existence is not ours to reveal.
    if (!row) throw new AppError('NOT_FOUND', `No contact ${id}.`);
    return (await this.withDetails([row]))[0]!;
  }

  /** Newest first. `phone` matches any of a contact's numbers, written in any format. */
  async list(accountId: number, defaultCountry: string, query: ContactQuery): Promise<{ data: ContactJson[]; next_cursor: string | null }> {
    const limit = query.limit ?? DEFAULT_PAGE;
    let phoneNumber: string | undefined;
    if (query.phone !== undefined) {
      phoneNumber = toE164(query.phone, defaultCountry) ?? undefined;
      if (!phoneNumber) throw AppError.validation([{ field: 'phone', rule: 'phone' }]);
    }
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await searchContacts(this.db, { accountId, phoneNumber, text: query.q?.trim() || undefined, beforeId, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      data: await this.withDetails(page),
      next_cursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null,
    };
  }

  private async withDetails(rows: ContactRow[]): Promise<ContactJson[]> {
    const ids = rows.map((r) => r.id);
    const [numbers, notes] = await Promise.all([listPhoneNumbers(this.db, ids), listNotes(this.db, ids)]);
    return rows.map((r) => toContactJson(r, numbers.filter((n) => n.contact_id === r.id), notes.filter((n) => n.contact_id === r.id)));
  }
}

function encodeCursor(id: number): string {
  return Buffer.from(`c${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^c([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw AppError.validation([{ field: 'cursor', rule: 'in' }]);
  return Number(m[1]);
}
