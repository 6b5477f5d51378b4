// Routing and follow-up: ring groups (ordered layers of members, each round-robin layer with its
// own pointer), tags, lines, disposition statuses, sequences and enrollments, power-dialer queues.
import type { Kysely } from 'kysely';
import { idColumn } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);
  const account = (c: any) => c.notNull().references('accounts.id').onDelete('cascade');

  await db.schema.createTable('ring_groups')
    .addColumn('id', idType, idDef)
    .addColumn('account_id', 'integer', account)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ring_groups_account').on('ring_groups').columns(['account_id', 'id']).execute();

  // last_user_id is the round-robin pointer: the next lead goes to the member after it. The
  // capture that reads it holds the row's write lock until commit, so nodes never share a turn.
  await db.schema.createTable('ring_group_layers')
    .addColumn('id', idType, idDef)
    .addColumn('ring_group_id', 'integer', (c) => c.notNull().references('ring_groups.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('last_user_id', 'integer')
    .execute();
  await db.schema.createIndex('ring_group_layers_group').on('ring_group_layers').columns(['ring_group_id', 'position']).unique().execute();

  await db.schema.createTable('ring_group_members')
    .addColumn('id', idType, idDef)
    .addColumn('layer_id', 'integer', (c) => c.notNull().references('ring_group_layers.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ring_group_members_layer').on('ring_group_members').columns(['layer_id', 'position']).execute();
  await db.schema.createIndex('ring_group_members_user').on('ring_group_members').column('user_id').execute();

  for (const table of ['tags', 'lines', 'disposition_statuses', 'sequences']) {
    let t = db.schema.createTable(table)
      .addColumn('id', idType, idDef)
      .addColumn('account_id', 'integer', account)
      .addColumn('name', 'text', (c) => c.notNull());
    if (table === 'lines') t = t.addColumn('phone_number', 'text');
    if (table === 'tags') t = t.addColumn('name_key', 'text', (c) => c.notNull());
    await t.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();
    await db.schema.createIndex(`${table}_account`).on(table).columns(['account_id', 'id']).execute();
  }
  // Tags are found by name, case-insensitively; two captures creating one tag make one.
  await db.schema.createIndex('tags_name').on('tags').columns(['account_id', 'name_key']).unique().execute();

  await db.schema.createTable('contact_tags')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_tags_pk', ['contact_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('contact_tags_tag').on('contact_tags').column('tag_id').execute();

  // A contact is in at most one sequence: the primary key says so.
  await db.schema.createTable('sequence_enrollments')
    .addColumn('contact_id', 'integer', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('sequence_id', 'integer', (c) => c.notNull().references('sequences.id').onDelete('cascade'))
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sequence_enrollments_sequence').on('sequence_enrollments').column('sequence_id').execute();

  // Dialing order is ascending position; top takes min - 1, bottom max + 1. Both unique
  // indexes turn a concurrent race into a retry rather than a duplicate.
  await db.schema.createTable('power_dialer_items')
    .addColumn('id', idType, idDef)
    .addColumn('account_id', 'integer', account)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('power_dialer_items_contact').on('power_dialer_items').columns(['user_id', 'contact_id']).unique().execute();
  await db.schema.createIndex('power_dialer_items_order').on('power_dialer_items').columns(['user_id', 'position']).unique().execute();

  await db.schema.alterTable('contacts').addColumn('line_id', 'integer', (c) => c.references('lines.id').onDelete('set null')).execute();
  await db.schema.alterTable('contacts').addColumn('disposition_status_id', 'integer', (c) => c.references('disposition_statuses.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('disposition_status_id').execute();
  await db.schema.alterTable('contacts').dropColumn('line_id').execute();
  for (const table of ['power_dialer_items', 'sequence_enrollments', 'contact_tags', 'sequences', 'disposition_statuses', 'lines', 'tags', 'ring_group_members', 'ring_group_layers', 'ring_groups']) {
    await db.schema.dropTable(table).execute();
  }
}
