import type { Kysely } from 'kysely';
import type { DB, UserRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findAccount } from '../accounts/account-repository.js';
import { insertUser } from './user-repository.js';
import { isEmail } from '../capture/lead-fields.js';

export const userStatuses = ['offline', 'available', 'busy', 'on_break', 'on_call', 'wrap_up', 'ringing'] as const;
export type UserStatus = (typeof userStatuses)[number];

export interface CreateUserOptions {
  accountId: number;
  name: string;
  email?: string;
  status?: UserStatus;
}

export class UserService {
  constructor(private readonly db: Kysely<DB>) {}

  async create(options: CreateUserOptions): Promise<UserRow> {
    const name = options.name.trim();
    const email = options.email?.trim() || null;
    if (!name) throw AppError.validation([{ field: 'name', rule: 'required' }]);
    if (email && !isEmail(email)) throw AppError.validation([{ field: 'email', rule: 'email' }]);
    if (!(await findAccount(this.db, options.accountId))) throw new AppError('NOT_FOUND', `No account ${options.accountId}.`);
    const now = new Date().toISOString();
    return insertUser(this.db, {
      account_id: options.accountId, name, email, status: options.status ?? 'offline', created_at: now, updated_at: now,
    });
  }
}
