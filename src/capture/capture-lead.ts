// The one capture operation behind every wire dialect:
// parse (adapter) -> normalise -> upsert -> route -> follow up -> log, all in one transaction:
// the contact, its numbers, owner, dialer queue, sequence, tags, note and log row, or none of it.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Database } from '../db/database.js';
import type { AuthContext } from '../api-keys/api-key-service.js';
import { insertCaptureLog } from './capture-log-repository.js';
import { redactTokens } from '../api-keys/api-token.js';
import { mergeContact } from './merge-contact.js';
import { normaliseLead, type NormalisedLead } from './normalise-lead.js';
import { matchContact, writeContact } from './upsert-contact.js';
import type { LeadInput } from './lead-input.js';
import { decideOwner, type OwnerReason } from '../routing/decide-owner.js';
import { referenceExists } from '../routing/routing-repository.js';
import { enqueueForDialing } from '../power-dialer/power-dialer-queue.js';
import { enrollInSequence } from '../follow-up/sequence-enrollment.js';
import { applyTags, findTag, tagsNamed, type Tag } from '../follow-up/contact-tags.js';

export type Dialect = 'aloware' | 'alohub' | 'leadgate';
export type CaptureOutcome = 'created' | 'updated' | 'unchanged';

export interface CaptureRequest {
  dialect: Dialect;
  requestId: string;
  /** What the client sent, token already removed; kept in the capture log. */
  payload: unknown;
  /** The HTTP status the dialect answers a new contact with (Alohub: 200); 200 otherwise. Logged. */
  createdStatus: 200 | 201;
}

export interface CaptureResult {
  contactId: number;
  /** The contact's identity after the capture, for dialects that echo it. */
  contact: { phoneNumber: string; email: string | null; name: string | null };
  outcome: CaptureOutcome;
  changedFields: string[];
  owner: { userId: number | null; reason: OwnerReason };
  powerDialer: { userId: number; position: number } | null;
  sequence: { id: number; moved: boolean } | null;
  tags: Tag[];
  warnings: string[];
}

export interface RejectionRecord extends Omit<CaptureRequest, 'createdStatus'> {
  auth: AuthContext | null;
  status: number;
  error: string;
}

export class CaptureService {
  constructor(private readonly transact: Database['transact']) {}

  async capture(auth: AuthContext, input: LeadInput, request: CaptureRequest): Promise<CaptureResult> {
    const lead = normaliseLead(input, auth.defaultCountry);
    return this.transact(async (trx) => {
      const result = await captureInTransaction(trx, auth.accountId, lead);
      await insertCaptureLog(trx, {
        account_id: auth.accountId,
        api_key_id: auth.keyId,
        request_id: request.requestId,
        dialect: request.dialect,
        outcome: result.outcome,
        status: result.outcome === 'created' ? request.createdStatus : 200,
        contact_id: result.contactId,
        warnings: JSON.stringify(result.warnings),
        error: null,
        payload: redactTokens(JSON.stringify(request.payload ?? null)),
        created_at: new Date().toISOString(),
      });
      return result;
    });
  }

  /** Every rejected request is logged too, committed with the captures around it. */
  async recordRejection(record: RejectionRecord): Promise<void> {
    await this.transact((trx) => insertCaptureLog(trx, {
      account_id: record.auth?.accountId ?? null,
      api_key_id: record.auth?.keyId ?? null,
      request_id: record.requestId,
      dialect: record.dialect,
      outcome: 'rejected',
      status: record.status,
      contact_id: null,
      warnings: '[]',
      error: record.error,
      payload: redactTokens(JSON.stringify(record.payload ?? null)),
      created_at: new Date().toISOString(),
    }));
  }
}

