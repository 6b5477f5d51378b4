// The merge rule (compat.md): without force_update only empty fields are filled; with it every
// field sent with a value is overwritten. Nothing sent empty ever erases. `name` and
// `first_name`/`last_name` complete each other where one side is empty.
import type { ContactRow } from '../db/schema.js';
import type { ContactTextField } from './lead-input.js';

type Fields = Partial<Record<ContactTextField, string>>;
type Reference = 'user_id' | 'line_id' | 'disposition_status_id';
export type ContactChanges = Partial<Record<ContactTextField, string>> & Partial<Record<Reference, number>> & { is_dnc?: number };

export interface MergeRequest {
  fields: Fields;
  /** Ids already checked to exist in the account; null when not sent (or unknown). */
  references: Record<Reference, number | null>;
  isDnc: boolean | null;
  forceUpdate: boolean;
}

/** The columns to write; for a new contact `current` is null and everything sent is written. */
export function mergeContact(current: ContactRow | null, request: MergeRequest): ContactChanges {
  const changes: ContactChanges = {};
  const next: Fields = {};
  for (const [field, value] of Object.entries(request.fields) as [ContactTextField, string][]) {
    const existing = current?.[field] ?? null;
    if (existing === value) continue;
    if (!existing || request.forceUpdate) changes[field] = next[field] = value;
  }
  completeName(current, next, changes);

  for (const [column, id] of Object.entries(request.references) as [Reference, number | null][]) {
    const existing = current?.[column] ?? null;
    if (id !== null && existing !== id && (existing === null || request.forceUpdate)) changes[column] = id;
  }
  // Not on the do-not-contact list counts as empty: `true` always marks it, `false` clears only with force_update.
  if (request.isDnc === true && !current?.is_dnc) changes.is_dnc = 1;
  if (request.isDnc === false && current?.is_dnc && request.forceUpdate) changes.is_dnc = 0;
  return changes;
}

function completeName(current: ContactRow | null, next: Fields, changes: ContactChanges): void {
  const first = next.first_name ?? current?.first_name ?? null;
  const last = next.last_name ?? current?.last_name ?? null;
  const name = next.name ?? current?.name ?? null;
  if (!name && (first || last)) {
    changes.name = [first, last].filter(Boolean).join(' ');
  } else if (name && !first && !last) {
    const [head, ...rest] = name.split(/\s+/);
    changes.first_name = head;
    if (rest.length) changes.last_name = rest.join(' ');
  }
}
