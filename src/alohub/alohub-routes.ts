// The Alohub CRM lead API dialect: a thin adapter over the capture service. Vietnamese numbers,
// the key in a header, Alohub's {success, error_code, error_message, data} envelope, and
// "update instead of create": the name and email sent overwrite what the contact had.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireKey } from '../http/authenticate.js';
import { handleCaptureErrors, redactedPayload } from '../http/capture-errors.js';
import { genericFieldErrors } from '../http/to-app-error.js';
import { alohubEnvelope } from './alohub-envelope.js';

/** `Authorization: <key>` as the vendor page shows it; `Bearer <key>` and `X-Api-Key` too. */
function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const authorization = request.headers.authorization?.trim();
  if (!authorization) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? authorization;
}

const Phone = Type.Unsafe<string | number>({ type: ['string', 'integer'], maxLength: 64, description: 'A Vietnamese number: 0868793800, +84868793800 or 84868793800; spaces, dots and dashes are ignored.' });

const LeadBody = Type.Object({
  phone: Type.Optional(Phone),
  email: Type.Optional(Type.String({ maxLength: 255 })),
  name: Type.Optional(Type.String({ maxLength: 255 })),
}, { additionalProperties: true });

const LeadData = Type.Object({
  id: Type.Integer(),
  phone: Type.String({ description: 'E.164' }),
  email: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  created: Type.Boolean(),
});

export async function alohubRoutes(app: FastifyInstance): Promise<void> {
  handleCaptureErrors(app, { dialect: 'alohub', tokenOf, envelope: alohubEnvelope, schemaErrors: genericFieldErrors });

  app.withTypeProvider<TypeBoxTypeProvider>().post('/api/crm/lead', {
    schema: {
      summary: 'Create a lead, or update the lead with that phone number (Alohub CRM API)',
      tags: ['Alohub'],
      security: [{ alohubKey: [] }],
      body: LeadBody,
      response: {
        200: Type.Object({ success: Type.Literal('1'), error_code: Type.Literal('SUCCESS'), error_message: Type.Literal('SUCCESS'), data: LeadData }),
      },
    },
    preValidation: requireKey(app, 'leads:write', tokenOf),
  }, async (request) => {
    const body = request.body ?? {};
    const result = await request.server.services.capture.capture(request.auth!, {
      phoneNumber: body.phone === undefined ? '' : String(body.phone),
      phoneCountry: 'VN',
      fields: { email: body.email, name: body.name },
      forceUpdate: true,
    }, { dialect: 'alohub', requestId: request.id, payload: redactedPayload(request), createdStatus: 200 });
    return {
      success: '1' as const,
      error_code: 'SUCCESS' as const,
      error_message: 'SUCCESS' as const,
      data: { id: result.contactId, phone: result.contact.phoneNumber, email: result.contact.email, name: result.contact.name, created: result.outcome === 'created' },
    };
  });
}
