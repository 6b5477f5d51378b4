// The four kinds of named object and how each differs from the others.

export type NamedTableName = 'tags' | 'lines' | 'disposition_statuses' | 'sequences';

export interface NamedObjectKind {
  table: NamedTableName;
  /** The URL and CLI name: /v1/<slug>, `leadgate <slug> create`. */
  slug: string;
  /** In messages: "No tag 7.", "A tag named ... already exists." */
  noun: string;
  nouns: string;
  /** The OpenAPI tag. */
  title: string;
  /** The capture field that takes this kind's ids. */
  captureField: string;
  /** Tags: names are unique per account, case-insensitively (the name_key column). */
  uniqueName?: boolean;
  /** Lines: an optional phone number, stored in E.164. */
  hasPhoneNumber?: boolean;
}

export const namedObjectKinds: Record<NamedTableName, NamedObjectKind> = {
  tags: { table: 'tags', slug: 'tags', noun: 'tag', nouns: 'tags', title: 'Tags', captureField: 'tag_id', uniqueName: true },
  lines: { table: 'lines', slug: 'lines', noun: 'line', nouns: 'lines', title: 'Lines', captureField: 'line_id', hasPhoneNumber: true },
  disposition_statuses: { table: 'disposition_statuses', slug: 'disposition-statuses', noun: 'disposition status', nouns: 'disposition statuses', title: 'Disposition statuses', captureField: 'disposition_status_id' },
  sequences: { table: 'sequences', slug: 'sequences', noun: 'sequence', nouns: 'sequences', title: 'Sequences', captureField: 'sequence_id' },
};

/** How a tag name is matched: what tags.name_key holds. Whoever finds or creates a tag by name uses this. */
export function tagNameKey(name: string): string {
  return name.trim().toLowerCase();
}
