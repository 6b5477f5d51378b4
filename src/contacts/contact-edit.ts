// PATCH /v1/contacts/:id: what a person may change on a contact, checked as a capture checks it
// (email, date of birth, time zone). Numbers are identity and are not edited here.
import type { ContactRow, ContactUpdate } from '../db/schema.js';
import type { Executor } from '../db/transaction.js';
import type { FieldError } from '../errors/field-error.js';
import { contactTextFields, type ContactTextField } from '../capture/lead-input.js';
import { normaliseContactValue } from '../capture/lead-fields.js';
import { findUser } from '../users/user-repository.js';
import { findNamed } from '../named-objects/named-object-repository.js';

/** A field left out stays as it is; null (or "" for text) clears it. */
export type ContactEdit = Partial<Record<ContactTextField, string | null>> & {
  user_id?: number | null;
  line_id?: number | null;
  disposition_status_id?: number | null;
  is_dnc?: boolean;
};

export type EditableColumns = Partial<Pick<ContactUpdate, ContactTextField | 'user_id' | 'line_id' | 'disposition_status_id' | 'is_dnc'>>;

/** The columns in their stored form, and the field errors of the values that are malformed. */
export function normaliseEdit(edit: ContactEdit): { columns: EditableColumns; errors: FieldError[] } {
  const columns: EditableColumns = {};
  const errors: FieldError[] = [];
  for (const field of contactTextFields) {
    if (edit[field] === undefined) continue;
    let value = edit[field]?.trim() || null;
    if (value !== null) {
      const checked = normaliseContactValue(field, value);
      if ('error' in checked) errors.push(checked.error);
      else value = checked.value;
    }
    columns[field] = value;
  }
  for (const field of ['user_id', 'line_id', 'disposition_status_id'] as const) {
    if (edit[field] !== undefined) columns[field] = edit[field];
  }
  if (edit.is_dnc !== undefined) columns.is_dnc = edit.is_dnc ? 1 : 0;
  return { columns, errors };
}

/** Each reference must name an object of the contact's own account. */
export async function missingReferences(db: Executor, accountId: number, columns: EditableColumns): Promise<FieldError[]> {
  const checks: [keyof EditableColumns, (id: number) => Promise<unknown>][] = [
    ['user_id', (id) => findUser(db, accountId, id)],
    ['line_id', (id) => findNamed(db, 'lines', accountId, id)],
    ['disposition_status_id', (id) => findNamed(db, 'disposition_statuses', accountId, id)],
  ];
  const errors: FieldError[] = [];
  for (const [field, find] of checks) {
    const id = columns[field];
    if (typeof id === 'number' && !(await find(id))) errors.push({ field, rule: 'in', params: { values: [String(id)] } });
  }
  return errors;
}

/** Only the columns whose value differs from the contact's. */
export function changedColumns(current: ContactRow, columns: EditableColumns): EditableColumns {
  return Object.fromEntries(Object.entries(columns).filter(([k, v]) => current[k as keyof ContactRow] !== v));
}
