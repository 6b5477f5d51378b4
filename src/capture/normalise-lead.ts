// Step two of a capture: every value checked and put in its stored form, or a 400 listing every
// field that is wrong. Nothing is written before this passes, so a bad lead is never half-saved.
import { AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';
import { isPhoneCountry, toE164 } from '../phone/phone-normaliser.js';
import { normaliseContactValue } from './lead-fields.js';
import { contactTextFields, type ContactTextField, type LeadInput, type RoutingInput } from './lead-input.js';

export interface NormalisedLead {
  phoneNumber: string;
  /** Without the primary number and without repeats. */
  otherPhoneNumbers: { label: string; phoneNumber: string }[];
  /** Only the fields sent with a non-empty value: an empty value never erases. */
  fields: Partial<Record<ContactTextField, string>>;
  notes: string | null;
  userId: number | null;
  isDnc: boolean | null;
  forceUpdate: boolean;
  routing: RoutingInput;
}

/** However they are sent (an array or a comma-separated string), at most this many. */
const MAX_OTHER_NUMBERS = 50;

export function normaliseLead(input: LeadInput, accountCountry: string): NormalisedLead {
  const errors: FieldError[] = [];
  const fields: Partial<Record<ContactTextField, string>> = {};
  for (const name of contactTextFields) {
    const value = input.fields?.[name]?.trim();
    if (!value) continue;
    // PostgreSQL cannot store a NUL character; neither database is asked to.
    if (value.includes('\u0000')) {
      errors.push({ field: name, rule: 'no_nul' });
      continue;
    }
    const checked = normaliseContactValue(name, value);
    if ('error' in checked) errors.push(checked.error);
    else fields[name] = checked.value;
  }
  if (input.notes?.includes('\u0000')) errors.push({ field: 'notes', rule: 'no_nul' });
  if (input.routing?.tags?.some((t) => t.includes('\u0000'))) errors.push({ field: 'tags', rule: 'no_nul' });

  // The request's country reads numbers without a country code when it is one we know.
  const country = input.phoneCountry ?? (isPhoneCountry(fields.country) ? fields.country : accountCountry);
  const only = input.phoneCountry !== undefined;
  const phoneNumber = toE164(input.phoneNumber, country, only);
  if (!input.phoneNumber.trim()) errors.push({ field: 'phone_number', rule: 'required' });
  else if (!phoneNumber) errors.push({ field: 'phone_number', rule: 'phone' });

  const otherPhoneNumbers: NormalisedLead['otherPhoneNumbers'] = [];
  const seen = new Set(phoneNumber ? [phoneNumber] : []);
  if ((input.otherPhoneNumbers?.length ?? 0) > MAX_OTHER_NUMBERS) {
    errors.push({ field: 'other_phone_numbers', rule: 'max', params: { max: MAX_OTHER_NUMBERS, items: true } });
  }
  input.otherPhoneNumbers?.slice(0, MAX_OTHER_NUMBERS).forEach((other, i) => {
    if (other.label?.includes('\u0000')) errors.push({ field: `other_phone_numbers.${i}.label`, rule: 'no_nul' });
    if (!other.phoneNumber.trim()) return;
    const e164 = toE164(other.phoneNumber, country, only);
    if (!e164) errors.push({ field: `other_phone_numbers.${i}.phone_number`, rule: 'phone' });
    else if (!seen.has(e164)) {
      seen.add(e164);
      otherPhoneNumbers.push({ label: other.label?.trim() || 'other', phoneNumber: e164 });
    }
  });

  const tags = input.routing?.tags?.map((t) => t.trim()).filter(Boolean);
  if (tags?.some((t) => t.length > 255)) errors.push({ field: 'tags', rule: 'max', params: { max: 255 } });

  if (errors.length) throw AppError.validation(errors);
  return {
    phoneNumber: phoneNumber!,
    otherPhoneNumbers,
    fields,
    notes: input.notes?.trim() || null,
    userId: input.userId ?? null,
    isDnc: input.isDnc ?? null,
    forceUpdate: input.forceUpdate ?? false,
    routing: { ...input.routing, tags },
  };
}
