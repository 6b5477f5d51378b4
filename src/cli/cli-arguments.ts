// Parsing what the user typed. A wrong argument is one line on stderr and exit status 2.
import { InvalidArgumentError } from 'commander';

/** A wrong argument found after commander's own parsing. */
export class UsageError extends Error {}

export function positiveInt(value: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new InvalidArgumentError('must be a positive integer.');
  return Number(value);
}

/** A positional id (`keys revoke ID`, `users set-status ID ...`). */
export function idArgument(what: string, value: string): number {
  try {
    return positiveInt(value);
  } catch {
    throw new UsageError(`error: the ${what} id must be a positive integer, got "${value}"`);
  }
}
