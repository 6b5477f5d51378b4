// leadgate tags|lines|disposition-statuses|sequences create: one command per kind of named object.
import type { Command } from 'commander';
import { namedObjectKinds } from '../named-objects/named-object-kinds.js';
import { toNamedJson } from '../named-objects/named-object-view.js';
import { positiveInt } from './cli-arguments.js';
import { print, withServices } from './with-services.js';

export function addNamedObjectCommands(program: Command): void {
  for (const kind of Object.values(namedObjectKinds)) {
    const create = program.command(kind.slug).description(`Manage ${kind.nouns} (their ids are what ${kind.captureField} takes)`)
      .command('create').description(`Create a ${kind.noun}`)
      .requiredOption('--account <id>', 'account id', positiveInt)
      .requiredOption('--name <name>', `${kind.noun} name`);
    if (kind.hasPhoneNumber) create.option('--phone-number <number>', 'phone number; without a country code it is read in the account\'s default country');
    create.option('--json', 'print JSON')
      .action(async (o: { account: number; name: string; phoneNumber?: string; json?: boolean }) => {
        const row = await withServices((s) => s.namedObjects[kind.table].create(o.account, {
          name: o.name, ...(o.phoneNumber !== undefined ? { phone_number: o.phoneNumber } : {}),
        }));
        print(!!o.json, toNamedJson(kind, row), `${kind.noun} ${row.id} created (${row.name}${row.phone_number ? `, ${row.phone_number}` : ''})`);
      });
  }
}
