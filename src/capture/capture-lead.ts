// The one capture operation behind every wire dialect:
// parse (adapter) -> normalise -> upsert -> route -> follow up -> log, all in one transaction.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { AuthContext } from '../api-keys/api-key-service.js';
import { AppError } from '../errors/app-error.js';
import { findUser } from '../users/user-repository.js';
import {
  findContact, findNumberOwners, insertContact, insertNote, insertPhoneNumbers, updateContact,
} from '../contacts/contact-repository.js';
import { insertCaptureLog } from './capture-log-repository.js';
import { mergeContact } from './merge-contact.js';
import { normaliseLead, type NormalisedLead } from './normalise-lead.js';
import type { LeadInput } from './lead-input.js';

export type Dialect = 'aloware' | 'alohub' | 'leadgate';
export type CaptureOutcome = 'created' | 'updated' | 'unchanged';

export interface CaptureRequest {
  dialect: Dialect;
  requestId: string;
  /** What the client sent, token already removed; kept in the capture log. */
  payload: unknown;
}

export interface CaptureResult {
  contactId: number;
  /** The contact's identity after the capture, for dialects that echo it. */
  contact: { phoneNumber: string; email: string | null; name: string | null };
  outcome: CaptureOutcome;
  changedFields: string[];
  ownerId: number | null;
  warnings: string[];
}

export interface RejectionRecord extends CaptureRequest {
  auth: AuthContext | null;
  status: number;
  error: string;
}

export class CaptureService {
  constructor(private readonly db: Kysely<DB>) {}

  async capture(auth: AuthContext, input: LeadInput, request: CaptureRequest): Promise<CaptureResult> {
    const lead = normaliseLead(input, auth.defaultCountry);
    return inTransaction(this.db, async (trx) => {
      const result = await upsertContact(trx, auth.accountId, lead);
      await insertCaptureLog(trx, {
        account_id: auth.accountId,
        api_key_id: auth.keyId,
        request_id: request.requestId,
        dialect: request.dialect,
        outcome: result.outcome,
        status: result.outcome === 'created' ? 201 : 200,
        contact_id: result.contactId,
        warnings: JSON.stringify(result.warnings),
        error: null,
        payload: JSON.stringify(request.payload ?? null),
        created_at: new Date().toISOString(),
      });
      return result;
    });
  }

  /** Every rejected request is logged too; a failure to log must not change the answer. */
  async recordRejection(record: RejectionRecord): Promise<void> {
    await insertCaptureLog(this.db, {
      account_id: record.auth?.accountId ?? null,
      api_key_id: record.auth?.keyId ?? null,
      request_id: record.requestId,
      dialect: record.dialect,
      outcome: 'rejected',
      status: record.status,
      contact_id: null,
      warnings: '[]',
      error: record.error,
      payload: JSON.stringify(record.payload ?? null),
      created_at: new Date().toISOString(),
    });
  }
}

async function upsertContact(trx: Transaction<DB>, accountId: number, lead: NormalisedLead): Promise<CaptureResult> {
  const now = new Date().toISOString();
  const warnings: string[] = [];
  const requested = [lead.phoneNumber, ...lead.otherPhoneNumbers.map((o) => o.phoneNumber)];
  const owners = new Map((await findNumberOwners(trx, accountId, requested)).map((r) => [r.phone_number, r.contact_id]));
  // The primary number decides; failing that, the first other number that is known.
  const contactId = owners.get(lead.phoneNumber) ?? requested.map((n) => owners.get(n)).find((id) => id !== undefined);

  let ownerId: number | null = null;
  if (lead.userId !== null) {
    if (await findUser(trx, accountId, lead.userId)) ownerId = lead.userId;
    else warnings.push(`user_id ${lead.userId} is not a user of this account; the contact was saved without that owner.`);
  }

  const current = contactId === undefined ? null : (await findContact(trx, accountId, contactId)) ?? null;
  if (contactId !== undefined && !current) throw new AppError('INTERNAL', undefined, [], { internal: `number index points at missing contact ${contactId}` });
  const changes = mergeContact(current, { fields: lead.fields, ownerId, isDnc: lead.isDnc, forceUpdate: lead.forceUpdate });
  const changedFields = Object.keys(changes);

  let id: number;
  const newNumbers: { label: string; phoneNumber: string; isPrimary: boolean }[] = [];
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

  const outcome = !current ? 'created' : changedFields.length ? 'updated' : 'unchanged';
  return {
    contactId: id,
    contact: { phoneNumber: current?.phone_number ?? lead.phoneNumber, email: changes.email ?? current?.email ?? null, name: changes.name ?? current?.name ?? null },
    outcome,
    changedFields: current ? changedFields : [],
    ownerId: changes.user_id ?? current?.user_id ?? null,
    warnings,
  };
}
