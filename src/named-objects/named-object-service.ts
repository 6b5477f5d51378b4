// Create, read, rename and delete the named objects of one kind (named-object-kinds.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { isUniqueViolation } from '../db/transaction.js';
import { AppError } from '../errors/app-error.js';
import { findOr404, notFound } from '../errors/not-found.js';
import { findAccount } from '../accounts/account-repository.js';
import { toE164 } from '../phone/phone-normaliser.js';
import { tagNameKey, type NamedObjectKind } from './named-object-kinds.js';
import { deleteNamed, findNamed, insertNamed, listNamed, updateNamed, type NamedExtras, type NamedRow } from './named-object-repository.js';

export interface NamedObjectInput {
  name?: string;
  /** Lines only: any format; read in the account's default country. null or "" clears it. */
  phone_number?: string | null;
}

export class NamedObjectService {
  constructor(private readonly db: Kysely<DB>, readonly kind: NamedObjectKind) {}

  async create(accountId: number, input: NamedObjectInput & { name: string }): Promise<NamedRow> {
    const account = await findAccount(this.db, accountId);
    if (!account) throw new AppError('NOT_FOUND', `No account ${accountId}.`);
    const fields = this.fields(input, account.default_country);
    const now = new Date().toISOString();
    return this.unique(fields.name!, () => insertNamed(this.db, this.kind.table, {
      account_id: accountId, name: fields.name!, created_at: now, updated_at: now,
      ...(this.kind.hasPhoneNumber ? { phone_number: fields.phone_number ?? null } : {}),
      ...(this.kind.uniqueName ? { name_key: fields.name_key! } : {}),
    }));
  }

  list(accountId: number): Promise<NamedRow[]> {
    return listNamed(this.db, this.kind.table, accountId);
  }

  get(accountId: number, id: number): Promise<NamedRow> {
    return findOr404(this.kind.noun, id, () => findNamed(this.db, this.kind.table, accountId, id));
  }

  async update(accountId: number, id: number, input: NamedObjectInput): Promise<NamedRow> {
    const current = await this.get(accountId, id);
    const country = input.phone_number ? (await findAccount(this.db, accountId))!.default_country : '';
    const fields = this.fields(input, country);
    const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => current[k as keyof NamedRow] !== v));
    if (!Object.keys(changed).length) return current;
    return this.unique(fields.name ?? current.name, () => updateNamed(this.db, this.kind.table, id, { ...changed, updated_at: new Date().toISOString() }));
  }

  async remove(accountId: number, id: number): Promise<void> {
    if (!(await deleteNamed(this.db, this.kind.table, accountId, id))) throw notFound(this.kind.noun, id);
  }

  /** The columns the input sets, checked and in their stored form. */
  private fields(input: NamedObjectInput, country: string): { name?: string } & NamedExtras {
    const out: { name?: string } & NamedExtras = {};
    if (input.name !== undefined) {
      out.name = input.name.trim();
      if (!out.name) throw AppError.validation([{ field: 'name', rule: 'required' }]);
      if (this.kind.uniqueName) out.name_key = tagNameKey(out.name);
    }
    if (this.kind.hasPhoneNumber && input.phone_number !== undefined) {
      const raw = input.phone_number?.trim();
      out.phone_number = raw ? toE164(raw, country) : null;
      if (raw && !out.phone_number) throw AppError.validation([{ field: 'phone_number', rule: 'phone' }]);
    }
    return out;
  }

  /** A tag name is unique per account: the index decides, and a duplicate is a 409. */
  private async unique<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (this.kind.uniqueName && isUniqueViolation(err)) throw new AppError('CONFLICT', `A ${this.kind.noun} named "${name}" already exists.`);
      throw err;
    }
  }
}

export type NamedObjectServices = Record<NamedObjectKind['table'], NamedObjectService>;
