// A capture log entry as the API and the CLI show it: the stored JSON columns parsed back.
import { Type, type Static } from 'typebox';
import type { Selectable } from 'kysely';
import type { CaptureLogTable } from '../db/schema.js';

export const captureOutcomes = ['created', 'updated', 'unchanged', 'rejected'] as const;

export const CaptureLogEntrySchema = Type.Object({
  id: Type.Integer(),
  created_at: Type.String(),
  request_id: Type.String({ description: 'The X-Request-Id the client was answered with.' }),
  dialect: Type.Enum(['aloware', 'alohub', 'leadgate']),
  outcome: Type.Enum([...captureOutcomes]),
  status: Type.Integer({ description: 'The HTTP status the client got.' }),
  contact_id: Type.Union([Type.Integer(), Type.Null()]),
  api_key_id: Type.Union([Type.Integer(), Type.Null()]),
  warnings: Type.Array(Type.String()),
  error: Type.Unknown({ description: 'For a rejected request, the body its client was answered with; otherwise null.' }),
  payload: Type.Unknown({ description: 'What the client sent: { query, body }, with the API token removed.' }),
});
export type CaptureLogEntryJson = Static<typeof CaptureLogEntrySchema>;

export function describeCaptureLogEntry(row: Selectable<CaptureLogTable>): CaptureLogEntryJson {
  return {
    id: row.id,
    created_at: row.created_at,
    request_id: row.request_id,
    dialect: row.dialect as CaptureLogEntryJson['dialect'],
    outcome: row.outcome as CaptureLogEntryJson['outcome'],
    status: row.status,
    contact_id: row.contact_id,
    api_key_id: row.api_key_id,
    warnings: parseJson(row.warnings) as string[],
    error: row.error === null ? null : parseJson(row.error),
    payload: parseJson(row.payload),
  };
}

// Every stored value was written with JSON.stringify; a row edited by hand still shows as text.
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
