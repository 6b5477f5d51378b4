// Every protected route, and each way its dialect lets a client present a key, so that one
// shared auth suite (auth.test.ts) runs the same checks against all of them. To add a route, add
// an entry. To add a dialect, add it to AuthDialect and its refusal envelope to `expectRejection`.
import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Scope } from '../../src/api-keys/scopes.js';
import { managementProtectedRoutes } from './management-protected-routes.js';

export type AuthDialect = 'aloware' | 'alohub' | 'leadgate';
export type AuthFailure = 'unauthenticated' | 'forbidden';

/** Rows a route needs to answer with success; the suite makes them once per database. */
export interface RouteFixture {
  /** A contact of the account whose keys the suite presents. */
  contactId: number;
}

export interface ProtectedRoute {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The route as Fastify declares it. */
  url: string;
  scope: Scope;
  dialect: AuthDialect;
  /** A request that succeeds with `okStatus` when `token` is a good key; without a key when undefined. */
  send(token: string | undefined, fixture: RouteFixture): InjectOptions;
  okStatus: number;
}

// Each capture carries a number no other request used, so a good key always creates a contact.
let nextNumber = 0;
function freshLead(): Record<string, unknown> {
  nextNumber += 1;
  return { phone_number: `818555${String(1000 + nextNumber)}`, name: 'Auth Probe' };
}
function freshVietnameseLead(): Record<string, unknown> {
  nextNumber += 1;
  return { phone: `0868${String(100000 + nextNumber)}`, name: 'Auth Probe' };
}

const bearer = (token: string | undefined) => (token === undefined ? {} : { authorization: `Bearer ${token}` });

export const protectedRoutes: ProtectedRoute[] = [
  {
    name: 'POST /api/v1/webhook/forms (api_token in the JSON body)',
    method: 'POST', url: '/api/v1/webhook/forms', scope: 'leads:write', dialect: 'aloware', okStatus: 201,
    send: (token) => ({
      method: 'POST', url: '/api/v1/webhook/forms',
      payload: { ...freshLead(), ...(token === undefined ? {} : { api_token: token }) },
    }),
  },
  {
    name: 'POST /api/v1/webhook/forms (api_token in the query string)',
    method: 'POST', url: '/api/v1/webhook/forms', scope: 'leads:write', dialect: 'aloware', okStatus: 201,
    send: (token) => ({
      method: 'POST', url: '/api/v1/webhook/forms',
      ...(token === undefined ? {} : { query: { api_token: token } }),
      payload: freshLead(),
    }),
  },
  ...([
    ['Authorization: <key>', (token: string) => ({ authorization: token })],
    ['Authorization: Bearer <key>', (token: string) => ({ authorization: `Bearer ${token}` })],
    ['X-Api-Key: <key>', (token: string) => ({ 'x-api-key': token })],
  ] as const).map(([how, header]): ProtectedRoute => ({
    name: `POST /api/crm/lead (${how})`,
    method: 'POST', url: '/api/crm/lead', scope: 'leads:write', dialect: 'alohub', okStatus: 200,
    send: (token) => ({ method: 'POST', url: '/api/crm/lead', headers: token === undefined ? {} : header(token), payload: freshVietnameseLead() }),
  })),
  {
    name: 'POST /v1/leads',
    method: 'POST', url: '/v1/leads', scope: 'leads:write', dialect: 'leadgate', okStatus: 201,
    send: (token) => ({ method: 'POST', url: '/v1/leads', headers: bearer(token), payload: freshLead() }),
  },
  {
    name: 'GET /v1/contacts/:id',
    method: 'GET', url: '/v1/contacts/:id', scope: 'contacts:read', dialect: 'leadgate', okStatus: 200,
    send: (token, fixture) => ({ method: 'GET', url: `/v1/contacts/${fixture.contactId}`, headers: bearer(token) }),
  },
  {
    name: 'GET /v1/contacts',
    method: 'GET', url: '/v1/contacts', scope: 'contacts:read', dialect: 'leadgate', okStatus: 200,
    send: (token) => ({ method: 'GET', url: '/v1/contacts', query: { limit: '5' }, headers: bearer(token) }),
  },
  {
    name: 'GET /v1/capture-log',
    method: 'GET', url: '/v1/capture-log', scope: 'contacts:read', dialect: 'leadgate', okStatus: 200,
    send: (token) => ({ method: 'GET', url: '/v1/capture-log', query: { outcome: 'rejected' }, headers: bearer(token) }),
  },
  ...managementProtectedRoutes,
];

const alowareMessages: Record<AuthFailure, string> = {
  unauthenticated: 'Unauthenticated.',
  forbidden: 'This action is unauthorized.',
};

const alohubCodes: Record<AuthFailure, { status: number; error_code: string }> = {
  unauthenticated: { status: 401, error_code: 'UNAUTHORIZED' },
  forbidden: { status: 403, error_code: 'INSUFFICIENT_SCOPE' },
};

const problems: Record<AuthFailure, { status: number; code: string; title: string }> = {
  unauthenticated: { status: 401, code: 'UNAUTHENTICATED', title: 'A valid API key is required.' },
  forbidden: { status: 403, code: 'INSUFFICIENT_SCOPE', title: 'The API key lacks the scope this action needs.' },
};

/** Asserts the exact answer a client of each dialect gets when its key is refused. */
export const expectRejection: Record<AuthDialect, (res: LightMyRequestResponse, failure: AuthFailure) => void> = {
  aloware(res, failure) {
    assert.equal(res.statusCode, failure === 'unauthenticated' ? 401 : 403, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.deepEqual(res.json(), { message: alowareMessages[failure] });
  },
  alohub(res, failure) {
    const { status, error_code } = alohubCodes[failure];
    assert.equal(res.statusCode, status, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = res.json();
    assert.ok(typeof body.error_message === 'string' && body.error_message.length > 0, 'error_message');
    assert.deepEqual(body, { success: '0', error_code, error_message: body.error_message });
  },
  leadgate(res, failure) {
    const p = problems[failure];
    assert.equal(res.statusCode, p.status, res.body);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const requestId = res.headers['x-request-id'];
    assert.ok(typeof requestId === 'string' && requestId.length > 0, 'x-request-id header');
    assert.deepEqual(res.json(), {
      type: `urn:leadgate:problem:${p.code.toLowerCase().replace(/_/g, '-')}`,
      title: p.title, status: p.status, code: p.code, request_id: requestId,
    });
  },
};

export function assertRejected(route: ProtectedRoute, res: LightMyRequestResponse, failure: AuthFailure): void {
  expectRejection[route.dialect](res, failure);
}
