// leadgate keys create|list|revoke|deactivate|activate
import { Option, type Command } from 'commander';
import { keyValidities } from '../api-keys/api-key-service.js';
import { scopes } from '../api-keys/scopes.js';
import { idArgument, positiveInt } from './cli-arguments.js';
import { print, withServices } from './with-services.js';
import { describeKey, printKeyTable } from './key-output.js';

export function addKeyCommands(program: Command): void {
  const keys = program.command('keys').description('Manage API keys');
  keys.command('create').description('Create an API key; the token is printed once and stored only as a hash')
    .requiredOption('--account <id>', 'account id', positiveInt)
    .option('--user <id>', 'user the key acts for', positiveInt)
    .option('--scopes <list>', `comma-separated: ${scopes.join(', ')} (default leads:write,contacts:read)`)
    .addOption(new Option('--expires <validity>', 'validity').choices(Object.keys(keyValidities)).default('never'))
    .option('--name <name>', 'a name to recognise the key by')
    .option('--rate-limit <max/window>', 'per-key rate limit, e.g. 100/10s (default: the server\'s)')
    .option('--json', 'print JSON')
    .action(async (o: { account: number; user?: number; scopes?: string; expires: keyof typeof keyValidities; name?: string; rateLimit?: string; json?: boolean }) => {
      const { key, token } = await withServices((s) => s.apiKeys.create({
        accountId: o.account, userId: o.user, name: o.name, expires: o.expires, rateLimit: o.rateLimit,
        scopes: o.scopes?.split(',').map((x) => x.trim()).filter(Boolean),
      }));
      if (o.json) console.log(JSON.stringify({ ...describeKey(key), token }));
      else console.log(`key ${key.id} created (${key.scopes}${key.expires_at ? `, expires ${key.expires_at}` : ''})\ntoken (shown once): ${token}`);
    });

  keys.command('list').description('List an account\'s keys (never their secrets)')
    .requiredOption('--account <id>', 'account id', positiveInt)
    .option('--json', 'print JSON')
    .action(async (o: { account: number; json?: boolean }) => {
      const list = await withServices((s) => s.apiKeys.list(o.account));
      if (o.json) console.log(JSON.stringify(list.map(describeKey)));
      else printKeyTable(list);
    });

  for (const [verb, description] of [['revoke', 'Revoke a key for good'], ['deactivate', 'Suspend a key'], ['activate', 'Re-enable a suspended key']] as const) {
    keys.command(`${verb} <id>`).description(description).option('--json', 'print JSON')
      .action(async (id: string, o: { json?: boolean }) => {
        const keyId = idArgument('key', id);
        const key = await withServices((s) => (verb === 'revoke' ? s.apiKeys.revoke(keyId) : s.apiKeys.setActive(keyId, verb === 'activate')));
        print(!!o.json, describeKey(key), `key ${key.id} is ${key.status}`);
      });
  }
}
