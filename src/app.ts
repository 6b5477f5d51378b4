// Builds the Fastify app and never listens, so tests drive the real thing with app.inject().
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import formbody from '@fastify/formbody';
import type { Services } from './services.js';
import './http/fastify-types.js';
import { sendProblem } from './http/problem-details.js';
import { registerJsonBodyParser } from './http/json-body.js';
import { closeQueryStrings, installValidators } from './http/validators.js';
import { toAppError } from './http/to-app-error.js';
import { AppError } from './errors/app-error.js';
import { redactTokens } from './api-keys/api-token.js';
import { alowareRoutes } from './aloware/aloware-routes.js';
import { contactRoutes } from './contacts/contact-routes.js';
import { captureLogRoutes } from './capture-log/capture-log-routes.js';
import { alohubRoutes } from './alohub/alohub-routes.js';
import { registerRateLimit, type RateLimitOptions } from './http/rate-limit.js';
import { parseRateLimit } from './api-keys/rate-limit-spec.js';
import { DEFAULT_RATE_LIMIT } from './config.js';
import { registerOpenApi } from './http/openapi.js';
import { managementRoutes } from './management/management-routes.js';
import { leadRoutes } from './leads/lead-routes.js';
import { healthRoutes } from './health/health-routes.js';

export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  services: Services;
  logger?: FastifyServerOptions['logger'];
  /** Default: LEADGATE_RATE_LIMIT's default, counted in memory. */
  rateLimit?: RateLimitOptions;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Tokens travel in the query string of Aloware requests; logs get the URL without them. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  // Compare decoded names: the query parser would read `api%5Ftoken` as api_token too.
  const pairs = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    return decodedName(name) === 'api_token' ? `${name}=[REDACTED]` : pair;
  });
  // A token under a misspelt name (api_token[]=, API+TOKEN=) is still a token.
  return redactTokens(`${url.slice(0, q)}?${pairs.join('&')}`);
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'], censor: '[REDACTED]' },
    serializers: {
      req: (req: { method: string; url: string; id?: string }) => ({ method: req.method, url: redactUrl(req.url) }),
    },
    // Lines are written by libuv's threads, not the event loop: under load, the lines that wait
    // for one write go out together in the next. Each goes out at once when the server is quiet,
    // and pino flushes what is left when the process exits.
    stream: pino.destination({ dest: 1, sync: false }),
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // An incoming X-Request-Id is kept when it is sane, so a caller can follow its request through.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Fastify's two lines per request are replaced by the one onResponse line below.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    // A URL the router cannot decode: a problem document, never Fastify's text (which echoes the URL).
    frameworkErrors: (err, request, reply) => {
      reply.header('x-request-id', request.id);
      return sendProblem(request, reply, new AppError('BAD_REQUEST', 'The URL is not valid.', [], { cause: err }));
    },
  });
  app.decorate('services', options.services);
  // On close, connections idle at that moment are closed at once, but one still busy would then
  // idle for the whole keep-alive timeout (72 s) before the process could exit. From now on, a
  // connection is closed as soon as its last answer is sent.
  app.addHook('preClose', (done) => {
    app.server.keepAliveTimeout = 1;
    done();
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // One line per request, after the answer: method, redacted URL, status, time.
  const logsRequests = ['trace', 'debug', 'info'].includes(app.log.level);
  app.addHook('onResponse', async (request, reply) => {
    if (!logsRequests) return;
    request.log.info({ method: request.method, url: redactUrl(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });

  // JSON and HTML-form bodies only; anything else (text/plain included) is a 415.
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app, BODY_LIMIT);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  installValidators(app);
  closeQueryStrings(app);

  app.setErrorHandler(async (err, request, reply) => {
    const error = toAppError(err);
    if (error.status >= 500) request.log.error({ err }, 'request failed');
    return sendProblem(request, reply, error);
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendProblem(request, reply, new AppError('NOT_FOUND', `No route ${request.method} ${redactUrl(request.url).split('?')[0]}.`)));

  await registerRateLimit(app, options.rateLimit ?? { defaultLimit: parseRateLimit(DEFAULT_RATE_LIMIT)! });
  await registerOpenApi(app);
  await app.register(healthRoutes);
  await app.register(alowareRoutes);
  await app.register(alohubRoutes);
  await app.register(leadRoutes);
  await app.register(contactRoutes);
  await app.register(captureLogRoutes);
  await app.register(managementRoutes);
  return app;
}
