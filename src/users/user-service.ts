import type { Kysely } from 'kysely';
import type { DB, UserRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import type { FieldError } from '../errors/field-error.js';
import { findOr404, notFound } from '../errors/not-found.js';
import { findAccount } from '../accounts/account-repository.js';
import { deleteUser, findUser, findUserById, insertUser, listUsers, updateUser } from './user-repository.js';
import { isEmail } from '../capture/lead-fields.js';

export const userStatuses = ['offline', 'available', 'busy', 'on_break', 'on_call', 'wrap_up', 'ringing'] as const;
export type UserStatus = (typeof userStatuses)[number];

export interface CreateUserOptions {
  accountId: number;
  name: string;
  email?: string;
  status?: string;
}

/** A field left out stays as it is; `email: null` (or "") clears the email. */
export interface UserChanges {
  name?: string;
  email?: string | null;
  status?: string;
}

export class UserService {
  constructor(private readonly db: Kysely<DB>) {}

  async create(options: CreateUserOptions): Promise<UserRow> {
    const name = checkUser({ name: options.name, email: options.email, status: options.status });
    if (!(await findAccount(this.db, options.accountId))) throw new AppError('NOT_FOUND', `No account ${options.accountId}.`);
    const now = new Date().toISOString();
    return insertUser(this.db, {
      account_id: options.accountId, name: name!, email: options.email?.trim() || null,
      status: options.status ?? 'offline', created_at: now, updated_at: now,
    });
  }

  list(accountId: number): Promise<UserRow[]> {
    return listUsers(this.db, accountId);
  }

  get(accountId: number, id: number): Promise<UserRow> {
    return findOr404('user', id, () => findUser(this.db, accountId, id));
  }

  async update(accountId: number, id: number, changes: UserChanges): Promise<UserRow> {
    const name = checkUser(changes);
    const user = await this.get(accountId, id);
    return this.apply(user, {
      ...(name !== undefined ? { name } : {}),
      ...(changes.email !== undefined ? { email: changes.email?.trim() || null } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
    });
  }

  /** The CLI's `users set-status ID STATUS`: by id alone, as `keys revoke` is. */
  async setStatus(id: number, status: string): Promise<UserRow> {
    checkUser({ status });
    const user = await findOr404('user', id, () => findUserById(this.db, id));
    return this.apply(user, { status });
  }

  async remove(accountId: number, id: number): Promise<void> {
    if (!(await deleteUser(this.db, accountId, id))) throw notFound('user', id);
  }

  /** updated_at moves only when something really changed. */
  private async apply(user: UserRow, changes: Partial<Pick<UserRow, 'name' | 'email' | 'status'>>): Promise<UserRow> {
    const changed = Object.fromEntries(Object.entries(changes).filter(([k, v]) => user[k as keyof UserRow] !== v));
    if (!Object.keys(changed).length) return user;
    return updateUser(this.db, user.id, { ...changed, updated_at: new Date().toISOString() });
  }
}

/** Checks the fields given; returns the trimmed name when one was given. */
function checkUser(fields: { name?: string; email?: string | null; status?: string }): string | undefined {
  const errors: FieldError[] = [];
  const name = fields.name?.trim();
  if (fields.name !== undefined && !name) errors.push({ field: 'name', rule: 'required' });
  const email = fields.email?.trim();
  if (email && !isEmail(email)) errors.push({ field: 'email', rule: 'email' });
  if (fields.status !== undefined && !(userStatuses as readonly string[]).includes(fields.status)) {
    errors.push({ field: 'status', rule: 'in', params: { values: userStatuses } });
  }
  if (errors.length) throw AppError.validation(errors);
  return name;
}
