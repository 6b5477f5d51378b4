// leadgate ring-groups create --layer round_robin:1,2,3 [--layer random:4,5]
import { InvalidArgumentError, type Command } from 'commander';
import type { LayerInput } from '../ring-groups/ring-group-service.js';
import { positiveInt } from './cli-arguments.js';
import { print, withServices } from './with-services.js';

const LAYER = /^(round_robin|random):([1-9][0-9]{0,15}(?:,[1-9][0-9]{0,15})*)$/;

/** `round_robin:1,2,3`, collected in the order given: the first --layer is tried first. */
function collectLayer(value: string, layers: LayerInput[] = []): LayerInput[] {
  const m = LAYER.exec(value.replace(/\s+/g, ''));
  if (!m) throw new InvalidArgumentError('must be a strategy and user ids, e.g. round_robin:1,2,3 or random:4,5.');
  return [...layers, { strategy: m[1]!, user_ids: m[2]!.split(',').map(Number) }];
}

export function addRingGroupCommands(program: Command): void {
  const ringGroups = program.command('ring-groups').description('Manage ring groups (ordered layers of agents)');
  ringGroups.command('create').description('Create a ring group; each --layer is tried only when nobody in the layers before it is eligible')
    .requiredOption('--account <id>', 'account id', positiveInt)
    .requiredOption('--name <name>', 'ring group name')
    .requiredOption('--layer <strategy:user_ids>', 'round_robin:1,2,3 or random:4,5 (repeat for more layers)', collectLayer)
    .option('--json', 'print JSON')
    .action(async (o: { account: number; name: string; layer: LayerInput[]; json?: boolean }) => {
      const group = await withServices((s) => s.ringGroups.create(o.account, { name: o.name, layers: o.layer }));
      const summary = group.layers.map((l) => `${l.strategy}:${l.user_ids.join(',')}`).join(' then ');
      print(!!o.json, group, `ring group ${group.id} created (${group.name}: ${summary})`);
    });
}
