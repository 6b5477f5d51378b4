// The contact half of a capture: find the contact by any of the lead's numbers, then create it
// or merge into it, add its new numbers and its note. Identity rests on the unique index of
// contact_phone_numbers: a lost race for a new number fails here and the transaction is retried.
import type { Transaction } from 'kysely';
import type { DB, ContactRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import {
  findContact, findNumberOwners, insertContact, insertNote, insertPhoneNumbers, updateContact,
} from '../contacts/contact-repository.js';
import type { ContactChanges } from './merge-contact.js';
import type { NormalisedLead } from './normalise-lead.js';

export interface LeadMatch {
  current: ContactRow | null;
  /** Which contact holds each of the lead's numbers today. */
  owners: Map<string, number>;
}

export async function matchContact(trx: Transaction<DB>, accountId: number, lead: NormalisedLead): Promise<LeadMatch> {
  const requested = [lead.phoneNumber, ...lead.otherPhoneNumbers.map((o) => o.phoneNumber)];
  const owners = new Map((await findNumberOwners(trx, accountId, requested)).map((r) => [r.phone_number, r.contact_id]));
  // The primary number decides; failing that, the first other number that is known.
  const contactId = owners.get(lead.phoneNumber) ?? requested.map((n) => owners.get(n)).find((id) => id !== undefined);
  if (contactId === undefined) return { current: null, owners };
  const current = await findContact(trx, accountId, contactId);
  if (!current) throw new AppError('INTERNAL', undefined, [], { internal: `number index points at missing contact ${contactId}` });
  return { current, owners };
}

export interface ContactWrite {
  id: number;
  changedFields: string[];
  warnings: string[];
}

export async function writeContact(trx: Transaction<DB>, accountId: number, lead: NormalisedLead, match: LeadMatch, changes: ContactChanges, now: string): Promise<ContactWrite> {
  const { current, owners } = match;
  const changedFields: string[] = Object.keys(changes);
  const warnings: string[] = [];
  const newNumbers: { label: string; phoneNumber: string; isPrimary: boolean }[] = [];
  let id: number;
  if (!current) {
    id = await insertContact(trx, { account_id: accountId, phone_number: lead.phoneNumber, ...changes, is_dnc: changes.is_dnc ?? 0, created_at: now, updated_at: now });
    newNumbers.push({ label: 'primary', phoneNumber: lead.phoneNumber, isPrimary: true });
  } else {
    id = current.id;
    // Matched on another of its numbers: the number sent as primary joins the contact.
    if (!owners.has(lead.phoneNumber)) newNumbers.push({ label: 'other', phoneNumber: lead.phoneNumber, isPrimary: false });
  }
  for (const other of lead.otherPhoneNumbers) {
    const holder = owners.get(other.phoneNumber);
    if (holder === undefined) newNumbers.push({ ...other, isPrimary: false });
    else if (holder !== id) warnings.push(`${other.phoneNumber} already belongs to contact ${holder}; it was not added to this one.`);
  }
  await insertPhoneNumbers(trx, newNumbers.map((n) => ({
    account_id: accountId, contact_id: id, phone_number: n.phoneNumber, label: n.label, is_primary: n.isPrimary ? 1 : 0, created_at: now,
  })));
  if (current && newNumbers.length) changedFields.push('other_phone_numbers');
  if (lead.notes) {
    await insertNote(trx, { account_id: accountId, contact_id: id, body: lead.notes, created_at: now });
    changedFields.push('notes');
  }
  if (current && changedFields.length) await updateContact(trx, id, { ...changes, updated_at: now });
  return { id, changedFields, warnings };
}
