// Accounts, users, API keys, contacts with their numbers and notes, and the capture log.
import type { Kysely } from 'kysely';
import { idColumn } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);

  await db.schema.createTable('accounts')
    .addColumn('id', idType, idDef)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_country', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('users')
    .addColumn('id', idType, idDef)
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('offline'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_account').on('users').columns(['account_id', 'id']).execute();

  await db.schema.createTable('api_keys')
    .addColumn('id', idType, idDef)
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('expires_at', 'text')
    .addColumn('rate_limit', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_keys_token_hash').on('api_keys').column('token_hash').unique().execute();
  await db.schema.createIndex('api_keys_account').on('api_keys').columns(['account_id', 'id']).execute();

  await db.schema.createTable('contacts')
    .addColumn('id', idType, idDef)
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('phone_number', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('name', 'text')
    .addColumn('company_name', 'text')
    .addColumn('email', 'text')
    .addColumn('lead_source', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('timezone', 'text')
    .addColumn('city', 'text')
    .addColumn('state', 'text')
    .addColumn('zipcode', 'text')
    .addColumn('country', 'text')
    .addColumn('address', 'text')
    .addColumn('website', 'text')
    .addColumn('csf1', 'text')
    .addColumn('csf2', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('is_dnc', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_account').on('contacts').columns(['account_id', 'id']).execute();

  // Identity: one number belongs to at most one contact per account. The unique index, not a
  // lookup before the insert, is what makes two simultaneous captures of one number safe.
  await db.schema.createTable('contact_phone_numbers')
    .addColumn('id', idType, idDef)
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('phone_number', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_phone_numbers_identity').on('contact_phone_numbers')
    .columns(['account_id', 'phone_number']).unique().execute();
  await db.schema.createIndex('contact_phone_numbers_contact').on('contact_phone_numbers').column('contact_id').execute();

  await db.schema.createTable('contact_notes')
    .addColumn('id', idType, idDef)
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_notes_contact').on('contact_notes').columns(['contact_id', 'id']).execute();

  // No foreign keys here: the log must outlive what it mentions, and a rejected request may
  // name no account at all.
  await db.schema.createTable('capture_log')
    .addColumn('id', idType, idDef)
    .addColumn('account_id', 'integer')
    .addColumn('api_key_id', 'integer')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('dialect', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('contact_id', 'integer')
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('capture_log_account').on('capture_log').columns(['account_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['capture_log', 'contact_notes', 'contact_phone_numbers', 'contacts', 'api_keys', 'users', 'accounts']) {
    await db.schema.dropTable(table).execute();
  }
}