async function captureInTransaction(trx: Transaction<DB>, accountId: number, lead: NormalisedLead): Promise<CaptureResult> {
  const now = new Date().toISOString();
  const match = await matchContact(trx, accountId, lead);
  const { current } = match;
  const owner = await decideOwner(trx, accountId, current?.user_id ?? null, lead);
  const warnings = [...owner.warnings];
  const line = await existingReference(trx, accountId, 'lines', lead.routing.lineId, 'line_id', warnings);
  const disposition = await existingReference(trx, accountId, 'disposition_statuses', lead.routing.dispositionStatusId, 'disposition_status_id', warnings);

  const changes = mergeContact(current, {
    fields: lead.fields,
    references: { user_id: owner.userId, line_id: line, disposition_status_id: disposition },
    isDnc: lead.isDnc,
    forceUpdate: lead.forceUpdate,
  });
  const written = await writeContact(trx, accountId, lead, match, changes, now);
  warnings.push(...written.warnings);
  const changed = written.changedFields;
  const contactId = written.id;
  const ownerId = changes.user_id ?? current?.user_id ?? null;
  const isDnc = (changes.is_dnc ?? current?.is_dnc ?? 0) === 1;

  let powerDialer: CaptureResult['powerDialer'] = null;
  if (lead.routing.addToPowerDialer) {
    if (isDnc) warnings.push('the contact is marked do-not-contact; it was not added to a power-dialer queue.');
    else if (ownerId === null) warnings.push('the contact has no owner; it was not added to a power-dialer queue.');
    else {
      const placed = await enqueueForDialing(trx, accountId, ownerId, contactId, lead.routing.powerDialerPosition ?? 'bottom', now);
      powerDialer = { userId: placed.userId, position: placed.position };
      if (placed.added) changed.push('power_dialer');
    }
  }

  let sequence: CaptureResult['sequence'] = null;
  const sequenceId = await existingReference(trx, accountId, 'sequences', lead.routing.sequenceId, 'sequence_id', warnings);
  if (sequenceId !== null) {
    // Do-not-contact means no automated follow-up either.
    if (isDnc) warnings.push('the contact is marked do-not-contact; it was not enrolled in a sequence.');
    else {
      const enrolled = await enrollInSequence(trx, contactId, sequenceId, lead.routing.forceUpdateSequence ?? false, now);
      sequence = { id: enrolled.sequenceId, moved: enrolled.moved };
      if (enrolled.warning) warnings.push(enrolled.warning);
      if (enrolled.changed) changed.push('sequence');
    }
  }

  const tags: Tag[] = [];
  if (lead.routing.tagId !== undefined) {
    const tag = await findTag(trx, accountId, lead.routing.tagId);
    if (tag) tags.push(tag);
    else warnings.push(`tag_id ${lead.routing.tagId} is not a tag of this account; it was not applied.`);
  }
  if (lead.routing.tags?.length) tags.push(...(await tagsNamed(trx, accountId, lead.routing.tags, now)).filter((t) => !tags.some((x) => x.id === t.id)));
  if ((await applyTags(trx, contactId, tags.map((t) => t.id), now)) > 0 && current) changed.push('tags');

  return {
    contactId,
    contact: {
      phoneNumber: current?.phone_number ?? lead.phoneNumber,
      email: changes.email ?? current?.email ?? null,
      name: changes.name ?? current?.name ?? null,
    },
    outcome: !current ? 'created' : changed.length ? 'updated' : 'unchanged',
    changedFields: current ? changed : [],
    owner: { userId: ownerId, reason: owner.reason },
    powerDialer,
    sequence,
    tags,
    warnings,
  };
}

/** The id when it names an object of the account; otherwise null and a warning (a stale id never costs the lead). */
async function existingReference(trx: Transaction<DB>, accountId: number, table: 'lines' | 'disposition_statuses' | 'sequences', id: number | undefined, field: string, warnings: string[]): Promise<number | null> {
  if (id === undefined) return null;
  if (await referenceExists(trx, table, accountId, id)) return id;
  warnings.push(`${field} ${id} does not exist in this account; it was ignored.`);
  return null;
}
