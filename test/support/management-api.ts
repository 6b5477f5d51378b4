// A Bearer client for leadgate's own JSON API, and the exact problem-details answers it expects.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Harness } from './harness.js';

export interface ApiClient {
  get(url: string, query?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function apiClient(h: Harness, token: string): ApiClient {
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (url, query) => h.inject({ method: 'GET', url, query, headers }),
    post: (url, payload) => h.inject({ method: 'POST', url, headers, payload: payload as object }),
    patch: (url, payload) => h.inject({ method: 'PATCH', url, headers, payload: payload as object }),
    delete: (url) => h.inject({ method: 'DELETE', url, headers }),
  };
}

/** A JSON success with this status; resolves to the body. */
export function ok(res: LightMyRequestResponse, status = 200): any {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  return res.json();
}

/** A problem-details answer; with `fields`, exactly these field errors in this order. */
export function assertProblem(res: LightMyRequestResponse, status: number, code: string, fields?: { field: string; rule: string }[]): any {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.code, code, res.body);
  assert.equal(body.status, status);
  assert.equal(body.request_id, res.headers['x-request-id']);
  if (fields) assert.deepEqual(body.errors.map((e: { field: string; rule: string }) => ({ field: e.field, rule: e.rule })), fields);
  return body;
}

/** An ISO timestamp as the service writes them. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
