// The body of PATCH /v1/contacts/:id.
import { Type, type TSchema } from 'typebox';
import { contactTextFields } from '../capture/lead-input.js';
import { Id } from '../http/id-params.js';
import { InputText } from '../http/input-text.js';

const Text = Type.Optional(Type.Union([InputText({ maxLength: 255 }), Type.Null()]));
const Ref = (description: string) => Type.Optional(Type.Union([Id(), Type.Null()], { description }));
const text = Object.fromEntries(contactTextFields.map((f) => [f, Text])) as Record<(typeof contactTextFields)[number], typeof Text>;

const notHere = (description: string): TSchema => Type.Optional(Type.Never({ description }));

export const ContactEditBody = Type.Object({
  ...text,
  user_id: Ref('The owner: a user of the account.'),
  line_id: Ref('A line of the account.'),
  disposition_status_id: Ref('A disposition status of the account.'),
  is_dnc: Type.Optional(Type.Boolean()),
  // Numbers are a contact's identity; sending one here is a mistake worth a 400, not silence.
  phone_number: notHere('Not editable here: numbers are a contact\'s identity.'),
  other_phone_numbers: notHere('Not editable here: numbers are a contact\'s identity.'),
}, { additionalProperties: false });
