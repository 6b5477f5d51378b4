// Tags applied by a capture: by id (it must exist) and by name (created when missing). Applying
// a tag twice changes nothing; two captures creating one name make one tag (unique name_key).
import type { Executor } from '../db/transaction.js';
import { canExist } from '../errors/not-found.js';
import { tagNameKey } from '../named-objects/named-object-kinds.js';

export interface Tag { id: number; name: string }

/** Finds the tags with these names, creating the missing ones. */
export async function tagsNamed(db: Executor, accountId: number, names: string[], now: string): Promise<Tag[]> {
  // The first spelling of a name wins; later ones in the same list are the same tag.
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(tagNameKey(name))) byKey.set(tagNameKey(name), name);
  if (!byKey.size) return [];
  await db.insertInto('tags')
    .values([...byKey].map(([key, name]) => ({ account_id: accountId, name, name_key: key, created_at: now, updated_at: now })))
    .onConflict((oc) => oc.columns(['account_id', 'name_key']).doNothing())
    .execute();
  return db.selectFrom('tags').select(['id', 'name']).where('account_id', '=', accountId).where('name_key', 'in', [...byKey.keys()]).orderBy('id').execute();
}

export async function findTag(db: Executor, accountId: number, id: number): Promise<Tag | undefined> {
  if (!canExist(id)) return undefined;
  return db.selectFrom('tags').select(['id', 'name']).where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

/** Applies the tags; resolves to how many were new on the contact. */
export async function applyTags(db: Executor, contactId: number, tagIds: number[], now: string): Promise<number> {
  if (!tagIds.length) return 0;
  const added = await db.insertInto('contact_tags')
    .values(tagIds.map((tagId) => ({ contact_id: contactId, tag_id: tagId, created_at: now })))
    .onConflict((oc) => oc.columns(['contact_id', 'tag_id']).doNothing())
    .returning('tag_id')
    .execute();
  return added.length;
}
