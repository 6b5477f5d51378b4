// Newest-first paging by id: a page's next_cursor is an opaque token for "ids below this one".
import { AppError } from '../errors/app-error.js';
import { MAX_ID } from '../errors/not-found.js';

export function encodeCursor(id: number): string {
  return Buffer.from(`c${id}`).toString('base64url');
}

/**
 * The id a cursor names, or undefined when it is past every id (such a cursor filters nothing,
 * and PostgreSQL would refuse the number). A malformed cursor is the client's mistake: a 400.
 */
export function idBeforeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const m = /^c([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw AppError.validation([{ field: 'cursor', rule: 'in' }]);
  const id = Number(m[1]);
  return id <= MAX_ID ? id : undefined;
}
