// A ring group as the management API shows and takes it.
import { Type, type Static } from 'typebox';
import { InputText } from '../http/input-text.js';
import { Id } from '../http/id-params.js';

const MAX_LAYERS = 20;
const MAX_MEMBERS = 500;

const Strategy = Type.Enum(['round_robin', 'random'], { description: 'round_robin: the member after the one who got the last lead; random: any member.' });

const Layer = Type.Object({
  strategy: Strategy,
  user_ids: Type.Array(Id(), { minItems: 1, maxItems: MAX_MEMBERS, uniqueItems: true, description: 'Users of the account, in round-robin order.' }),
}, { additionalProperties: false });

const Name = InputText({ minLength: 1, maxLength: 255 });
const Layers = Type.Array(Layer, { minItems: 1, maxItems: MAX_LAYERS, description: 'Tried in order: a lower layer only when nobody in the layers above is eligible.' });

export const RingGroupSchema = Type.Object({
  id: Type.Integer({ description: 'What the capture field `ring_group_id` takes.' }),
  name: Type.String(),
  layers: Type.Array(Type.Object({ strategy: Strategy, user_ids: Type.Array(Type.Integer()) })),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type RingGroupJson = Static<typeof RingGroupSchema>;

export const CreateRingGroupBody = Type.Object({ name: Name, layers: Layers }, { additionalProperties: false });

export const UpdateRingGroupBody = Type.Object({
  name: Type.Optional(Name),
  layers: Type.Optional(Type.Array(Layer, {
    minItems: 1, maxItems: MAX_LAYERS,
    description: 'Replaces every layer. A layer whose members are unchanged keeps its round-robin turn.',
  })),
}, { additionalProperties: false });
