// A contact as the API shows it, with Aloware's field names.
import { Type, type Static } from 'typebox';
import type { ContactRow, NoteRow, PhoneNumberRow } from '../db/schema.js';

const Text = Type.Union([Type.String(), Type.Null()]);
const Ref = (description: string) => Type.Union([Type.Integer(), Type.Null()], { description });

export const ContactSchema = Type.Object({
  id: Type.Integer(),
  phone_number: Type.String({ description: 'E.164' }),
  other_phone_numbers: Type.Array(Type.Object({ label: Type.String(), phone_number: Type.String() })),
  first_name: Text, last_name: Text, name: Text, company_name: Text, email: Text, lead_source: Text,
  date_of_birth: Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()]),
  timezone: Text, city: Text, state: Text, zipcode: Text, country: Text, address: Text, website: Text,
  csf1: Text, csf2: Text,
  user_id: Ref('The owner (agent).'),
  line_id: Ref('The initial line.'),
  disposition_status_id: Ref('The disposition status.'),
  is_dnc: Type.Boolean(),
  tags: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  sequence: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.String(), enrolled_at: Type.String() }),
    Type.Null(),
  ], { description: 'The sequence the contact is enrolled in; a contact is in at most one.' }),
  notes: Type.Array(Type.Object({ body: Type.String(), created_at: Type.String() })),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type ContactJson = Static<typeof ContactSchema>;

export interface ContactDetails {
  numbers: PhoneNumberRow[];
  notes: NoteRow[];
  tags: { id: number; name: string }[];
  sequence: { id: number; name: string; enrolled_at: string } | null;
}

export function toContactJson(row: ContactRow, details: ContactDetails): ContactJson {
  return {
    id: row.id,
    phone_number: row.phone_number,
    other_phone_numbers: details.numbers.filter((n) => !n.is_primary).map((n) => ({ label: n.label, phone_number: n.phone_number })),
    first_name: row.first_name, last_name: row.last_name, name: row.name, company_name: row.company_name,
    email: row.email, lead_source: row.lead_source, date_of_birth: row.date_of_birth, timezone: row.timezone,
    city: row.city, state: row.state, zipcode: row.zipcode, country: row.country, address: row.address,
    website: row.website, csf1: row.csf1, csf2: row.csf2,
    user_id: row.user_id,
    line_id: row.line_id,
    disposition_status_id: row.disposition_status_id,
    is_dnc: row.is_dnc === 1,
    tags: details.tags,
    sequence: details.sequence,
    notes: details.notes.map((n) => ({ body: n.body, created_at: n.created_at })),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
