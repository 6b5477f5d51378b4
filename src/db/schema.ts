// Row types of the tables, as Kysely sees them. API shapes live beside their routes, not here.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  default_country: string;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  email: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: Generated<number>;
  account_id: number;
  user_id: number | null;
  name: string;
  /** First characters of the token, shown in listings so a key can be recognised. */
  prefix: string;
  /** SHA-256 of the whole token, hex. The token itself is never stored. */
  token_hash: string;
  /** Comma-separated scopes. */
  scopes: string;
  status: string;
  expires_at: string | null;
  /** "max/window", e.g. "100/10s"; null means the server default. */
  rate_limit: string | null;
  last_used_at: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ContactsTable {
  id: Generated<number>;
  account_id: number;
  /** The primary number, E.164; also a row of contact_phone_numbers, which holds identity. */
  phone_number: string;
  first_name: string | null;
  last_name: string | null;
  name: string | null;
  company_name: string | null;
  email: string | null;
  lead_source: string | null;
  date_of_birth: string | null;
  timezone: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  country: string | null;
  address: string | null;
  website: string | null;
  csf1: string | null;
  csf2: string | null;
  user_id: number | null;
  is_dnc: number;
  line_id: Generated<number | null>;
  disposition_status_id: Generated<number | null>;
  created_at: string;
  updated_at: string;
}

export interface ContactPhoneNumbersTable {
  id: Generated<number>;
  account_id: number;
  contact_id: number;
  phone_number: string;
  label: string;
  is_primary: number;
  created_at: string;
}

export interface ContactNotesTable {
  id: Generated<number>;
  account_id: number;
  contact_id: number;
  body: string;
  created_at: string;
}

export interface CaptureLogTable {
  id: Generated<number>;
  account_id: number | null;
  api_key_id: number | null;
  request_id: string;
  dialect: string;
  outcome: string;
  status: number;
  contact_id: number | null;
  /** JSON array of strings. */
  warnings: string;
  /** Why a rejected request was rejected, in the words its client was told. */
  error: string | null;
  /** JSON of the request body and query, token redacted. */
  payload: string;
  created_at: string;
}

export interface RingGroupsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface RingGroupLayersTable {
  id: Generated<number>;
  ring_group_id: number;
  /** 1 is tried first. */
  position: number;
  strategy: 'round_robin' | 'random';
  /** Round-robin pointer: the member who got the last lead. */
  last_user_id: number | null;
}

export interface RingGroupMembersTable {
  id: Generated<number>;
  layer_id: number;
  user_id: number;
  position: number;
}

/** tags, lines, disposition_statuses and sequences: named objects of an account. */
export interface NamedTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface TagsTable extends NamedTable {
  /** lower(name): tags are found by name case-insensitively. */
  name_key: string;
}

export interface LinesTable extends NamedTable {
  phone_number: string | null;
}

export interface ContactTagsTable {
  contact_id: number;
  tag_id: number;
  created_at: string;
}

export interface SequenceEnrollmentsTable {
  contact_id: number;
  sequence_id: number;
  enrolled_at: string;
}

export interface PowerDialerItemsTable {
  id: Generated<number>;
  account_id: number;
  user_id: number;
  contact_id: number;
  /** Dialing order, ascending. */
  position: number;
  created_at: string;
}

export interface DB {
  accounts: AccountsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  contacts: ContactsTable;
  contact_phone_numbers: ContactPhoneNumbersTable;
  contact_notes: ContactNotesTable;
  capture_log: CaptureLogTable;
  ring_groups: RingGroupsTable;
  ring_group_layers: RingGroupLayersTable;
  ring_group_members: RingGroupMembersTable;
  tags: TagsTable;
  lines: LinesTable;
  disposition_statuses: NamedTable;
  sequences: NamedTable;
  contact_tags: ContactTagsTable;
  sequence_enrollments: SequenceEnrollmentsTable;
  power_dialer_items: PowerDialerItemsTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type UserRow = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type ContactRow = Selectable<ContactsTable>;
export type NewContact = Insertable<ContactsTable>;
export type ContactUpdate = Updateable<ContactsTable>;
export type PhoneNumberRow = Selectable<ContactPhoneNumbersTable>;
export type NoteRow = Selectable<ContactNotesTable>;
