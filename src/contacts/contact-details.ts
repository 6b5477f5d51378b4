// Contacts as the API shows them: each row with its numbers, notes, tags and sequence, read in
// one query per kind of detail however many contacts a page holds.
import type { ContactRow } from '../db/schema.js';
import type { Executor } from '../db/transaction.js';
import { listContactTags, listEnrollments, listNotes, listPhoneNumbers } from './contact-repository.js';
import { toContactJson, type ContactJson } from './contact-view.js';

export async function describeContacts(db: Executor, rows: ContactRow[]): Promise<ContactJson[]> {
  const ids = rows.map((r) => r.id);
  const [numbers, notes, tags, enrollments] = await Promise.all([
    listPhoneNumbers(db, ids), listNotes(db, ids), listContactTags(db, ids), listEnrollments(db, ids),
  ]);
  return rows.map((r) => {
    const enrollment = enrollments.find((e) => e.contact_id === r.id);
    return toContactJson(r, {
      numbers: numbers.filter((n) => n.contact_id === r.id),
      notes: notes.filter((n) => n.contact_id === r.id),
      tags: tags.filter((t) => t.contact_id === r.id).map((t) => ({ id: t.id, name: t.name })),
      sequence: enrollment ? { id: enrollment.id, name: enrollment.name, enrolled_at: enrollment.enrolled_at } : null,
    });
  });
}
