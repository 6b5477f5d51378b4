// After a run, the database must hold every lead that was acknowledged, each number once.
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';

export interface SelfCheck {
  ok: boolean;
  acknowledged: number;
  missing: number;
  duplicateNumbers: number;
  contacts: number;
}

export async function checkStoredLeads(db: Kysely<DB>, acknowledged: Set<string>): Promise<SelfCheck> {
  const stored = new Set((await db.selectFrom('contact_phone_numbers').select('phone_number').execute()).map((r) => r.phone_number));
  let missing = 0;
  for (const phone of acknowledged) if (!stored.has(`+1${phone}`)) missing++;
  const duplicates = await db.selectFrom('contacts').select('phone_number')
    .groupBy(['account_id', 'phone_number']).having((eb) => eb.fn.countAll(), '>', 1).execute();
  const duplicateNumbers = await db.selectFrom('contact_phone_numbers').select('phone_number')
    .groupBy(['account_id', 'phone_number']).having((eb) => eb.fn.countAll(), '>', 1).execute();
  const contacts = await db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const dup = duplicates.length + duplicateNumbers.length;
  return { ok: missing === 0 && dup === 0, acknowledged: acknowledged.size, missing, duplicateNumbers: dup, contacts: Number(contacts.n) };
}
