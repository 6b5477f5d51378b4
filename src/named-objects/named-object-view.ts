// The API shape of each kind of named object, derived from its entry in named-object-kinds.ts.
import { Type, type TObject } from 'typebox';
import { InputText } from '../http/input-text.js';
import type { NamedObjectKind } from './named-object-kinds.js';
import type { NamedRow } from './named-object-repository.js';

const Name = InputText({ minLength: 1, maxLength: 255 });
const PhoneNumber = InputText({ maxLength: 64, description: 'Any format; a number without a country code is read in the account\'s default country. Stored in E.164.' });

export interface NamedObjectSchemas {
  object: TObject;
  create: TObject;
  update: TObject;
}

export function namedObjectSchemas(kind: NamedObjectKind): NamedObjectSchemas {
  const uniqueNote = kind.uniqueName ? ' Unique in the account, ignoring case.' : '';
  const object = Type.Object({
    id: Type.Integer({ description: `What the capture field \`${kind.captureField}\` takes.` }),
    name: Type.String(),
    ...(kind.hasPhoneNumber ? { phone_number: Type.Union([Type.String({ description: 'E.164' }), Type.Null()]) } : {}),
    created_at: Type.String(),
    updated_at: Type.String(),
  });
  const create = Type.Object({
    name: InputText({ minLength: 1, maxLength: 255, description: `The ${kind.noun}'s name.${uniqueNote}` }),
    ...(kind.hasPhoneNumber ? { phone_number: Type.Optional(PhoneNumber) } : {}),
  }, { additionalProperties: false });
  const update = Type.Object({
    name: Type.Optional(Name),
    ...(kind.hasPhoneNumber ? { phone_number: Type.Optional(Type.Union([PhoneNumber, Type.Null()], { description: 'null or "" clears it.' })) } : {}),
  }, { additionalProperties: false });
  return { object, create, update };
}

export function toNamedJson(kind: NamedObjectKind, row: NamedRow): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    ...(kind.hasPhoneNumber ? { phone_number: row.phone_number ?? null } : {}),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
