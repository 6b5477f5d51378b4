// leadgate's API for contacts: read with contacts:read, edit with contacts:write; errors as
// problem details.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireKey } from '../http/authenticate.js';
import { IdParams } from '../http/id-params.js';
import { ContactSchema } from './contact-view.js';
import { ContactEditBody } from './contact-edit-body.js';
import { MAX_PAGE } from './contact-service.js';

export async function contactRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const readContacts = requireKey(app, 'contacts:read');

  r.get('/v1/contacts/:id', {
    schema: {
      summary: 'Get a contact',
      tags: ['Contacts'],
      security: [{ bearer: [] }],
      params: IdParams,
      response: { 200: ContactSchema },
    },
    preValidation: readContacts,
  }, async (request) => request.server.services.contacts.get(request.auth!.accountId, request.params.id));

  r.get('/v1/contacts', {
    schema: {
      summary: 'Find contacts by phone number, or search and page through them (newest first)',
      tags: ['Contacts'],
      security: [{ bearer: [] }],
      querystring: Type.Object({
        phone: Type.Optional(Type.String({ maxLength: 64, description: 'Any format of a number; matches primary and other numbers.' })),
        q: Type.Optional(Type.String({ maxLength: 255, description: 'Text inside name, company or email.' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 25 })),
        cursor: Type.Optional(Type.String({ maxLength: 64, description: 'next_cursor of the previous page.' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(ContactSchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) },
    },
    preValidation: readContacts,
  }, async (request) => request.server.services.contacts.list(request.auth!.accountId, request.auth!.defaultCountry, request.query));

  r.patch('/v1/contacts/:id', {
    schema: {
      summary: 'Edit a contact\'s fields, owner, line, disposition or do-not-contact mark',
      description: 'Only the fields sent change; null (or "" for text) clears one. References must be objects of the account. Phone numbers are not edited here.',
      tags: ['Contacts'],
      security: [{ bearer: [] }],
      params: IdParams,
      body: ContactEditBody,
      response: { 200: ContactSchema },
    },
    preValidation: requireKey(app, 'contacts:write'),
  }, async (request) => request.server.services.contacts.update(request.auth!.accountId, request.params.id, request.body));
}
