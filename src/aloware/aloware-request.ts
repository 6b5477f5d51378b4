// The Aloware wire format: every field of the vendor page plus the n8n node's extras, declared
// once in `fields`. The JSON Schema (validation + OpenAPI), the mapping of schema errors back to
// Laravel rules and the conversion to the capture input are all derived from that table.
import { Type, type TSchema } from 'typebox';
import type { FieldError, FieldRule } from '../errors/field-error.js';
import { contactTextFields, type LeadInput } from '../capture/lead-input.js';

type Kind = 'text' | 'notes' | 'boolean' | 'id' | 'position' | 'phone' | 'phones' | 'tags';

const TEXT_MAX = 255;
const NOTES_MAX = 10_000;

const fields: Record<string, Kind> = {
  api_token: 'text',
  phone_number: 'phone',
  other_phone_numbers: 'phones',
  ...Object.fromEntries(contactTextFields.map((f) => [f, 'text' as const])),
  notes: 'notes',
  user_id: 'id',
  distribute_to_ring_group: 'boolean',
  ring_group_id: 'id',
  check_available_users: 'boolean',
  check_available_users_with_fallback: 'boolean',
  add_to_powerdialer: 'boolean',
  powerdialer_position: 'position',
  sequence_id: 'id',
  automation_id: 'id',
  force_update_sequence: 'boolean',
  force_update: 'boolean',
  line_id: 'id',
  tag_id: 'id',
  tags: 'tags',
  disposition_status_id: 'id',
  is_dnc: 'boolean',
};

// Laravel's boolean rule plus the strings "true"/"false"; form posts send strings.
const booleanValues = [true, false, 0, 1, '0', '1', 'true', 'false'];
const idPattern = '^[1-9][0-9]{0,17}$';

function schemaFor(kind: Kind): TSchema {
  switch (kind) {
    // Numbers are taken as text (a zip code sent as 90045); anything else is not text.
    case 'text': return Type.Unsafe<string | number>({ type: ['string', 'number'], maxLength: TEXT_MAX });
    case 'notes': return Type.String({ maxLength: NOTES_MAX });
    case 'tags': return Type.String({ maxLength: NOTES_MAX, description: 'Comma-separated tag names.' });
    case 'boolean': return Type.Unsafe<boolean | number | string>({ type: ['boolean', 'integer', 'string'], enum: booleanValues });
    case 'id': return Type.Unsafe<number | string>({ type: ['integer', 'string'], minimum: 1, pattern: idPattern });
    case 'position': return Type.Union([Type.Literal('top'), Type.Literal('bottom')]);
    case 'phone': return Type.Unsafe<string | number>({ type: ['string', 'integer'], minimum: 1, maxLength: 64 });
    // The array form first: Fastify's Ajv coerces with 'array', which would otherwise unwrap a
    // one-item array in the string branch. It may also wrap a plain string into an array, so
    // string items are split on commas when read.
    case 'phones': return Type.Union([
      Type.Array(Type.Union([
        Type.Object({ label: Type.Optional(Type.String({ maxLength: TEXT_MAX })), phone_number: Type.Unsafe<string | number>({ type: ['string', 'integer'], maxLength: 64 }) }),
        Type.String({ maxLength: NOTES_MAX }),
      ]), { maxItems: 50 }),
      Type.String({ maxLength: NOTES_MAX, description: 'Comma-separated numbers.' }),
    ]);
  }
}

export const alowareBodySchema = Type.Object(
  Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, Type.Optional(schemaFor(kind))])),
  { additionalProperties: true, description: 'A lead in Aloware Lead API form. api_token and phone_number may come in the query string instead.' },
);

export const alowareQuerySchema = Type.Object({
  api_token: Type.Optional(Type.String({ maxLength: TEXT_MAX })),
  phone_number: Type.Optional(Type.String({ maxLength: 64 })),
}, { additionalProperties: true });

export type AlowareBody = Record<string, unknown>;

const ruleFor: Record<Kind, FieldRule> = {
  text: 'string', notes: 'string', tags: 'string', boolean: 'boolean', id: 'integer', position: 'in', phone: 'string', phones: 'array',
};

interface SchemaError { keyword: string; instancePath: string; params: Record<string, unknown> }

/** Ajv's errors, as the Laravel rules they stand for; the first error per field wins. */
export function fieldErrorsFromSchema(errors: SchemaError[]): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    const path = e.instancePath.split('/').slice(1);
    const field = path.join('.') || 'body';
    if (byField.has(field)) continue;
    const kind = fields[path[0] ?? ''];
    if (e.keyword === 'maxLength') byField.set(field, { field, rule: 'max', params: { max: Number(e.params.limit) } });
    else if (e.keyword === 'maxItems') byField.set(field, { field, rule: 'max', params: { max: Number(e.params.limit), items: true } });
    else if (!kind) byField.set(field, { field, rule: 'object' });
    else if (path.length > 1) byField.set(field, { field, rule: path.at(-1) === 'label' || path.at(-1) === 'phone_number' ? 'string' : 'object' });
    else byField.set(field, { field, rule: ruleFor[kind] });
  }
  return [...byField.values()];
}

const truthy = new Set<unknown>([true, 1, '1', 'true']);
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const bool = (v: unknown): boolean | undefined => (v === undefined ? undefined : truthy.has(v));
const id = (v: unknown): number | undefined => (v === undefined || v === '' ? undefined : Number(v));

function otherNumbers(v: unknown): LeadInput['otherPhoneNumbers'] {
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).flatMap((item) => (typeof item === 'object' && item !== null
    ? [{ label: str((item as { label?: unknown }).label), phoneNumber: String((item as { phone_number: unknown }).phone_number) }]
    : String(item).split(',').map((n) => ({ phoneNumber: n }))));
}

/** The validated wire body (query values fill in what the body lacks) as the capture input. */
export function toLeadInput(body: AlowareBody, query: { phone_number?: string }): LeadInput {
  const fieldValues: LeadInput['fields'] = {};
  for (const f of contactTextFields) if (body[f] !== undefined) fieldValues[f] = str(body[f]);
  return {
    phoneNumber: str(body.phone_number) ?? query.phone_number ?? '',
    otherPhoneNumbers: otherNumbers(body.other_phone_numbers),
    fields: fieldValues,
    notes: str(body.notes),
    userId: id(body.user_id),
    isDnc: bool(body.is_dnc),
    forceUpdate: bool(body.force_update),
    routing: {
      distributeToRingGroup: bool(body.distribute_to_ring_group),
      ringGroupId: id(body.ring_group_id),
      checkAvailableUsers: bool(body.check_available_users),
      checkAvailableUsersWithFallback: bool(body.check_available_users_with_fallback),
      addToPowerDialer: bool(body.add_to_powerdialer),
      powerDialerPosition: body.powerdialer_position as 'top' | 'bottom' | undefined,
      sequenceId: id(body.sequence_id) ?? id(body.automation_id),
      forceUpdateSequence: bool(body.force_update_sequence),
      lineId: id(body.line_id),
      tagId: id(body.tag_id),
      tags: str(body.tags)?.split(',').map((t) => t.trim()).filter(Boolean),
      dispositionStatusId: id(body.disposition_status_id),
    },
  };
}
