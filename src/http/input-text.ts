// Text a client sends to leadgate's own API. PostgreSQL cannot store a NUL character and SQLite
// would keep it, so every such string refuses one in its schema: the same 400 on both databases.
import { Type, type TStringOptions } from 'typebox';

export const NO_NUL_PATTERN = '^[^\\u0000]*$';

export function InputText(options: TStringOptions = {}) {
  return Type.String({ ...options, pattern: NO_NUL_PATTERN });
}
