import type { Kysely } from 'kysely';
import type { DB, AccountRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { isPhoneCountry } from '../phone/phone-normaliser.js';
import { insertAccount, findAccount } from './account-repository.js';

export interface CreateAccountOptions {
  name: string;
  /** Two-letter country that reads numbers written without a country code. */
  country: string;
}

export class AccountService {
  constructor(private readonly db: Kysely<DB>) {}

  async create(options: CreateAccountOptions): Promise<AccountRow> {
    const name = options.name.trim();
    const country = options.country.trim().toUpperCase();
    if (!name) throw AppError.validation([{ field: 'name', rule: 'required' }]);
    if (!isPhoneCountry(country)) throw AppError.validation([{ field: 'country', rule: 'country' }]);
    return insertAccount(this.db, { name, default_country: country, created_at: new Date().toISOString() });
  }

  async get(id: number): Promise<AccountRow> {
    const account = await findAccount(this.db, id);
    if (!account) throw new AppError('NOT_FOUND', `No account ${id}.`);
    return account;
  }
}
