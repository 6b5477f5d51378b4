// The services a running leadgate has; built once per database and handed to the HTTP layer and the CLI.
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import { AccountService } from './accounts/account-service.js';
import { UserService } from './users/user-service.js';
import { ApiKeyService } from './api-keys/api-key-service.js';
import { CaptureService } from './capture/capture-lead.js';
import { ContactService } from './contacts/contact-service.js';
import { HealthService } from './health/health-service.js';

export interface Services {
  accounts: AccountService;
  users: UserService;
  apiKeys: ApiKeyService;
  capture: CaptureService;
  contacts: ContactService;
  health: HealthService;
}

export function createServices(db: Kysely<DB>): Services {
  return {
    accounts: new AccountService(db),
    users: new UserService(db),
    apiKeys: new ApiKeyService(db),
    capture: new CaptureService(db),
    contacts: new ContactService(db),
    health: new HealthService(db),
  };
}
