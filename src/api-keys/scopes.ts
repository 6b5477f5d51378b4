export const scopes = ['leads:write', 'contacts:read', 'contacts:write', 'admin'] as const;
export type Scope = (typeof scopes)[number];

/** What a key gets when it is created without --scopes: enough for a form and a lookup. */
export const defaultScopes: readonly Scope[] = ['leads:write', 'contacts:read'];

export function isScope(value: string): value is Scope {
  return (scopes as readonly string[]).includes(value);
}

/** `admin` grants every scope. */
export function grants(held: ReadonlySet<string>, needed: Scope): boolean {
  return held.has(needed) || held.has('admin');
}
