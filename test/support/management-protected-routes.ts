// The management API's and contact editing's entries for the shared auth suite
// (protected-routes.ts spreads them into its table). The suite's fixture holds one contact, so
// routes on another object's :id name an id that exists nowhere (the largest integer id): a good
// key gets past authentication and the scope check and is answered 404 by the handler, the
// same answer every time, which also suits DELETE. POST /v1/ring-groups names a member that is
// no user for the same reason, and is answered 400 once past the key checks.
import type { InjectOptions } from 'fastify';
import type { Scope } from '../../src/api-keys/scopes.js';

// The shape of protected-routes.ts's entries, restated so that this file stands on its own.
interface RouteFixture { contactId: number }
interface ProtectedRoute {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  scope: Scope;
  dialect: 'leadgate';
  send(token: string | undefined, fixture: RouteFixture): InjectOptions;
  okStatus: number;
}

const NOBODY = 2_147_483_647;
const bearer = (token: string | undefined) => (token === undefined ? {} : { authorization: `Bearer ${token}` });

let probe = 0;
/** A tag name no earlier request used: tag names are unique. */
const freshName = () => `Auth probe ${++probe}`;

function route(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, okStatus: number, request: (fixture: RouteFixture) => { url: string; payload?: object }, note = ''): ProtectedRoute {
  return {
    name: `${method} ${url}${note}`, method, url, scope: 'admin', dialect: 'leadgate', okStatus,
    send: (token, fixture): InjectOptions => {
      const { url: path, payload } = request(fixture);
      return { method, url: path, headers: bearer(token), ...(payload ? { payload } : {}) };
    },
  };
}

const collections = ['users', 'ring-groups', 'tags', 'lines', 'disposition-statuses', 'sequences'];
const nothing = ' (an id of nothing: 404 once past the key checks)';

export const managementProtectedRoutes: ProtectedRoute[] = [
  ...collections.flatMap((c) => [
    route('GET', `/v1/${c}`, 200, () => ({ url: `/v1/${c}` })),
    route('GET', `/v1/${c}/:id`, 404, () => ({ url: `/v1/${c}/${NOBODY}` }), nothing),
    route('PATCH', `/v1/${c}/:id`, 404, () => ({ url: `/v1/${c}/${NOBODY}`, payload: { name: 'Renamed' } }), nothing),
    route('DELETE', `/v1/${c}/:id`, 404, () => ({ url: `/v1/${c}/${NOBODY}` }), nothing),
  ]),
  route('POST', '/v1/users', 201, () => ({ url: '/v1/users', payload: { name: 'Auth Probe' } })),
  route('POST', '/v1/ring-groups', 400, () => ({ url: '/v1/ring-groups', payload: { name: 'Probe', layers: [{ strategy: 'random', user_ids: [NOBODY] }] } }), ' (a member that is no user: 400 once past the key checks)'),
  ...['tags', 'lines', 'disposition-statuses', 'sequences'].map((c) => route('POST', `/v1/${c}`, 201, () => ({ url: `/v1/${c}`, payload: { name: freshName() } }))),
  route('GET', '/v1/users/:id/power-dialer', 404, () => ({ url: `/v1/users/${NOBODY}/power-dialer` }), nothing),
  route('DELETE', '/v1/users/:id/power-dialer/:contact_id', 404, (f) => ({ url: `/v1/users/${NOBODY}/power-dialer/${f.contactId}` }), nothing),
  {
    name: 'PATCH /v1/contacts/:id',
    method: 'PATCH', url: '/v1/contacts/:id', scope: 'contacts:write', dialect: 'leadgate', okStatus: 200,
    send: (token, fixture) => ({ method: 'PATCH', url: `/v1/contacts/${fixture.contactId}`, headers: bearer(token), payload: { lead_source: 'auth probe' } }),
  },
];
