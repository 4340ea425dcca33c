import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** The media type Swift object bodies are parsed as: not at all, so the handler streams them. */
const RAW_TYPE = 'application/x-swift-object-body';
const SWIFT_ROUTES = new Set(['/v1/:account', '/v1/:account/*']);
const originalTypes = new WeakMap<IncomingMessage, string | undefined>();

/** The Content-Type the client sent with a Swift object body. */
export function clientContentType(request: FastifyRequest): string | undefined {
  return originalTypes.has(request.raw) ? originalTypes.get(request.raw) : request.headers['content-type'];
}

/**
 * Before Fastify picks a body parser: Swift object PUT/POST bodies (any type: a `.json` file is
 * not JSON to parse) reach the handler unread; the bucket API's JSON bodies are JSON whatever
 * they are labelled, since the seed's own curl examples send them as curl's default form type.
 */
export function registerBucketBodyHandling(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(RAW_TYPE, (_request, _payload, done) => done(null));
  fastify.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (route === undefined || request.method === 'GET' || request.method === 'HEAD') return;
    if (SWIFT_ROUTES.has(route)) {
      originalTypes.set(request.raw, request.headers['content-type']);
      request.headers['content-type'] = RAW_TYPE;
      return;
    }
    const bucketApi = route.startsWith('/v1_ext/') || route === '/v1_ext' || route.startsWith('/v1/bucket/');
    const type = request.headers['content-type'] ?? '';
    if (bucketApi && !/^application\/json\b/i.test(type)) request.headers['content-type'] = 'application/json';
  });
}
