// leadgate users create|set-status
import { Argument, Option, type Command } from 'commander';
import { userStatuses } from '../users/user-service.js';
import { idArgument, positiveInt } from './cli-arguments.js';
import { print, withServices } from './with-services.js';

export function addUserCommands(program: Command): void {
  const users = program.command('users').description('Manage users (agents)');
  users.command('create').description('Create a user in an account')
    .requiredOption('--account <id>', 'account id', positiveInt)
    .requiredOption('--name <name>', 'full name')
    .option('--email <email>', 'email address')
    .addOption(new Option('--status <status>', 'agent status').choices(userStatuses))
    .option('--json', 'print JSON')
    .action(async (o: { account: number; name: string; email?: string; status?: string; json?: boolean }) => {
      const user = await withServices((s) => s.users.create({ accountId: o.account, name: o.name, email: o.email, status: o.status }));
      print(!!o.json, { id: user.id, account_id: user.account_id, name: user.name, email: user.email }, `user ${user.id} created (${user.name}, ${user.status})`);
    });

  users.command('set-status').description('Set an agent\'s status: only available agents get leads that ask for available users')
    .argument('<id>', 'user id')
    .addArgument(new Argument('<status>', 'new status').choices(userStatuses))
    .option('--json', 'print JSON')
    .action(async (id: string, status: string, o: { json?: boolean }) => {
      const userId = idArgument('user', id);
      const user = await withServices((s) => s.users.setStatus(userId, status));
      print(!!o.json, { id: user.id, status: user.status }, `user ${user.id} is ${user.status}`);
    });
}
