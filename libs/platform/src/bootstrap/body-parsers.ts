import type { FastifyInstance } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';

/**
 * The JSON and form parsers of every service, registered instead of Nest's (the app is created with
 * `bodyParser: false`). Fastify refuses `Content-Type: application/json` with an empty body
 * (FST_ERR_CTP_EMPTY_JSON_BODY), yet that is what Python `requests` with one shared header dict,
 * axios defaults and many SDKs send on a bodiless DELETE or GET: such a request is one without a
 * body. Any other JSON goes to Fastify's own parser, prototype-poisoning checks included.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body.toString(), done);
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseQueryString(body.toString()));
  });
}
