// JSON bodies: Fastify's own parser (with its prototype-poisoning checks) behind two rules of
// ours. Nesting deeper than any lead needs is refused before it reaches the parser, the schema
// or the capture log (all of which recurse). An empty body reads as {}: a client that sends the
// JSON content type with nothing in it (a DELETE, a query-string-only capture) means no fields.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';

export const MAX_JSON_DEPTH = 32;

export function registerJsonBodyParser(app: FastifyInstance, bodyLimit: number): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, {});
    if (exceedsDepth(text, MAX_JSON_DEPTH)) {
      request.unparsedBody = text;
      return done(new AppError('BAD_REQUEST', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`), undefined);
    }
    return parseJson(request, text, (err, value) => {
      // Kept for the capture log: a form that sent broken JSON still sent a lead, to be fixed and resent.
      if (err) request.unparsedBody = text;
      // Valid JSON that the parser still refused carries a prototype-poisoning key: say so.
      if (err && isJson(text)) return done(new AppError('BAD_REQUEST', 'The JSON body may not contain a "__proto__" or "constructor.prototype" key.'), undefined);
      return done(err, value);
    });
  });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether brackets outside strings nest deeper than `limit`. */
export function exceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}
