import type { AuthContext } from '../api-keys/api-key-service.js';
import type { Services } from '../services.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    /** Set by the authenticate hook of a protected route. */
    auth?: AuthContext;
    /** A JSON body that could not be parsed, as text, for the capture log (json-body.ts). */
    unparsedBody?: string;
  }
}
