// Checks of single values that every dialect, and a person editing a contact, share: email,
// date of birth, time zone, country.
import type { FieldError } from '../errors/field-error.js';
import type { ContactTextField } from './lead-input.js';

// The WHATWG form rule for type=email: what a browser form would accept.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** MM/DD/YYYY (the vendor page) or YYYY-MM-DD (the n8n node) to YYYY-MM-DD; null if neither or not a real day. */
export function toIsoDate(value: string): string | null {
  let y: number, m: number, d: number;
  const us = US_DATE.exec(value);
  const iso = us ? null : ISO_DATE.exec(value);
  if (us) [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const knownZones = new Map<string, boolean>();

/** An IANA zone name such as America/Los_Angeles (or UTC); not an offset. */
export function isTimeZone(value: string): boolean {
  let known = knownZones.get(value);
  if (known === undefined) {
    known = /^[A-Za-z][A-Za-z_]*(\/[A-Za-z0-9_+-]+)*$/.test(value) && value.length <= 64 && acceptsZone(value);
    if (knownZones.size < 2000) knownZones.set(value, known);
  }
  return known;
}

function acceptsZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A contact's text value (trimmed, not empty) in its stored form, or the rule it breaks. */
export function normaliseContactValue(field: ContactTextField, value: string): { value: string } | { error: FieldError } {
  switch (field) {
    case 'email':
      return isEmail(value) ? { value: value.toLowerCase() } : { error: { field, rule: 'email' } };
    case 'date_of_birth': {
      const iso = toIsoDate(value);
      return iso ? { value: iso } : { error: { field, rule: 'date_format', params: { format: 'm/d/Y' } } };
    }
    case 'timezone':
      return isTimeZone(value) ? { value } : { error: { field, rule: 'timezone' } };
    case 'country':
      return { value: /^[a-z]{2}$/i.test(value) ? value.toUpperCase() : value };
    default:
      return { value };
  }
}
