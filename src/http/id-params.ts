// The `:id` of a route. Ids past the database's integer range are not found (errors/not-found.ts).
import { Type } from 'typebox';

export const Id = (description?: string) => Type.Integer({ minimum: 1, ...(description ? { description } : {}) });

export const IdParams = Type.Object({ id: Id() });
