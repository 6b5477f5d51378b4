// The services a running leadgate has; built once per database and handed to the HTTP layer and the CLI.
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import { inTransaction } from './db/transaction.js';
import type { Database } from './db/database.js';
import { AccountService } from './accounts/account-service.js';
import { UserService } from './users/user-service.js';
import { ApiKeyService } from './api-keys/api-key-service.js';
import { CaptureService } from './capture/capture-lead.js';
import { ContactService } from './contacts/contact-service.js';
import { CaptureLogService } from './capture-log/capture-log-service.js';
import { RingGroupService } from './ring-groups/ring-group-service.js';
import { NamedObjectService, type NamedObjectServices } from './named-objects/named-object-service.js';
import { namedObjectKinds } from './named-objects/named-object-kinds.js';
import { PowerDialerService } from './power-dialer/power-dialer-service.js';
import { HealthService } from './health/health-service.js';

export interface Services {
  accounts: AccountService;
  users: UserService;
  apiKeys: ApiKeyService;
  capture: CaptureService;
  captureLog: CaptureLogService;
  contacts: ContactService;
  ringGroups: RingGroupService;
  /** Tags, lines, disposition statuses and sequences, one service per table. */
  namedObjects: NamedObjectServices;
  powerDialer: PowerDialerService;
  health: HealthService;
}

/**
 * `transact` is how captures commit: pass the Database's own (group commit on SQLite) wherever
 * leads are captured; the default, one transaction per capture, suits one-off tools.
 */
export function createServices(db: Kysely<DB>, transact: Database['transact'] = (work) => inTransaction(db, work)): Services {
  return {
    accounts: new AccountService(db),
    users: new UserService(db),
    apiKeys: new ApiKeyService(db),
    capture: new CaptureService(transact),
    captureLog: new CaptureLogService(db),
    contacts: new ContactService(db),
    ringGroups: new RingGroupService(db),
    namedObjects: {
      tags: new NamedObjectService(db, namedObjectKinds.tags),
      lines: new NamedObjectService(db, namedObjectKinds.lines),
      disposition_statuses: new NamedObjectService(db, namedObjectKinds.disposition_statuses),
      sequences: new NamedObjectService(db, namedObjectKinds.sequences),
    },
    powerDialer: new PowerDialerService(db),
    health: new HealthService(db),
  };
}
