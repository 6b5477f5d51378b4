// "No such object in this account" for every kind of object. Ids are int4 on PostgreSQL, so a
// larger id names nothing: it is answered here, before the driver would refuse it with a 500.
import { AppError } from './app-error.js';

export const MAX_ID = 2_147_483_647;

export function canExist(id: number): boolean {
  return Number.isSafeInteger(id) && id >= 1 && id <= MAX_ID;
}

export function notFound(what: string, id: number): AppError {
  return new AppError('NOT_FOUND', `No ${what} ${id}.`);
}

/** The row `find` returns, or NOT_FOUND ("No user 7."). Another account's object is not found either. */
export async function findOr404<T>(what: string, id: number, find: () => Promise<T | undefined>): Promise<T> {
  const row = canExist(id) ? await find() : undefined;
  if (row === undefined) throw notFound(what, id);
  return row;
}
