import { sql } from 'kysely';
import type { Executor } from '../db/transaction.js';
import type { ContactRow, NewContact, ContactUpdate, PhoneNumberRow, NoteRow } from '../db/schema.js';
import { canExist } from '../errors/not-found.js';
import { definedColumns, runShaped } from '../db/query-shapes.js';

// The capture path's queries run through runShaped: compiled once per shape, not per lead.

export async function findNumberOwners(db: Executor, accountId: number, numbers: string[]): Promise<{ contact_id: number; phone_number: string }[]> {
  const { rows } = await runShaped(db, `findNumberOwners:${numbers.length}`, [accountId, ...numbers], () =>
    db.selectFrom('contact_phone_numbers')
      .select(['contact_id', 'phone_number'])
      .where('account_id', '=', accountId)
      .where('phone_number', 'in', numbers));
  return rows;
}

export async function insertContact(db: Executor, contact: NewContact): Promise<number> {
  const { row, columns, values } = definedColumns(contact);
  const { rows } = await runShaped(db, `insertContact:${columns}`, values, () => db.insertInto('contacts').values(row).returning('id'));
  return rows[0]!.id;
}

export async function updateContact(db: Executor, id: number, changes: ContactUpdate): Promise<void> {
  const { row, columns, values } = definedColumns(changes);
  await runShaped(db, `updateContact:${columns}`, [...values, id], () => db.updateTable('contacts').set(row).where('id', '=', id));
}

/** Fails with a unique violation when a number already belongs to a contact: identity is the index. */
export async function insertPhoneNumbers(db: Executor, rows: Omit<PhoneNumberRow, 'id'>[]): Promise<void> {
  if (!rows.length) return;
  const values = rows.flatMap((r) => [r.account_id, r.contact_id, r.phone_number, r.label, r.is_primary, r.created_at]);
  await runShaped(db, `insertPhoneNumbers:${rows.length}`, values, () => db.insertInto('contact_phone_numbers').values(rows.map((r) => ({
    account_id: r.account_id, contact_id: r.contact_id, phone_number: r.phone_number, label: r.label, is_primary: r.is_primary, created_at: r.created_at,
  }))));
}

export async function insertNote(db: Executor, note: Omit<NoteRow, 'id'>): Promise<void> {
  await runShaped(db, 'insertNote', [note.account_id, note.contact_id, note.body, note.created_at], () => db.insertInto('contact_notes').values({
    account_id: note.account_id, contact_id: note.contact_id, body: note.body, created_at: note.created_at,
  }));
}

/** Every column of a contact, named: PostgreSQL keeps a statement prepared only without `*` (see database.ts). */
const CONTACT_COLUMNS = [
  'id', 'account_id', 'phone_number', 'first_name', 'last_name', 'name', 'company_name', 'email', 'lead_source', 'date_of_birth',
  'timezone', 'city', 'state', 'zipcode', 'country', 'address', 'website', 'csf1', 'csf2', 'user_id', 'is_dnc', 'line_id',
  'disposition_status_id', 'created_at', 'updated_at',
] as const;

export async function findContact(db: Executor, accountId: number, id: number): Promise<ContactRow | undefined> {
  if (!canExist(id)) return undefined;
  const { rows } = await runShaped(db, 'findContact', [accountId, id], () =>
    db.selectFrom('contacts').select(CONTACT_COLUMNS).where('account_id', '=', accountId).where('id', '=', id));
  return rows[0];
}

export async function listPhoneNumbers(db: Executor, contactIds: number[]): Promise<PhoneNumberRow[]> {
  if (!contactIds.length) return [];
  return db.selectFrom('contact_phone_numbers').selectAll().where('contact_id', 'in', contactIds).orderBy('id').execute();
}

export async function listNotes(db: Executor, contactIds: number[]): Promise<NoteRow[]> {
  if (!contactIds.length) return [];
  return db.selectFrom('contact_notes').selectAll().where('contact_id', 'in', contactIds).orderBy('id').execute();
}

export async function listContactTags(db: Executor, contactIds: number[]): Promise<{ contact_id: number; id: number; name: string }[]> {
  if (!contactIds.length) return [];
  return db.selectFrom('contact_tags').innerJoin('tags', 'tags.id', 'contact_tags.tag_id')
    .select(['contact_tags.contact_id', 'tags.id', 'tags.name'])
    .where('contact_tags.contact_id', 'in', contactIds).orderBy('tags.name_key').orderBy('tags.id').execute();
}

export async function listEnrollments(db: Executor, contactIds: number[]): Promise<{ contact_id: number; id: number; name: string; enrolled_at: string }[]> {
  if (!contactIds.length) return [];
  return db.selectFrom('sequence_enrollments').innerJoin('sequences', 'sequences.id', 'sequence_enrollments.sequence_id')
    .select(['sequence_enrollments.contact_id', 'sequences.id', 'sequences.name', 'sequence_enrollments.enrolled_at'])
    .where('sequence_enrollments.contact_id', 'in', contactIds).execute();
}

export interface ContactSearch {
  accountId: number;
  /** Matched, case-insensitively, inside names, company and email. */
  text?: string;
  /** Contacts holding this E.164 number. */
  phoneNumber?: string;
  /** Only ids below this one (newest first paging). */
  beforeId?: number;
  limit: number;
}

export async function searchContacts(db: Executor, search: ContactSearch): Promise<ContactRow[]> {
  let query = db.selectFrom('contacts').selectAll('contacts').where('contacts.account_id', '=', search.accountId);
  if (search.phoneNumber !== undefined) {
    const number = search.phoneNumber;
    query = query.where(({ exists, selectFrom }) => exists(
      selectFrom('contact_phone_numbers').select('id')
        .whereRef('contact_phone_numbers.contact_id', '=', 'contacts.id')
        .where('contact_phone_numbers.phone_number', '=', number),
    ));
  }
  if (search.text) {
    // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    const pattern = `%${search.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or(
      (['name', 'first_name', 'last_name', 'company_name', 'email'] as const).map(
        (column) => sql<boolean>`lower(${sql.ref(`contacts.${column}`)}) like ${pattern} escape '\\'`,
      ),
    ));
  }
  if (search.beforeId !== undefined) query = query.where('contacts.id', '<', search.beforeId);
  return query.orderBy('contacts.id', 'desc').limit(search.limit).execute();
}
