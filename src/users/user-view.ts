// A user (agent) as the management API shows and takes it.
import { Type, type Static } from 'typebox';
import { InputText } from '../http/input-text.js';
import type { UserRow } from '../db/schema.js';
import { userStatuses, type UserStatus } from './user-service.js';

const Status = Type.Enum([...userStatuses], { description: 'Only `available` agents are eligible when a lead asks for available users.' });
const Name = InputText({ minLength: 1, maxLength: 255 });
const Email = InputText({ maxLength: 254, description: 'A valid email address.' });

export const UserSchema = Type.Object({
  id: Type.Integer({ description: 'What the capture field `user_id` takes.' }),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type UserJson = Static<typeof UserSchema>;

export const CreateUserBody = Type.Object({
  name: Name,
  email: Type.Optional(Email),
  status: Type.Optional(Type.Enum([...userStatuses], { default: 'offline' })),
}, { additionalProperties: false });

export const UpdateUserBody = Type.Object({
  name: Type.Optional(Name),
  email: Type.Optional(Type.Union([Email, Type.Null()], { description: 'null or "" clears it.' })),
  status: Type.Optional(Status),
}, { additionalProperties: false });

export function toUserJson(row: UserRow): UserJson {
  return {
    id: row.id, name: row.name, email: row.email, status: row.status as UserStatus,
    created_at: row.created_at, updated_at: row.updated_at,
  };
}
